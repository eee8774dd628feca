package org.kashbridge.ledger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The default ledger: an append-only JSON-lines journal under the data dir, forced to disk on every
 * write, replayed into memory at start. A torn last line (crash mid-write) is ignored: the entry it
 * would have recorded was not acted on yet.
 */
public final class JournalLedger implements EditLedger {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final Map<String, LedgerEntry> byKey = new ConcurrentHashMap<>();
    private final Map<String, LedgerEntry> succeededByFingerprint = new ConcurrentHashMap<>();
    private final FileChannel channel;
    private final Object syncLock = new Object();
    private long written;
    private volatile long synced;

    public JournalLedger(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (Files.exists(file)) {
                replay();
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the ledger " + file, e);
        }
    }

    private void replay() throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    index(fromJson(JSON.readTree(line)));
                } catch (IOException | RuntimeException e) {
                    // torn write at a crash: nothing was done on the strength of it
                }
            }
        }
    }

    @Override
    public Optional<LedgerEntry> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    @Override
    public Optional<LedgerEntry> findSucceededByFingerprint(String fingerprint) {
        return Optional.ofNullable(succeededByFingerprint.get(fingerprint));
    }

    /**
     * Appends the entry and returns once it is on disk. Group commit: writers append under one lock, then
     * one force() covers every entry written before it, so concurrent edits share the cost of a sync.
     */
    @Override
    public void record(LedgerEntry entry) {
        long mine;
        try {
            byte[] line = (JSON.writeValueAsString(toJson(entry)) + "\n").getBytes(StandardCharsets.UTF_8);
            synchronized (this) {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                mine = ++written;
                index(entry);
            }
            synchronized (syncLock) {
                if (synced < mine) {
                    long upTo;
                    synchronized (this) {
                        upTo = written;
                    }
                    channel.force(false);
                    synced = upTo;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ledger " + file, e);
        }
    }

    @Override
    public List<LedgerEntry> inState(LedgerState state) {
        return byKey.values().stream().filter(e -> e.state() == state).toList();
    }

    private void index(LedgerEntry e) {
        byKey.put(e.key(), e);
        if (e.state() == LedgerState.SUCCEEDED && e.fingerprint() != null) {
            succeededByFingerprint.put(e.fingerprint(), e);
        }
    }

    private static ObjectNode toJson(LedgerEntry e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("key", e.key()).put("state", e.state().name()).put("fingerprint", e.fingerprint())
                .put("outcome", e.outcome()).put("edit", e.edit()).put("attempts", e.attempts())
                .put("updated", e.updated().toString());
        return n;
    }

    private static LedgerEntry fromJson(JsonNode n) {
        return new LedgerEntry(n.get("key").asText(), LedgerState.valueOf(n.get("state").asText()),
                text(n, "fingerprint"), text(n, "outcome"), text(n, "edit"), n.path("attempts").asInt(),
                Instant.parse(n.get("updated").asText()));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
