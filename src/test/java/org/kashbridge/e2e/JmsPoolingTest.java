package org.kashbridge.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import org.junit.jupiter.api.Test;
import org.kashbridge.jms.EmbeddedBroker;

/**
 * Sends outside a JMS transaction (the REST to JMS hop of Prefer: respond-async) share one pooled broker
 * connection (quarkus-pooled-jms): Camel's JMS component would otherwise open and close a connection for every
 * message it sends (84 connections for these 40 edits without the pool).
 */
@QuarkusTest
class JmsPoolingTest {

    private static final int EDITS = 40;

    @Inject
    ConnectionFactory cf;
    @Inject
    EmbeddedBroker broker;

    @Test
    void fortyQueuedEditsOpenNoNewBrokerConnection() throws Exception {
        try (JMSContext ctx = cf.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                JMSConsumer results = ctx.createConsumer(ctx.createQueue("kash.order-edits.results"),
                        "JMSCorrelationID LIKE 'pool-%'")) {
            long before = broker.connectionsAccepted();
            for (int i = 0; i < EDITS; i++) {
                given().header("X-API-Key", "test-api-key").header("Prefer", "respond-async")
                        .header("Idempotency-Key", "pool-" + i).contentType(ContentType.JSON)
                        .body("{\"orderID\":" + (47000 + i) + ",\"payment\":-2}").post("/api/order-edits").then()
                        .statusCode(202);
            }
            for (int i = 0; i < EDITS; i++) {
                Message m = results.receive(20_000);
                assertNotNull(m, "outcome " + (i + 1) + " of " + EDITS + " not published");
                assertEquals("OK", m.getStringProperty("KashEditStatus"));
            }
            long opened = broker.connectionsAccepted() - before;
            assertTrue(opened <= 1, EDITS + " queued edits opened " + opened + " broker connections");
        }
    }
}
