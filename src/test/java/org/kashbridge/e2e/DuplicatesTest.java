package org.kashbridge.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.kashbridge.simulator.KashSimulator;
import org.kashbridge.support.Inbox;
import org.kashbridge.support.Jms;

/** An edit the ledger shows as applied is answered DUPLICATE with its original outcome and never sent again. */
@QuarkusTest
class DuplicatesTest {

    @Inject
    KashSimulator simulator;
    @Inject
    ConnectionFactory cf;

    private long sent(String orderId) {
        return org.kashbridge.support.Sent.count(simulator, orderId);
    }

    @Test
    void reDroppedFileAndSameContentUnderANewNameAreNotSentTwice() {
        String csv = "orderID,payment,paymentAmount\n28001,3,10.00\n";
        Inbox.drop("pay-28001.csv", csv);
        assertEquals("OK", Inbox.awaitReport(Inbox.done(), "pay-28001.csv").get(0).get("status"));
        Inbox.drop("pay-28001.csv", csv);
        List<CSVRecord> again = Inbox.awaitReport(Inbox.done(), "pay-28001-1.csv");
        assertEquals("DUPLICATE", again.get(0).get("status"));
        assertEquals("28001", again.get(0).get("orderID"));
        Inbox.drop("pay-28001-copy.csv", csv);
        assertEquals("DUPLICATE", Inbox.awaitReport(Inbox.done(), "pay-28001-copy.csv").get(0).get("status"));
        assertEquals(1, sent("28001"));
        assertEquals(1, simulator.order(28001).payments.size());
    }

    @Test
    void repeatedRestCallWithTheSameIdempotencyKey() {
        String body = "{\"orderID\":28002,\"payment\":4,\"paymentAmount\":5}";
        given().header("X-API-Key", "test-api-key").header("Idempotency-Key", "pay-28002").contentType(ContentType.JSON)
                .body(body).post("/api/order-edits").then().statusCode(200).body("status", equalTo("OK"));
        given().header("X-API-Key", "test-api-key").header("Idempotency-Key", "pay-28002").contentType(ContentType.JSON)
                .body(body).post("/api/order-edits").then().statusCode(200).body("status", equalTo("DUPLICATE"))
                .body("orderID", equalTo(28002));
        // without a key, the same content is also recognised
        given().header("X-API-Key", "test-api-key").contentType(ContentType.JSON).body(body).post("/api/order-edits")
                .then().statusCode(200).body("status", equalTo("DUPLICATE"));
        assertEquals(1, sent("28002"));
    }

    @Test
    void anAsyncRestEditWithoutKeyIsRecognisedByItsContentLikeASyncOne() throws Exception {
        String body = "{\"orderID\":28004,\"payment\":4,\"paymentAmount\":6}";
        given().header("X-API-Key", "test-api-key").contentType(ContentType.JSON).body(body).post("/api/order-edits")
                .then().statusCode(200).body("status", equalTo("OK"));
        for (int i = 0; i < 2; i++) {
            String tracking = given().header("X-API-Key", "test-api-key").header("Prefer", "respond-async")
                    .contentType(ContentType.JSON).body(body).post("/api/order-edits").then().statusCode(202)
                    .extract().path("trackingId");
            Message result = Jms.receive(cf, "kash.order-edits.results", "JMSCorrelationID = '" + tracking + "'");
            assertNotNull(result);
            assertEquals("DUPLICATE", new ObjectMapper().readTree(result.getBody(String.class)).get("status").asText());
        }
        assertEquals(1, sent("28004"));
    }

    @Test
    void redeliveredJmsMessageIsNotSentTwice() throws Exception {
        for (int i = 0; i < 2; i++) {
            try (JMSContext ctx = cf.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
                var m = ctx.createTextMessage("{\"orderID\":28003,\"payment\":5,\"paymentAmount\":2}");
                m.setStringProperty("editId", "erp-pay-28003");
                m.setJMSCorrelationID("dup-28003-" + i);
                ctx.createProducer().send(ctx.createQueue("kash.order-edits"), m);
            }
            Message result = Jms.receive(cf, "kash.order-edits.results", "JMSCorrelationID = 'dup-28003-" + i + "'");
            assertNotNull(result);
            assertEquals(i == 0 ? "OK" : "DUPLICATE",
                    new ObjectMapper().readTree(result.getBody(String.class)).get("status").asText());
        }
        assertEquals(1, sent("28003"));
    }
}
