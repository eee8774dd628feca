package org.kashbridge.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kashbridge.kash.KashTarget;
import org.kashbridge.ledger.EditLedger;
import org.kashbridge.simulator.KashSimulator;
import org.kashbridge.support.Sent;
import org.kashbridge.support.Settings;

/**
 * The ledger stays bounded: a key that ended is forgotten kash.ledger.retention after (here 2 s, purged every
 * 500 ms), and the same key is then a new edit; a key under review is kept.
 */
@QuarkusTest
@QuarkusTestResource(value = Settings.class, restrictToAnnotatedClass = true,
        initArgs = {@ResourceArg(name = "kash.ledger.retention", value = "2s"),
                @ResourceArg(name = "kash.ledger.purge-every", value = "500")})
class LedgerRetentionTest {

    @Inject
    EditLedger ledger;
    @Inject
    KashTarget target;
    @Inject
    KashSimulator simulator;

    static void post() {
        given().header("X-API-Key", "test-api-key").header("Idempotency-Key", "kept-2s").contentType(ContentType.JSON)
                .body("{\"orderID\":44001,\"payment\":-1}").post("/api/order-edits").then().statusCode(200)
                .body("status", equalTo("OK"));
    }

    @Test
    void anEndedKeyIsForgottenAfterTheRetention() {
        post();
        assertEquals(1, Sent.count(simulator, "44001"));
        await().atMost(Duration.ofSeconds(20)).until(() -> ledger.find(target.namespace(), "editId:kept-2s").isEmpty());
        post(); // forgotten: a new edit
        assertEquals(2, Sent.count(simulator, "44001"));
    }
}
