package org.kashbridge.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kashbridge.simulator.KashSimulator;
import org.kashbridge.support.ExternalBroker;
import org.kashbridge.support.Sent;

/**
 * The bridge's own broker goes away and comes back (a restart of an external Artemis, with its journal): the
 * pooled connection is replaced by itself, the JMS consumer resumes, and REST's queued hop works again; while it
 * is away an async REST edit is refused, not accepted and lost. Nothing is sent twice.
 */
@QuarkusTest
@QuarkusTestResource(value = ExternalBroker.class, restrictToAnnotatedClass = true)
class ExternalBrokerRestartTest {

    @Inject
    KashSimulator simulator;

    @AfterEach
    void brokerBack() {
        ExternalBroker.up();
    }

    private static void send(String body) {
        try (ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory(ExternalBroker.url(), ExternalBroker.USER,
                ExternalBroker.PASSWORD); JMSContext ctx = cf.createContext()) {
            ctx.createProducer().send(ctx.createQueue("kash.order-edits"), body);
        }
    }

    private static int postAsync(String key, String body) {
        return given().header("X-API-Key", "test-api-key").header("Prefer", "respond-async")
                .header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post("/api/order-edits")
                .statusCode();
    }

    @Test
    void afterABrokerRestartJmsAndAsyncRestResumeWithNothingSentTwice() throws Exception {
        send("{\"orderID\":26001,\"payment\":-2}");
        await().atMost(Duration.ofSeconds(30)).until(() -> Sent.count(simulator, "26001") == 1);

        ExternalBroker.down();
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 503);
        int whileDown = postAsync("restart-26003", "{\"orderID\":26003,\"payment\":-2}");
        assertNotEquals(202, whileDown, "accepted for the queue while there is no broker");

        ExternalBroker.up();
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        send("{\"orderID\":26002,\"payment\":-2}");
        await().atMost(Duration.ofSeconds(60)).until(() -> Sent.count(simulator, "26002") == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> postAsync("restart-26004",
                "{\"orderID\":26004,\"payment\":-2}") == 202);
        await().atMost(Duration.ofSeconds(30)).until(() -> Sent.count(simulator, "26004") == 1);
        assertEquals(1, Sent.count(simulator, "26001"));
        assertEquals(0, Sent.count(simulator, "26003"), "the refused async edit was sent");
    }
}
