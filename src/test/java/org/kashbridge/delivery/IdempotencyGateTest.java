package org.kashbridge.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kashbridge.core.EditEnvelope;
import org.kashbridge.core.EditIdentity;
import org.kashbridge.core.EditOutcome;
import org.kashbridge.core.EditSource;
import org.kashbridge.core.EditStatus;
import org.kashbridge.json.JsonEditReader;
import org.kashbridge.kash.KashTarget;
import org.kashbridge.ledger.EditLedger;
import org.kashbridge.ledger.LedgerAvailability;
import org.kashbridge.ledger.LedgerEntry;
import org.kashbridge.ledger.LedgerProducer;
import org.kashbridge.ledger.LedgerState;
import org.kashbridge.outcome.OutcomeRecords;
import org.kashbridge.support.TestSettings;
import org.sqlite.SQLiteDataSource;

/** The gate's decisions on exchanges, over a real embedded ledger: what is sent, what is answered, what waits. */
class IdempotencyGateTest {

    IdempotencyGate gate;
    EditLedger ledger;
    final DefaultCamelContext camel = new DefaultCamelContext();

    @BeforeEach
    void open() throws Exception {
        Path dir = Files.createTempDirectory("gate-test");
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + dir.resolve("ledger.db") + "?journal_mode=WAL");
        Flyway.configure().dataSource(ds).locations("classpath:db/ledger").load().migrate();
        ledger = LedgerProducer.open(ds, true, 30_000, new LedgerAvailability(), null, "t");
        gate = new IdempotencyGate();
        gate.ledger = ledger;
        gate.records = new OutcomeRecords();
        gate.target = target();
        gate.kash = TestSettings.kash(java.util.Map.of("kash.ledger.content-dedupe", "true"));
    }

    static KashTarget target() {
        KashTarget t = new KashTarget() {
            @Override
            public String namespace() {
                return "simulator|test";
            }
        };
        return t;
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    Exchange edit(String json, EditIdentity.Key key) {
        EditEnvelope e = new EditEnvelope("k", new EditSource("rest", "test", null), JsonEditReader.read(json))
                .withIdentity(key);
        Exchange x = new DefaultExchange(camel);
        x.setProperty(EditEnvelope.PROPERTY, e);
        assertTrue(e.validate(), String.valueOf(e.getErrors()));
        gate.identify(x);
        return x;
    }

    static EditEnvelope envelope(Exchange x) {
        return x.getProperty(EditEnvelope.PROPERTY, EditEnvelope.class);
    }

    void sendOk(Exchange x) {
        gate.claim(x);
        assertEquals(IdempotencyGate.SEND, x.getProperty(IdempotencyGate.DECISION));
        envelope(x).complete(EditOutcome.success(7L, "inv", null, null));
        gate.complete(x);
    }

    @Test
    void aNamedEditIsSentOnceThenAnsweredWithItsOutcome() {
        Exchange first = edit("{\"orderID\":7,\"payment\":3}", EditIdentity.editId("pay-7"));
        sendOk(first);
        Exchange again = edit("{\"orderID\":7,\"payment\":3}", EditIdentity.editId("pay-7"));
        gate.claim(again);
        assertEquals(IdempotencyGate.ANSWERED, again.getProperty(IdempotencyGate.DECISION));
        assertEquals(EditStatus.DUPLICATE, envelope(again).getOutcome().status());
        assertEquals("inv", envelope(again).getOutcome().invoice());
    }

    @Test
    void anUnnamedEditIsKeyedByItsContentAndAnswersForTheSameContentUnderAnotherKey() {
        Exchange rest = edit("{\"orderID\":8,\"payment\":3}", null);
        assertTrue(envelope(rest).getIdempotencyKey().startsWith("content:"));
        sendOk(rest);
        Exchange jms = edit("{\"orderID\":8,\"payment\":3}", EditIdentity.jmsMessage("ID:9"));
        gate.claim(jms);
        assertEquals(EditStatus.DUPLICATE, envelope(jms).getOutcome().status());
        // named: its content is not compared
        Exchange named = edit("{\"orderID\":8,\"payment\":3}", EditIdentity.editId("again-on-purpose"));
        gate.claim(named);
        assertEquals(IdempotencyGate.SEND, named.getProperty(IdempotencyGate.DECISION));
    }

    @Test
    void aFailedEditMaySendAgainAndHoldsItsOrderBack() {
        Exchange a = edit("{\"orderID\":9,\"payment\":3}", EditIdentity.editId("a"));
        gate.claim(a);
        envelope(a).complete(EditOutcome.failed("Kash answered HTTP 400", 400, null));
        gate.complete(a);
        Exchange b = edit("{\"orderID\":9,\"payment\":-1}", EditIdentity.editId("b"));
        gate.claim(b);
        assertEquals(IdempotencyGate.ANSWERED, b.getProperty(IdempotencyGate.DECISION));
        assertTrue(IdempotencyGate.isHeldBack(envelope(b).getOutcome()), envelope(b).getOutcome().message());
        Exchange retry = edit("{\"orderID\":9,\"payment\":3}", EditIdentity.editId("a"));
        gate.claim(retry);
        assertEquals(IdempotencyGate.SEND, retry.getProperty(IdempotencyGate.DECISION));
    }

    @Test
    void aKeyHeldByALiveCallIsWaitedForUntilTheDeadline() {
        Exchange holder = edit("{\"orderID\":10,\"payment\":3}", EditIdentity.editId("busy"));
        gate.claim(holder);
        Exchange second = edit("{\"orderID\":10,\"payment\":3}", EditIdentity.editId("busy"));
        envelope(second).withDeadline(System.currentTimeMillis() + 300);
        EditBusyException busy = assertThrows(EditBusyException.class, () -> gate.claim(second));
        assertTrue(busy.sameKey());
        // the holder finishes: the next caller gets its outcome, not a second send
        envelope(holder).complete(EditOutcome.success(10L, null, "q", null));
        gate.complete(holder);
        Exchange third = edit("{\"orderID\":10,\"payment\":3}", EditIdentity.editId("busy"));
        gate.claim(third);
        assertEquals(EditStatus.DUPLICATE, envelope(third).getOutcome().status());
        assertEquals(Optional.of(LedgerState.SUCCEEDED),
                ledger.find("simulator|test", "editId:busy").map(LedgerEntry::state));
    }

    @Test
    void aClaimTheRouteDidNotCompleteIsReleasedConservatively() {
        Exchange payment = edit("{\"orderID\":11,\"payment\":3}", EditIdentity.editId("lost"));
        gate.claim(payment);
        gate.releaseIfHeld(envelope(payment)); // the call ended without an outcome
        assertEquals(LedgerState.AMBIGUOUS, ledger.find("simulator|test", "editId:lost").orElseThrow().state());
        Exchange harmless = edit("{\"orderID\":12,\"payment\":-1}", EditIdentity.editId("lost-2"));
        gate.claim(harmless);
        gate.releaseIfHeld(envelope(harmless));
        assertEquals(LedgerState.FAILED, ledger.find("simulator|test", "editId:lost-2").orElseThrow().state());
    }
}
