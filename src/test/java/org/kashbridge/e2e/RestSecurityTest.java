package org.kashbridge.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kashbridge.simulator.KashSimulator;

/** /api needs credentials (401 without), accepts the API key header or Basic, and caps the body size (413). */
@QuarkusTest
class RestSecurityTest {

    private static final String EDIT = "{\"orderID\":21001,\"payment\":-2}";

    @Inject
    KashSimulator simulator;

    @Test
    void missingOrWrongCredentialsAre401AndNothingIsSent() {
        int before = simulator.received().size();
        given().contentType(ContentType.JSON).body(EDIT).post("/api/order-edits").then().statusCode(401)
                .header("WWW-Authenticate", "Basic realm=\"kash-bridge\"");
        given().header("X-API-Key", "wrong").contentType(ContentType.JSON).body(EDIT).post("/api/order-edits").then()
                .statusCode(401);
        given().auth().preemptive().basic("tester", "nope").contentType(ContentType.JSON).body(EDIT)
                .post("/api/order-edits/batch").then().statusCode(401);
        assertEquals(before, simulator.received().size());
    }

    @Test
    void basicCredentialsWork() {
        given().auth().preemptive().basic("tester", "test-password").contentType(ContentType.JSON).body(EDIT)
                .post("/api/order-edits").then().statusCode(200);
    }

    @Test
    void oversizeBodyIs413() {
        String big = "{\"orderID\":21002,\"payment\":-2,\"publicComment\":\"" + "x".repeat(20_000) + "\"}";
        given().header("X-API-Key", "test-api-key").contentType(ContentType.JSON).body(big).post("/api/order-edits")
                .then().statusCode(413);
    }
}
