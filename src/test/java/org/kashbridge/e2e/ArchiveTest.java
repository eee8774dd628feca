package org.kashbridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.kashbridge.support.Inbox;

/**
 * Accepted edits are archived as one JSON line each in data/archive/&lt;UTC date&gt;.jsonl, whole lines even
 * when many lanes finish at once, and no file per edit.
 */
@QuarkusTest
class ArchiveTest {

    // a line holding two records glued together must not read as one
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Test
    void everyAcceptedEditIsOneWholeLineOfTheDayFile() throws Exception {
        StringBuilder csv = new StringBuilder("orderID,payment,itemType,title,price\n");
        for (int i = 0; i < 200; i++) {
            csv.append(41_000 + i).append(",-2,free,Line ").append(i).append(",1.5\n");
        }
        Inbox.drop("archive-lines.csv", csv.toString());
        Inbox.awaitReport(Inbox.done(), "archive-lines.csv");

        List<String> records = Inbox.records(Inbox.archive(), "archive-lines.csv");
        assertEquals(200, records.size());
        Set<Long> orders = new HashSet<>();
        for (String line : records) {
            JsonNode r = JSON.readTree(line);
            assertEquals("OK", r.get("status").asText(), line);
            assertEquals("****", r.at("/request/key").asText(), line);
            orders.add(r.get("orderID").asLong());
        }
        assertEquals(200, orders.size());
        try (Stream<Path> files = Files.list(Inbox.archive())) {
            List<Path> all = files.toList();
            assertFalse(all.isEmpty());
            for (Path p : all) {
                // every line of the day files is a whole record: no two writes interleaved
                assertEquals(true, p.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}\\.jsonl"), p.toString());
                for (String line : Files.readAllLines(p)) {
                    assertFalse(line.isBlank(), "blank line in " + p);
                    JSON.readTree(line);
                }
            }
        }
    }
}
