package org.kashbridge.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

import org.junit.jupiter.api.Test;

/** The version the ledger checks before it starts Flyway is the newest migration shipped. */
class LedgerSchemaTest {

    @Test
    void schemaVersionIsTheNewestMigration() throws Exception {
        try (var files = Files.list(Path.of("src/main/resources/db/ledger"))) {
            String newest = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__"))).max(Comparator.comparingInt(Integer::parseInt))
                    .orElseThrow();
            assertEquals(newest, LedgerProducer.SCHEMA_VERSION);
        }
    }
}
