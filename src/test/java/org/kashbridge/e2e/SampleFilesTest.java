package org.kashbridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.kashbridge.simulator.KashSimulator;
import org.kashbridge.support.Inbox;
import org.kashbridge.support.Sent;

/** The README demo: the files in samples/ dropped into the inbox, checked byte for byte at the simulator. */
@QuarkusTest
class SampleFilesTest {

    private static final String AUTH = "shopID=test-shop&key=" + Inbox.KEY;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    KashSimulator simulator;

    @Test
    void interleavedMultiLineEditsAreGroupedWithLinesInFileOrder() throws Exception {
        Inbox.dropSample("orders.csv", "orders.csv");
        List<CSVRecord> report = Inbox.awaitReport(Inbox.done(), "orders.csv");

        assertEquals(List.of(
                AUTH + "&orderID=1001&payment=-2&publicComment=Table+by+the+window%2C+please&deliveryMethod=2"
                        + "&itemsList%5B%5D=12_2_Pizza+4+fromages_14.50_3_8&itemsList%5B%5D=-5_9.99_Vente+libre",
                AUTH + "&orderID=1002&payment=-1&itemsList%5B%5D=Free_2.50_Gift+wrap"
                        + "&itemsList%5B%5D=42_1_Menu+%22midi%22_12.90"),
                Sent.bodiesFor(simulator, "1001", "1002"));

        assertEquals(2, report.size());
        assertEquals(Map.of("editKey", "1001", "orderID", "1001", "rows", "2 4", "status", "OK", "message", "",
                "invoice", "", "quote", "http://localhost:" + port() + "/simulator/pdf/quote-1001.pdf",
                "paymentLink", "http://localhost:" + port() + "/simulator/pay/1001"), report.get(0).toMap());
        assertEquals("OK", report.get(1).get("status"));
        assertTrue(report.get(1).get("invoice").endsWith("/simulator/pdf/invoice-1002.pdf"));

        List<String> archived = Inbox.records(Inbox.archive(), "orders.csv");
        assertEquals(2, archived.size());
        JsonNode first = JSON.readTree(archived.stream().filter(r -> r.contains("\"editKey\":\"1001\""))
                .findFirst().orElseThrow());
        assertEquals("OK", first.get("status").asText());
        assertEquals("[2,4]", first.get("source").get("rows").toString());
        assertEquals("****", first.get("request").get("key").asText());
        assertEquals("[\"12_2_Pizza 4 fromages_14.50_3_8\",\"-5_9.99_Vente libre\"]",
                first.get("request").get("itemsList[]").toString());
        assertTrue(first.get("quote").asText().endsWith("quote-1001.pdf"));

        // What the README demo shows with curl: the simulated till now holds both lines of order 1001.
        io.restassured.RestAssured.given().get("/simulator/orders/1001").then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("QUOTE"))
                .body("lines", org.hamcrest.Matchers.contains("12_2_Pizza 4 fromages_14.50_3_8", "-5_9.99_Vente libre"))
                .body("total", org.hamcrest.Matchers.equalTo("38.99"));
    }

    @Test
    void semicolonFileWithBomAndRawTokensAndAPaymentOnlyEdit() {
        Inbox.dropSample("payments-semicolon-bom.csv", "payments-semicolon-bom.csv");
        List<CSVRecord> report = Inbox.awaitReport(Inbox.done(), "payments-semicolon-bom.csv");
        assertEquals(List.of(
                AUTH + "&orderID=2001&payment=-1&itemsList%5B%5D=Free_12.99_Item&itemsList%5B%5D=Free_9.99_Other+item",
                AUTH + "&orderID=2002&payment=4&paymentAmount=20.5"), Sent.bodiesFor(simulator, "2001", "2002"));
        assertEquals(List.of("OK", "OK"), report.stream().map(r -> r.get("status")).toList());
        assertEquals(List.of("2 3", "4"), report.stream().map(r -> r.get("rows")).toList());
    }

    @Test
    void customerCreationEditSendsClientFields() {
        Inbox.dropSample("customers.csv", "customers.csv");
        Inbox.awaitReport(Inbox.done(), "customers.csv");
        assertEquals(List.of(AUTH + "&orderID=3001&payment=-2&client%5Bnom%5D=Dupont&client%5Bprenom%5D=Marie"
                + "&client%5Bemail%5D=marie.dupont%40example.com&client%5Btelephone%5D=%2B33+1+23+45+67+89"
                + "&client%5Badresseligne1%5D=12%2C+rue+de+la+Paix&client%5Bcodepostal%5D=75002"
                + "&client%5Bville%5D=Paris&client%5Bpays%5D=FR"), Sent.bodiesFor(simulator, "3001"));
        assertEquals("Dupont", simulator.order(3001).client.get("nom"));
    }

    @Test
    void mixedFileSendsTheGoodEditsAndReportsEachBadOne() throws Exception {
        Inbox.dropSample("mixed-good-and-bad.csv", "mixed-good-and-bad.csv");
        List<CSVRecord> report = Inbox.awaitReport(Inbox.done(), "mixed-good-and-bad.csv");
        assertEquals(List.of(AUTH + "&orderID=4001&payment=-2&itemsList%5B%5D=7_1_Espresso_1.80"),
                Sent.bodiesFor(simulator, "4001", "4002", "abc", "4003", "4004", "4005"));
        assertEquals(List.of("4001:OK", "4002:REJECTED", "abc:REJECTED", "4003:REJECTED", "4004:REJECTED",
                "4005:REJECTED"), report.stream().map(r -> r.get("editKey") + ":" + r.get("status")).toList());
        assertEquals("row 4, orderID: must be a positive integer (the id of the Kash order), got 'abc'",
                report.get(2).get("message"));
        assertEquals("row 5, items[0].type: unknown item type 'souvenir'; use article, department or free",
                report.get(3).get("message"));
        assertEquals("row 6, items[0].variations: at most 5 variations are allowed, got 6",
                report.get(4).get("message"));
        assertEquals("rows 7, 8, payment: conflicting values in one edit: row 7 '-1', row 8 '-2'; the rows of one edit "
                + "must agree on order-level fields", report.get(5).get("message"));

        List<String> failed = Inbox.records(Inbox.failed(), "mixed-good-and-bad.csv");
        assertEquals(5, failed.size());
        JsonNode conflict = JSON.readTree(failed.stream().filter(f -> f.contains("\"editKey\":\"4005\"")).findFirst()
                .orElseThrow());
        assertEquals("REJECTED", conflict.get("status").asText());
        assertEquals(0, conflict.get("attempts").asInt());
        assertEquals("-1", conflict.get("input").get("payment").asText());
        assertEquals(1, Inbox.records(Inbox.archive(), "mixed-good-and-bad.csv").size());
    }

    @Test
    void noInboundHeaderReachesKash() {
        Inbox.drop("headers-check.csv", "orderID,payment,item\n5001,-2,7\n");
        Inbox.awaitReport(Inbox.done(), "headers-check.csv");
        KashSimulator.Request last = simulator.received().stream().filter(r -> r.body().contains("&orderID=5001&"))
                .findFirst().orElseThrow();
        for (String name : last.headers().keySet()) {
            assertTrue(List.of("content-type", "content-length", "host", "connection", "user-agent", "accept-encoding")
                    .contains(name.toLowerCase()), "unexpected header reached Kash: " + name);
        }
        assertFalse(last.headers().values().stream().anyMatch(v -> v.contains("headers-check")));
        assertEquals("application/x-www-form-urlencoded; charset=UTF-8", last.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("content-type")).findFirst().orElseThrow().getValue());
    }

    private static String port() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.http.test-port",
                String.class);
    }
}
