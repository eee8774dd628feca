package org.kashbridge.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import org.junit.jupiter.api.Test;
import org.kashbridge.simulator.KashSimulator;
import org.kashbridge.support.Jms;
import org.kashbridge.support.Sent;

/**
 * JSON an attacker or a broken client sends, on REST and on JMS alike: a key given twice, content after the value,
 * numbers a double would round, null in a list, a lone surrogate. Each is REJECTED naming what is wrong, and none
 * reaches Kash; a number is sent exactly as written.
 */
@QuarkusTest
class HostileJsonTest {

    @Inject
    KashSimulator simulator;
    @Inject
    ConnectionFactory cf;

    /** {@code says}: "field: message" for a field's error (REST lists the two apart), else the message. */
    record Case(long orderId, String json, String says) {
        String field() {
            int colon = says.indexOf(": ");
            return says.startsWith("items") ? says.substring(0, colon) : null;
        }

        String message() {
            return field() == null ? says : says.substring(field().length() + 2);
        }
    }

    static final List<Case> CASES = List.of(
            new Case(27001, "{\"orderID\":27001,\"payment\":-2,\"payment\":3,\"paymentAmount\":1}",
                    "the field 'payment' is given twice"),
            new Case(27002, "{\"orderID\":27002,\"payment\":-2}{\"orderID\":27002,\"payment\":3}",
                    "there is more after the first JSON value"),
            new Case(27003, "{\"orderID\":27003,\"payment\":-2,\"items\":[{\"type\":\"free\",\"price\":1e400,"
                    + "\"title\":\"Huge\"}]}", "items[0].price: must be a number of at most 32 characters"),
            new Case(27004, "{\"orderID\":27004,\"payment\":-2,\"items\":[{\"type\":\"free\",\"price\":1e-400,"
                    + "\"title\":\"Tiny\"}]}", "items[0].price: must be a number of at most 32 characters"),
            new Case(27007, "{\"orderID\":27007,\"payment\":-2,\"items\":[{\"type\":\"free\",\"price\":1e999999999,"
                    + "\"title\":\"Heap\"}]}", "items[0].price: must be a number of at most 32 characters"),
            new Case(27008, "{\"orderID\":27008,\"payment\":-2,\"items\":[{\"type\":\"free\",\"price\":1e2147483648,"
                    + "\"title\":\"Range\"}]}", "a number is out of range"),
            new Case(27009, "{\"orderID\":27009,\"payment\":-2,\"itemsList\":[\"Free_1_A\\udc00\"]}",
                    "itemsList[0]: is not valid Unicode: a lone surrogate at character 9"),
            new Case(27005, "{\"orderID\":27005,\"payment\":-2,\"items\":[{\"type\":\"article\",\"id\":12,"
                    + "\"variations\":[null]}]}", "items[0].variations[0]: must be a variation id, got null"),
            new Case(27006, "{\"orderID\":27006,\"payment\":-2,\"items\":[{\"type\":\"free\",\"price\":1,"
                    + "\"title\":\"A\\ud800B\"}]}", "items[0].title: is not valid Unicode: a lone surrogate \\uD800"),
            new Case(27012, "{\"orderID\":27012,\"payment\":-2,\"items\":[{\"type\":\"free\",\"price\":1,"
                    + "\"title\":\"Caf\\ufffd\"}]}",
                    "items[0].title: holds U+FFFD, the mark of bytes that were not "
                            + "valid UTF-8"));

