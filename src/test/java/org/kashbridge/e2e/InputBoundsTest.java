package org.kashbridge.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.kashbridge.simulator.KashSimulator;
import org.kashbridge.support.Api;
import org.kashbridge.support.Inbox;
import org.kashbridge.support.Jms;
import org.kashbridge.support.Sent;

/**
 * The bounds of docs/api.md hold on every source: a REST array of more than KASH_API_MAX_BATCH edits is refused
 * whole, a JMS message above KASH_JMS_MAX_MESSAGE is REJECTED unread, and a too-long title refuses its edit from a
 * file as from REST.
 */
@QuarkusTest
class InputBoundsTest {

    @Inject
    KashSimulator simulator;
    @Inject
    ConnectionFactory cf;

    private static String edits(long first, int n) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            json.append(i == 0 ? "" : ",").append("{\"orderID\":").append(first + i).append(",\"payment\":-1}");
        }
        return json.append(']').toString();
    }

    @Test
    void anArrayAboveTheBatchLimitIsRefusedWholeAndOneAtTheLimitIsApplied() {
        Response over = given().header("X-API-Key", Api.KEY).contentType(ContentType.JSON).body(edits(40_000, 101))
                .post("/api/order-edits/batch");
        assertEquals(400, over.statusCode(), over.asString());
        assertTrue(over.jsonPath().getString("message").startsWith("the array holds 101 edits; at most 100 in one "
                + "request (KASH_API_MAX_BATCH)"), over.asString());
        assertEquals(0, Sent.count(simulator, "40000"));
        assertEquals(0, Sent.count(simulator, "40100"));

        Response at = given().header("X-API-Key", Api.KEY).contentType(ContentType.JSON).body(edits(40_200, 100))
                .post("/api/order-edits/batch");
        assertEquals(200, at.statusCode(), at.asString());
        assertEquals(100, at.jsonPath().getList("status").size());
        assertEquals(1, Sent.count(simulator, "40299"));
    }

    @Test
    void anEditNameIsBoundAt256CharactersOnABatchToo() {
        String at = "n".repeat(255) + "\u00e9"; // 256 characters, 257 UTF-8 bytes in the header
        Response ok = given().header("X-API-Key", Api.KEY).contentType(ContentType.JSON)
                .body("{\"orderID\":40600,\"payment\":-1,\"editId\":\"" + at + "\"}").post("/api/order-edits");
        assertEquals(200, ok.statusCode(), ok.asString());
        Response batch = given().header("X-API-Key", Api.KEY).header("Idempotency-Key", "b".repeat(256))
                .contentType(ContentType.JSON).body(edits(40_610, 12)).post("/api/order-edits/batch");
        assertEquals(200, batch.statusCode(), batch.asString());
        assertEquals(java.util.Collections.nCopies(12, "OK"), batch.jsonPath().getList("status"));

        Response over = given().header("X-API-Key", Api.KEY).contentType(ContentType.JSON)
                .body("{\"orderID\":40601,\"payment\":-1,\"editId\":\"" + at + "x\"}").post("/api/order-edits");
        assertEquals(422, over.statusCode(), over.asString());
        assertEquals("editId / Idempotency-Key: at most 256 characters, got 257; name the edit more briefly",
                over.jsonPath().getString("message"));
        Response overHeader = given().header("X-API-Key", Api.KEY).header("Idempotency-Key", "h".repeat(257))
                .contentType(ContentType.JSON).body("{\"orderID\":40602,\"payment\":-1}").post("/api/order-edits");
        assertEquals(422, overHeader.statusCode(), overHeader.asString());
        assertEquals(1, Sent.count(simulator, "40600"));
        assertEquals(1, Sent.count(simulator, "40621"));
        assertEquals(0, Sent.count(simulator, "40601"));
        assertEquals(0, Sent.count(simulator, "40602"));
    }

    @Test
    void aJmsMessageAboveTheSizeLimitIsRejectedUnread() throws Exception {
        // valid JSON, 300,000 bytes: a comment far beyond any limit would be refused anyway, but it is not even read
        String big = "{\"orderID\":40400,\"payment\":-1,\"publicComment\":\"" + "c".repeat(300_000) + "\"}";
        try (JMSContext ctx = cf.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            var m = ctx.createTextMessage(big);
            m.setStringProperty("editId", "bounds-40400");
            ctx.createProducer().send(ctx.createQueue("kash.order-edits"), m);
        }
        Message dead = Jms.receive(cf, "kash.order-edits.DLQ", "KashEditKey = 'bounds-40400'");
        assertNotNull(dead);
        assertEquals("REJECTED", dead.getStringProperty("KashStatus"));
        String reason = dead.getStringProperty("KashFailureReason");
        assertTrue(reason.contains("the message is " + big.length() + " bytes; at most 262144 (KASH_JMS_MAX_MESSAGE)"),
                reason);
        assertEquals(big, dead.getBody(String.class), "dead-lettered as received");
        assertEquals(0, Sent.count(simulator, "40400"));
    }

    @Test
    void aTitleAboveTheLimitRefusesItsEditFromAFile() {
        Inbox.drop("bounds.csv", "orderID,payment,itemType,title,price\n40500,-1,free," + "t".repeat(201) + ",1\n"
                + "40501,-1,free,Tea,1\n");
        java.util.List<CSVRecord> report = Inbox.awaitReport(Inbox.done(), "bounds.csv");
        assertEquals("REJECTED", report.get(0).get("status"));
        assertTrue(report.get(0).get("message").contains("items[0].title: must be at most 200 characters, got 201"),
                report.get(0).get("message"));
        assertEquals("OK", report.get(1).get("status"));
        assertEquals(0, Sent.count(simulator, "40500"));
    }
}
