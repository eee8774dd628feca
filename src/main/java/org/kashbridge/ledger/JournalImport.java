package org.kashbridge.ledger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

/**
 * Upgrade from the journal ledger of earlier versions: {@code ledger.jsonl} in the ledger folder is read once into
 * the embedded ledger (each key's last state, under the Kash target configured now: the journal did not name one) and renamed {@code ledger.jsonl.imported}, so that edits applied before the upgrade stay DUPLICATE.
 */
final class JournalImport {

    private static final Logger LOG = Logger.getLogger(JournalImport.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private JournalImport() {
    }

    static void run(Path dir, LedgerStore store, String target) {
        Path journal = dir.resolve("ledger.jsonl");
        if (!Files.isRegularFile(journal)) {
            return;
        }
        int[] n = {0};
        store.write(c -> {
            try (BufferedReader in = Files.newBufferedReader(journal, StandardCharsets.UTF_8);
                    PreparedStatement ps = c
                            .prepareStatement("INSERT INTO kash_edit (target, edit_key, state, order_id, "
                                    + "fingerprint, outcome, edit, attempts, owner, claim, created_at, updated_at) VALUES "
                                    + "(?, ?, ?, NULL, ?, ?, ?, ?, ?, NULL, ?, ?) ON CONFLICT (target, edit_key) DO UPDATE SET "
                                    + "state = EXCLUDED.state, fingerprint = EXCLUDED.fingerprint, outcome = EXCLUDED.outcome, "
                                    + "edit = EXCLUDED.edit, attempts = EXCLUDED.attempts, owner = EXCLUDED.owner, "
                                    + "updated_at = EXCLUDED.updated_at")) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    JsonNode e;
                    try {
                        e = JSON.readTree(line);
                    } catch (IOException torn) {
                        continue; // a line torn by a crash recorded nothing that was acted on
                    }
                    if (e == null || !e.hasNonNull("key") || !e.hasNonNull("state")) {
                        continue;
                    }
                    long updated = Instant.parse(e.path("updated").asText(Instant.now().toString())).toEpochMilli();
                    String state = e.get("state").asText();
                    ps.setString(1, target);
                    ps.setString(2, e.get("key").asText());
                    ps.setString(3, state);
                    ps.setString(4, text(e, "fingerprint"));
                    ps.setString(5, text(e, "outcome"));
                    ps.setString(6, text(e, "edit"));
                    ps.setInt(7, e.path("attempts").asInt());
                    // an edit in flight when the old version stopped: its bridge is gone
                    ps.setString(8, "IN_FLIGHT".equals(state) ? "journal" : null);
                    ps.setLong(9, updated);
                    ps.setLong(10, updated);
                    ps.executeUpdate();
                    n[0]++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the old ledger journal " + journal, e);
            }
            return null;
        }, Long.MAX_VALUE);
        try {
            Files.move(journal, dir.resolve("ledger.jsonl.imported"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("imported " + journal + " but cannot rename it", e);
        }
        LOG.infof("imported %d entries of the journal ledger %s; it is kept as ledger.jsonl.imported", n[0], journal);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
