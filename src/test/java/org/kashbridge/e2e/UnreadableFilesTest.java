package org.kashbridge.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.kashbridge.simulator.KashSimulator;
import org.kashbridge.support.Inbox;

/** Files that cannot be read at all go to failed/ untouched, with a report saying why; nothing is sent. */
@QuarkusTest
class UnreadableFilesTest {

    @Inject
    KashSimulator simulator;

    private List<CSVRecord> dropAndAwaitFailed(String name, byte[] content) throws Exception {
        int before = simulator.received().size();
        Inbox.drop(name, content);
        List<CSVRecord> report = Inbox.awaitReport(Inbox.failed(), name);
        assertArrayEquals(content, Files.readAllBytes(Inbox.failed().resolve(name)), "the input is kept as it was");
        assertEquals(before, simulator.received().size(), "nothing may be sent from an unreadable file");
        assertEquals(1, report.size());
        assertEquals("REJECTED", report.get(0).get("status"));
        return report;
    }

    @Test
    void missingHeader() throws Exception {
        List<CSVRecord> r = dropAndAwaitFailed("no-header.csv", "6001,-1,Free_1_X\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("file not processed: no header row: the first row must name the columns (orderID, payment, item "
                + "or itemType, ...), but it reads '6001,-1,Free_1_X'", r.get(0).get("message"));
    }

    @Test
    void emptyFile() throws Exception {
        List<CSVRecord> r = dropAndAwaitFailed("empty.csv", new byte[0]);
        assertTrue(r.get(0).get("message").startsWith("file not processed: the file is empty"));
    }

    @Test
    void unknownColumn() throws Exception {
        List<CSVRecord> r = dropAndAwaitFailed("typo.csv",
                "orderID,paymnet\n6002,-1\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(r.get(0).get("message").startsWith("file not processed: unknown column 'paymnet' (column 2)"),
                r.get(0).get("message"));
    }

    @Test
    void sameNameDroppedAgainNeverOverwritesAnything() throws Exception {
        dropAndAwaitFailed("again.csv", "x\n".getBytes(StandardCharsets.UTF_8));
        byte[] second = "y\n".getBytes(StandardCharsets.UTF_8);
        Inbox.drop("again.csv", second);
        Inbox.awaitReport(Inbox.failed(), "again-1.csv");
        assertArrayEquals(second, Files.readAllBytes(Inbox.failed().resolve("again-1.csv")));
        assertArrayEquals("x\n".getBytes(StandardCharsets.UTF_8),
                Files.readAllBytes(Inbox.failed().resolve("again.csv")));
    }
}
