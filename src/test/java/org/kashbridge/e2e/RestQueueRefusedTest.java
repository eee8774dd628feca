package org.kashbridge.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;

/**
 * An async REST edit the JMS ingest queue does not take (the broker refuses the send) is answered 503 with
 * Retry-After, never 202: nothing was queued, so the caller must try again. The send step of route rest-queue
 * is made to fail (AdviceWith, in an application of its own: the other tests keep the real route).
 */
@QuarkusTest
@TestProfile(RestQueueRefusedTest.OwnApplication.class)
class RestQueueRefusedTest {

    /** Nothing changed but the application: the advised route is not seen by other test classes. */
    public static class OwnApplication implements QuarkusTestProfile {
    }

    @Inject
    CamelContext camel;

    @Test
    void aQueuedEditTheBrokerRefusesIs503AndNothingIsQueued() throws Exception {
        AdviceWith.adviceWith(camel, "rest-queue", route -> route.weaveByToUri("jms:queue:*").replace()
                .throwException(new jakarta.jms.JMSException("AMQ219010: Connection is destroyed")));
        given().header("X-API-Key", "test-api-key").header("Prefer", "respond-async").contentType(ContentType.JSON)
                .body("{\"orderID\":48201,\"payment\":-1}").post("/api/order-edits").then().statusCode(503)
                .header("Retry-After", "10").body("status", equalTo("FAILED"))
                .body("message", startsWith("the edit could not be queued: AMQ219010"));
    }
}
