package org.kashbridge.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import org.junit.jupiter.api.Test;
import org.kashbridge.support.Jms;

/** Prefer: respond-async validates, queues on JMS and answers 202; the outcome then arrives on the results queue. */
@QuarkusTest
class RestAsyncTest {

    @Inject
    ConnectionFactory cf;

    @Test
    void acceptedThenOutcomeOnTheResultsQueue() throws Exception {
        String trackingId = given().header("X-API-Key", "test-api-key").header("Prefer", "respond-async")
                .contentType(ContentType.JSON).body("{\"orderID\":27001,\"payment\":-2,\"itemsList\":[\"7_2\"]}")
                .post("/api/order-edits").then().statusCode(202).body("status", equalTo("ACCEPTED"))
                .extract().path("trackingId");
        Message result = Jms.receive(cf, "kash.order-edits.results", "JMSCorrelationID = '" + trackingId + "'");
        assertNotNull(result, "no outcome for " + trackingId);
        JsonNode outcome = new ObjectMapper().readTree(result.getBody(String.class));
        assertEquals("OK", outcome.get("status").asText());
        assertEquals(trackingId, outcome.get("editKey").asText());
        assertEquals(27001, outcome.get("orderID").asInt());
    }

    @Test
    void invalidEditIsRefusedBeforeQueueing() {
        given().header("X-API-Key", "test-api-key").header("Prefer", "respond-async").contentType(ContentType.JSON)
                .body("{\"orderID\":27002,\"payment\":0}").post("/api/order-edits").then().statusCode(400)
                .body("errors[0].field", equalTo("payment"));
    }
}
