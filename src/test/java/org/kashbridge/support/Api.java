package org.kashbridge.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Calls of the bridge's REST API with the test profile's key. */
public final class Api {

    public static final String KEY = "test-api-key";

    private Api() {
    }

    /** POST /api/order-edits with an Idempotency-Key. */
    public static Response postEdit(String idempotencyKey, String body) {
        return given().header("X-API-Key", KEY).header("Idempotency-Key", idempotencyKey).contentType(ContentType.JSON)
                .body(body).post("/api/order-edits");
    }
}
