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
                .header("WWW-Authenticate", "Basic realm=\"kash-bridge\"")
                .body("message", org.hamcrest.Matchers.containsString("KASH_BRIDGE_API_KEY"));
        given().header("X-API-Key", "wrong").contentType(ContentType.JSON).body(EDIT).post("/api/order-edits").then()
                .statusCode(401).header("WWW-Authenticate", "Basic realm=\"kash-bridge\"")
                .body("status", org.hamcrest.Matchers.equalTo("UNAUTHORIZED"));
        given().auth().preemptive().basic("tester", "nope").contentType(ContentType.JSON).body(EDIT)
                .post("/api/order-edits/batch").then().statusCode(401);
        assertEquals(before, simulator.received().size());
    }

    @Test
    void malformedOrMixedCredentialsAndOddPathsAreRefusedNeverServed() {
        int before = simulator.received().size();
        // Authorization that is not Base64, an empty password, a user without password
        given().header("Authorization", "Basic !!!not-base64").contentType(ContentType.JSON).body(EDIT)
                .post("/api/order-edits").then().statusCode(401);
        given().auth().preemptive().basic("tester", "").contentType(ContentType.JSON).body(EDIT)
                .post("/api/order-edits").then().statusCode(401);
        given().header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("tester".getBytes()))
                .contentType(ContentType.JSON).body(EDIT).post("/api/order-edits").then().statusCode(401);
        given().header("X-API-Key", "").contentType(ContentType.JSON).body(EDIT).post("/api/order-edits").then()
                .statusCode(401);
        // spellings of the same path: never past the check without credentials
        for (String path : java.util.List.of("/api/order-edits/", "/api/./order-edits", "/api/x/../order-edits",
                "/api//order-edits", "//api/order-edits", "/api/order-edits;x=1", "/api/%2e/order-edits",
                "/API/order-edits")) {
            int status = given().urlEncodingEnabled(false).contentType(ContentType.JSON).body(EDIT).post(path)
                    .then().extract().statusCode();
            org.junit.jupiter.api.Assertions.assertTrue(status == 401 || status == 404 || status == 405,
                    path + " answered " + status);
        }
        assertEquals(before, simulator.received().size(), "nothing reached Kash");
        // the operator API is /api too
        given().get("/api/operator/review").then().statusCode(401);
        given().header("X-API-Key", "wrong").get("/api/operator/blocked-orders").then().statusCode(401);
        // what is not /api stays open (on loopback by default), even to a client sending stale credentials
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().header("X-API-Key", "stale").get("/q/health/ready").then().statusCode(200);
        given().header("Authorization", "Basic !!!").get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aKeyThatDoesNotMatchBesideGoodBasicCredentialsLetsBasicDecide() {
        given().header("X-API-Key", "old-key").auth().preemptive().basic("tester", "test-password")
                .contentType(ContentType.JSON).body("{\"orderID\":21003,\"payment\":-2}").post("/api/order-edits")
                .then().statusCode(200);
        given().header("X-API-Key", "old-key").auth().preemptive().basic("tester", "nope")
                .contentType(ContentType.JSON).body("{\"orderID\":21003,\"payment\":-2}").post("/api/order-edits")
                .then().statusCode(401);
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
