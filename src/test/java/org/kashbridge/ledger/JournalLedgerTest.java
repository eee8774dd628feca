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
        // the next entry starts on a line of its own, so it survives the next restart too
        reopened.record(entry("c", LedgerState.SUCCEEDED, "fc"));
        assertEquals(LedgerState.SUCCEEDED, new JournalLedger(file).find("c").orElseThrow().state());
    }

    @Test
    void manyKeysLatestStateEachAfterRestart() {
        Path file = dir.resolve("ledger.jsonl");
        JournalLedger l = new JournalLedger(file);
        for (int i = 0; i < 5_000; i++) {
            l.record(entry("file:x.csv#" + i, LedgerState.IN_FLIGHT, null));
            l.record(entry("file:x.csv#" + i, i % 7 == 0 ? LedgerState.FAILED : LedgerState.SUCCEEDED,
                    String.format("%032x", i)));
        }
        JournalLedger reopened = new JournalLedger(file);
        for (int i = 0; i < 5_000; i += 97) {
            assertEquals(i % 7 == 0 ? LedgerState.FAILED : LedgerState.SUCCEEDED,
                    reopened.find("file:x.csv#" + i).orElseThrow().state());
        }
        assertTrue(reopened.find("file:x.csv#5000").isEmpty());
        assertEquals("file:x.csv#8", reopened.findSucceededByFingerprint(String.format("%032x", 8)).orElseThrow()
                .key());
        assertTrue(reopened.findSucceededByFingerprint(String.format("%032x", 7)).isEmpty());
        assertEquals(715, reopened.inState(LedgerState.FAILED).size());
    }

    @Test
    void indexKeepsKeysThatShareAHashApart() {
        LedgerIndex index = new LedgerIndex();
        // two keys with the same hash: the caller's check (here: the value) tells them apart
        index.add(42, LedgerIndex.value(100, LedgerState.SUCCEEDED));
        index.add(42, LedgerIndex.value(200, LedgerState.AMBIGUOUS));
        for (int i = 0; i < 5_000; i++) {
            index.add(i * 31L, LedgerIndex.value(1_000 + i, LedgerState.FAILED));
        }
        int slot = index.find(42, v -> LedgerIndex.offset(v) == 200);
        assertEquals(LedgerState.AMBIGUOUS, LedgerIndex.state(index.valueAt(slot)));
        assertEquals(-1, index.find(42, v -> LedgerIndex.offset(v) == 300));
        assertEquals(5_002, index.size());
    }

    /** Group commit under contention: 16 threads recording at once all return, and every entry is there. */
    @Test
    @org.junit.jupiter.api.Timeout(60)
    void manyThreadsRecordingAtOnceAllComeBack() throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        JournalLedger ledger = new JournalLedger(file);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < 300; i++) {
                    ledger.record(entry("k" + thread + "-" + i, LedgerState.IN_FLIGHT, null));
                    ledger.recordSoon(entry("k" + thread + "-" + i, LedgerState.SUCCEEDED, "f" + thread + "-" + i));
                }
            }));
        }
        for (var f : done) {
            f.get();
        }
        pool.shutdown();
        ledger.close();
        JournalLedger reopened = new JournalLedger(file);
        for (int t = 0; t < 16; t++) {
            for (int i = 0; i < 300; i++) {
                assertEquals(LedgerState.SUCCEEDED, reopened.find("k" + t + "-" + i).orElseThrow().state());
            }
        }
        assertEquals(9600, Files.readAllLines(file).size());
    }
}
