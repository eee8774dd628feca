package org.kashbridge.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalLedgerTest {

    @TempDir
    Path dir;

    static LedgerEntry entry(String key, LedgerState state, String fp) {
        return new LedgerEntry(key, state, fp, "{\"status\":\"OK\",\"orderID\":7}", "{\"orderID\":7}", 1, Instant.now());
    }

    @Test
    void survivesARestartAndKeepsTheLatestStatePerKey() {
        Path file = dir.resolve("ledger.jsonl");
        JournalLedger first = new JournalLedger(file);
        first.record(entry("a", LedgerState.IN_FLIGHT, "fa"));
        first.record(entry("a", LedgerState.SUCCEEDED, "fa"));
        first.record(entry("b", LedgerState.AMBIGUOUS, "fb"));

        JournalLedger reopened = new JournalLedger(file);
        assertEquals(LedgerState.SUCCEEDED, reopened.find("a").orElseThrow().state());
        assertEquals("a", reopened.findSucceededByFingerprint("fa").orElseThrow().key());
        assertTrue(reopened.findSucceededByFingerprint("fb").isEmpty());
        assertEquals(1, reopened.inState(LedgerState.AMBIGUOUS).size());
    }

    @Test
    void aTornLastLineFromACrashIsIgnored() throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        new JournalLedger(file).record(entry("a", LedgerState.SUCCEEDED, "fa"));
        Files.writeString(file, "{\"key\":\"b\",\"state\":\"SUCC", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        JournalLedger reopened = new JournalLedger(file);
        assertEquals(LedgerState.SUCCEEDED, reopened.find("a").orElseThrow().state());
        assertTrue(reopened.find("b").isEmpty());
    }
}