    @Test
    void overRestEachIsRefusedNamingWhatIsWrong() {
        for (Case c : CASES) {
            Response r = given().header("X-API-Key", "test-api-key").contentType(ContentType.JSON).body(c.json)
                    .post("/api/order-edits");
            assertEquals(400, r.statusCode(), c.json + " -> " + r.asString());
            assertEquals("REJECTED", r.path("status"), r.asString());
            List<java.util.Map<String, String>> errors = r.jsonPath().getList("errors");
            String message = r.jsonPath().getString("message");
            boolean named = c.field() == null ? message != null && message.contains(c.message())
                    : errors != null && errors.stream().anyMatch(
                            e -> c.field().equals(e.get("field")) && e.get("message").startsWith(c.message()));
            assertTrue(named, c.json + " -> " + r.asString());
            assertEquals(0, Sent.count(simulator, String.valueOf(c.orderId)), c.json + " reached Kash");
        }
    }

    @Test
    void overJmsEachIsDeadLetteredWithTheReasonAndTheQueueGoesOn() throws Exception {
        try (JMSContext ctx = cf.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            for (Case c : CASES) {
                var m = ctx.createTextMessage(c.json.replace(String.valueOf(c.orderId), "1" + c.orderId));
                m.setStringProperty("editId", "hostile-" + c.orderId);
                ctx.createProducer().send(ctx.createQueue("kash.order-edits"), m);
            }
        }
        for (Case c : CASES) {
            Message dead = Jms.receive(cf, "kash.order-edits.DLQ", "KashEditKey = 'hostile-" + c.orderId + "'");
            assertNotNull(dead, c.json + " not dead-lettered");
            assertEquals("REJECTED", dead.getStringProperty("KashStatus"));
            String reason = dead.getStringProperty("KashFailureReason");
            assertTrue(reason.contains(c.says), c.json + " -> " + reason);
            assertEquals(0, Sent.count(simulator, "1" + c.orderId), c.json + " reached Kash");
        }
    }

    @Test
    void aLongNumberIsSentExactlyAsWrittenNeverThroughADouble() {
        given().header("X-API-Key", "test-api-key").contentType(ContentType.JSON)
                .body("{\"orderID\":27010,\"payment\":-2,\"items\":[{\"type\":\"free\",\"price\":"
                        + "123456789012345678901.5,\"title\":\"Exact\"}]}")
                .post("/api/order-edits").then().statusCode(200);
        assertEquals(1, Sent.count(simulator, "27010"));
        assertTrue(Sent.to(simulator, "27010").get(0).body().contains("Free_123456789012345678901.5_Exact"),
                Sent.to(simulator, "27010").get(0).body());
    }

    /** {"orderID":<order>,"payment":-2,"items":[{"type":"free","price":1,"title":"Caf\xE9"}]}: Latin-1, not UTF-8. */
    private static byte[] latin1Title(long order) {
        return ("{\"orderID\":" + order
                + ",\"payment\":-2,\"items\":[{\"type\":\"free\",\"price\":1,\"title\":\"Caf\u00e9\"}]}")
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNeverSentAsReplacementCharacters() throws Exception {
        byte[] body = latin1Title(27011);
        Response r = given().header("X-API-Key", "test-api-key").contentType("application/json").body(body)
                .post("/api/order-edits");
        assertEquals(400, r.statusCode(), r.asString());
        assertTrue(r.jsonPath().getString("message").contains("not valid UTF-8: byte 77 (0xE9)"), r.asString());
        assertEquals(0, Sent.count(simulator, "27011"));

        try (JMSContext ctx = cf.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            var m = ctx.createBytesMessage();
            m.writeBytes(latin1Title(127011));
            m.setStringProperty("editId", "hostile-bytes-27011");
            ctx.createProducer().send(ctx.createQueue("kash.order-edits"), m);
        }
        Message dead = Jms.receive(cf, "kash.order-edits.DLQ", "KashEditKey = 'hostile-bytes-27011'");
        assertNotNull(dead);
        assertEquals("REJECTED", dead.getStringProperty("KashStatus"));
        assertTrue(dead.getStringProperty("KashFailureReason").contains("not valid UTF-8: byte 78 (0xE9)"),
                dead.getStringProperty("KashFailureReason"));
        assertEquals(0, Sent.count(simulator, "127011"));
    }
}
