package org.kashbridge.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import org.junit.jupiter.api.Test;
import org.kashbridge.kash.KashTarget;
import org.kashbridge.ledger.ClaimResult;
import org.kashbridge.ledger.EditLedger;
import org.kashbridge.ledger.LedgerState;
import org.kashbridge.simulator.KashSimulator;

/** Review resolution and dead-letter replay go through the ledger: nothing can be applied twice. */
@QuarkusTest
class OperatorToolsTest {

    @Inject
    EditLedger ledger;
    @Inject
    KashSimulator simulator;
    @Inject
    ConnectionFactory cf;

    private long sent(String orderId) {
        return org.kashbridge.support.Sent.count(simulator, orderId);
    }

    @Inject
    KashTarget target;

    /** A key left AMBIGUOUS, as after a call that got no reply. */
    private void underReview(String key, long orderId, String editJson) {
        ClaimResult c = ledger
                .claim(new EditLedger.ClaimRequest(target.namespace(), key, orderId,
                        org.kashbridge.support.Fingerprints.of(editJson), false,
                        false, false, editJson, () -> "{}", () -> "{}"), Long.MAX_VALUE);
        ledger.complete(target.namespace(), key, c.claim(), LedgerState.AMBIGUOUS, orderId,
                "{\"status\":\"AMBIGUOUS\"}", 1);
    }

    @Test
    void reviewedEditNotAppliedIsSentOnceAndThenIsADuplicate() {
        underReview("editId:review-29001", 29001, "{\"orderID\":29001,\"payment\":3,\"paymentAmount\":9.5}");
        given().header("X-API-Key", "test-api-key").get("/api/operator/review").then().statusCode(200)
                .body("key", hasItem("editId:review-29001"));
        given().header("X-API-Key", "test-api-key").contentType(ContentType.JSON).body("{\"applied\":false}")
                .post("/api/operator/review/editId:review-29001").then().statusCode(200).body("status", equalTo("OK"));
        assertEquals(1, sent("29001"));
        given().header("X-API-Key", "test-api-key").contentType(ContentType.JSON).body("{\"applied\":false}")
                .post("/api/operator/review/editId:review-29001").then().statusCode(404);
        given().header("X-API-Key", "test-api-key").header("Idempotency-Key", "review-29001")
                .contentType(ContentType.JSON)
                .body("{\"orderID\":29001,\"payment\":3,\"paymentAmount\":9.5}").post("/api/order-edits").then()
                .statusCode(200).body("status", equalTo("DUPLICATE"));
        assertEquals(1, sent("29001"));
    }

    @Test
    void reviewedEditFoundAppliedIsNeverSent() {
        underReview("editId:review-29002", 29002, "{\"orderID\":29002,\"payment\":3}");
        given().header("X-API-Key", "test-api-key").contentType(ContentType.JSON).body("{\"applied\":true}")
                .post("/api/operator/review/editId:review-29002").then().statusCode(200)
                .body("status", equalTo("SUCCEEDED"));
        given().header("X-API-Key", "test-api-key").header("Idempotency-Key", "review-29002")
                .contentType(ContentType.JSON)
                .body("{\"orderID\":29002,\"payment\":3}").post("/api/order-edits").then().statusCode(200)
                .body("status", equalTo("DUPLICATE"));
        assertEquals(0, sent("29002"));
    }

    @Test
    void deadLettersReplayThroughTheLedger() throws Exception {
        try (JMSContext ctx = cf.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            for (int i = 0; i < 2; i++) { // the same dead letter twice, as after a double replay request
                var m = ctx.createTextMessage("{\"orderID\":29003,\"payment\":6,\"paymentAmount\":1}");
                m.setStringProperty("KashIdempotencyKey", "file:old.csv#29003");
                ctx.createProducer().send(ctx.createQueue("kash.order-edits.DLQ"), m);
            }
        }
        // max well above what earlier tests of this JVM left in the DLQ (REST refusals are dead-lettered too), so
        // both of these are replayed in this call
        given().header("X-API-Key", "test-api-key").post("/api/operator/dead-letters/replay?max=500").then()
                .statusCode(200).body("status", hasItem("OK")).body("status", hasItem("DUPLICATE"));
        assertEquals(1, sent("29003"));
        given().post("/api/operator/dead-letters/replay").then().statusCode(401);
    }
}
