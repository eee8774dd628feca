package org.kashbridge.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import org.junit.jupiter.api.Test;
import org.kashbridge.kash.KashTarget;
import org.kashbridge.ledger.ClaimResult;
import org.kashbridge.ledger.EditLedger;
import org.kashbridge.ledger.LedgerEntry;
import org.kashbridge.ledger.LedgerState;
import org.kashbridge.simulator.KashSimulator;
import org.kashbridge.support.Api;
import org.kashbridge.support.Fingerprints;
import org.kashbridge.support.Jms;
import org.kashbridge.support.Sent;

/**
 * The bridge's own JMS properties are the bridge's: a sender's KashIdempotencyKey (or KashStatus) never follows its
 * edit into the reply, and a message the broker moved to the DLQ is never replayed under the ledger key its sender
 * wrote on it (which would take over another edit's key), but under the key the ingest gives it.
 */
@QuarkusTest
class JmsSpoofedKeyTest {

    private static final String VICTIM = "editId:victim-39001";

    @Inject
    ConnectionFactory cf;
    @Inject
    EditLedger ledger;
    @Inject
    KashTarget target;
    @Inject
    KashSimulator simulator;

    private boolean inDeadLetters(String correlationId) throws jakarta.jms.JMSException {
        try (JMSContext ctx = cf.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            return ctx.createBrowser(ctx.createQueue("kash.order-edits.DLQ"), "JMSCorrelationID = '" + correlationId
                    + "'").getEnumeration().hasMoreElements();
        }
    }

    @Test
    void aSendersKashPropertiesReachNeitherTheReplyNorTheDeadLetter() throws Exception {
        try (JMSContext ctx = cf.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            var m = ctx.createTextMessage("{\"orderID\":39010,\"payment\":-9}"); // REJECTED: dead-lettered
            m.setStringProperty("KashIdempotencyKey", VICTIM);
            m.setStringProperty("KashUndeliverableReplyTo", "forged");
            m.setStringProperty("KashOperatorNote", "forged");
            m.setJMSCorrelationID("spoof-39010");
            ctx.createProducer().send(ctx.createQueue("kash.order-edits"), m);
        }
        Message result = Jms.receive(cf, "kash.order-edits.results", "JMSCorrelationID = 'spoof-39010'");
        assertNotNull(result);
        Message dead = Jms.receive(cf, "kash.order-edits.DLQ", "KashEditKey = 'spoof-39010'");
        assertNotNull(dead);
        for (Message m : new Message[] {result, dead}) {
            assertFalse(m.propertyExists("KashUndeliverableReplyTo"), "the sender's property is not carried");
            assertFalse(m.propertyExists("KashOperatorNote"));
            assertFalse(VICTIM.equals(m.getStringProperty("KashIdempotencyKey")));
        }
        assertEquals(0, Sent.count(simulator, "39010"));
    }

    @Test
    void aMessageTheBrokerMovedIsNotReplayedUnderTheKeyItsSenderWrote() throws Exception {
        // another sender's payment, FAILED (not applied): its key may be claimed by its own replay
        String victimEdit = "{\"orderID\":39001,\"payment\":3,\"paymentAmount\":9.00}";
        String fingerprint = Fingerprints.of(victimEdit);
        ClaimResult c = ledger.claim(new EditLedger.ClaimRequest(target.namespace(), VICTIM, 39001L, fingerprint, false,
                true, false, victimEdit, () -> "{}", () -> "{}"), Long.MAX_VALUE);
        ledger.complete(target.namespace(), VICTIM, c.claim(), LedgerState.FAILED, 39001L, "{\"status\":\"FAILED\"}",
                1);

        // a message whose deliveries all fail is moved to the DLQ by the broker, its sender's properties intact
        String sentId;
        try (JMSContext ctx = cf.createContext(JMSContext.SESSION_TRANSACTED)) {
            var m = ctx.createTextMessage("{\"orderID\":39002,\"payment\":3,\"paymentAmount\":1.00}");
            m.setStringProperty("KashIdempotencyKey", VICTIM);
            m.setJMSCorrelationID("moved-39002");
            ctx.createProducer().send(ctx.createQueue("kash.test.moved"), m);
            ctx.commit();
            sentId = m.getJMSMessageID();
            try (JMSConsumer consumer = ctx.createConsumer(ctx.createQueue("kash.test.moved"))) {
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    if (consumer.receive(500) != null) {
                        ctx.rollback(); // a failed delivery
                    }
                    return inDeadLetters("moved-39002");
                });
            }
        }

        given().header("X-API-Key", Api.KEY).post("/api/operator/dead-letters/replay?max=500").then().statusCode(200);

        LedgerEntry victim = ledger.find(target.namespace(), VICTIM).orElseThrow();
        assertEquals(LedgerState.FAILED, victim.state(), "the victim's key was not taken over");
        assertEquals(fingerprint, victim.fingerprint());
        assertEquals(39001L, victim.orderId());
        assertEquals(1, Sent.count(simulator, "39002"), "the moved edit itself is replayed");
        // named as the ingest would have named it: its message id (a redelivery or a second replay is a DUPLICATE)
        assertEquals(LedgerState.SUCCEEDED, ledger.find(target.namespace(), "jms:" + sentId).orElseThrow().state());
        assertEquals(0, Sent.count(simulator, "39001"));
    }
}
