package org.kashbridge.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.kashbridge.support.Inbox;
import org.kashbridge.support.InjectWireMock;
import org.kashbridge.support.WireMockKash;

/**
 * Kash's answers decide the outcome and the retries: success:false is REJECTED at once; 5xx, 429 and
 * connection failures are retried (Retry-After honoured) up to the attempt limit; other 4xx and unreadable
 * replies are not retried; a lost reply is retried only for an edit that is harmless to repeat (and, when
 * the retries then end without a success, goes to review), and otherwise goes to review as AMBIGUOUS at once. The HTTP client itself never retries: WireMock counts every attempt.
 */
@QuarkusTest
@QuarkusTestResource(value = WireMockKash.class, restrictToAnnotatedClass = true)
class KashFailuresTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ATTEMPTS = 5;

    @InjectWireMock
    WireMockServer kash;

    private void stub(String orderId, ResponseDefinitionBuilder response) {
        kash.stubFor(post(urlEqualTo("/workers/editOrder.php")).withRequestBody(containing("&orderID=" + orderId + "&"))
                .willReturn(response));
    }

    private List<LoggedRequest> attempts(String orderId) {
        return kash.findAll(postRequestedFor(urlEqualTo("/workers/editOrder.php"))
                .withRequestBody(containing("&orderID=" + orderId + "&")));
    }

    @Test
    void eachReplyKindIsClassifiedRetriedAndRouted() throws Exception {
        assertEquals(MAX_ATTEMPTS, ConfigProvider.getConfig().getValue("kash.retry.max-attempts", Integer.class));
        stub("11", aResponse().withStatus(200).withBody("{\"success\":true,\"orderID\":11,\"invoice\":\"inv-11\"}"));
        stub("12", aResponse().withStatus(200).withBody("{\"success\":false,\"result\":\"Unknown order 12\"}"));
        stub("13", aResponse().withStatus(503).withBody("<html><body>Service Unavailable</body></html>"));
        stub("14", aResponse().withStatus(200).withBody("<br/><b>Fatal error</b>: Uncaught exception"));
        stub("15", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        stub("16", aResponse().withStatus(200).withFixedDelay(4000).withBody("{\"success\":true,\"orderID\":16}"));
        stub("17", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        stub("18", aResponse().withStatus(400).withBody("Bad Request"));
        stub("21", aResponse().withStatus(200).withBody("<br/><b>Warning</b>: something"));
        String ok19 = "{\"success\":true,\"orderID\":19,\"invoice\":\"inv-19\"}";
        kash.stubFor(post(urlEqualTo("/workers/editOrder.php")).withRequestBody(containing("&orderID=19&"))
                .inScenario("19").whenScenarioStateIs(STARTED).willReturn(aResponse().withStatus(503))
                .willSetStateTo("second"));
        kash.stubFor(post(urlEqualTo("/workers/editOrder.php")).withRequestBody(containing("&orderID=19&"))
                .inScenario("19").whenScenarioStateIs("second").willReturn(aResponse().withStatus(503))
                .willSetStateTo("third"));
        kash.stubFor(post(urlEqualTo("/workers/editOrder.php")).withRequestBody(containing("&orderID=19&"))
                .inScenario("19").whenScenarioStateIs("third").willReturn(aResponse().withStatus(200).withBody(ok19)));
        kash.stubFor(post(urlEqualTo("/workers/editOrder.php")).withRequestBody(containing("&orderID=20&"))
                .inScenario("20").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("open"));
        kash.stubFor(post(urlEqualTo("/workers/editOrder.php")).withRequestBody(containing("&orderID=20&"))
                .inScenario("20").whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(200).withBody("{\"success\":true,\"orderID\":20}")));

        Inbox.drop("kash-replies.csv", "orderID,payment\n11,-1\n12,-1\n13,-1\n14,-1\n15,3\n16,3\n17,-1\n18,-1\n19,-1\n"
                + "20,-1\n21,3\n");
        List<CSVRecord> report = Inbox.awaitReport(Inbox.done(), "kash-replies.csv");

        // 17 is harmless to repeat, so it is retried, but every attempt lost its reply: any of them may have been
        // applied, so it ends for review rather than as FAILED ("send it again")
        assertEquals(List.of("11:OK", "12:REJECTED", "13:FAILED", "14:FAILED", "15:AMBIGUOUS", "16:AMBIGUOUS",
                "17:AMBIGUOUS", "18:FAILED", "19:OK", "20:OK", "21:AMBIGUOUS"),
                report.stream().map(r -> r.get("editKey") + ":" + r.get("status")).toList());
        assertEquals("inv-11", report.get(0).get("invoice"));
        assertEquals("Unknown order 12", report.get(1).get("message"));
        assertEquals("Kash answered HTTP 503", report.get(2).get("message"));
        assertEquals("Kash answered HTTP 200 with a body that is not a JSON object", report.get(3).get("message"));
        assertTrue(report.get(4).get("message").startsWith("no reply from Kash after sending"),
                report.get(4).get("message"));
        assertTrue(report.get(5).get("message").contains("SocketTimeoutException"), report.get(5).get("message"));
        assertTrue(report.get(6).get("message").contains("may have been applied to order 17; the last one ended: could "
                + "not complete the call to " + kash.baseUrl()), report.get(6).get("message"));
        assertEquals("Kash answered HTTP 400", report.get(7).get("message"));
        assertEquals("inv-19", report.get(8).get("invoice"));

        Map<String, Integer> expectedAttempts = new java.util.TreeMap<>();
        for (String id : List.of("11", "12", "14", "15", "16", "18", "21")) {
            expectedAttempts.put(id, 1);
        }
        expectedAttempts.put("13", MAX_ATTEMPTS);
        expectedAttempts.put("17", MAX_ATTEMPTS);
        expectedAttempts.put("19", 3);
        expectedAttempts.put("20", 2);
        expectedAttempts.forEach((id, n) -> assertEquals(n, attempts(id).size(), "attempts for order " + id));
        List<LoggedRequest> throttled = attempts("20");
        long waited = throttled.get(1).getLoggedDate().getTime() - throttled.get(0).getLoggedDate().getTime();
        assertTrue(waited >= 1000, "Retry-After: 1 was not honoured, waited " + waited + " ms");

        JsonNode unavailable = JSON.readTree(Inbox.records(Inbox.failed(), "kash-replies.csv").stream()
                .filter(r -> r.contains("\"editKey\":\"13\"")).findFirst().orElseThrow());
        assertEquals(503, unavailable.get("kashReply").get("httpStatus").asInt());
        assertEquals(MAX_ATTEMPTS, unavailable.get("attempts").asInt());
        assertEquals("<html><body>Service Unavailable</body></html>",
                unavailable.get("kashReply").get("excerpt").asText());
        assertEquals("****", unavailable.get("request").get("key").asText());

        // the payment edits whose reply was lost wait for review, with what is needed to check them in Kash
        Path review = Path.of(ConfigProvider.getConfig().getValue("kash.review.dir", String.class));
        try (Stream<Path> files = Files.list(review)) {
            List<String> records = files.map(Inbox::read).toList();
            for (String id : List.of("15", "16", "21")) {
                JsonNode r = JSON.readTree(records.stream().filter(x -> x.contains("\"editKey\":\"" + id + "\""))
                        .findFirst().orElseThrow());
                assertEquals("AMBIGUOUS", r.get("status").asText());
                assertEquals("3", r.get("request").get("payment").asText());
                assertEquals(id, r.get("request").get("orderID").asText());
            }
        }
    }

    @Test
    void restAnswers502ForKashErrorsAnd504ForLostReplies() {
        stub("31", aResponse().withStatus(500).withBody("Internal Server Error"));
        stub("32", aResponse().withStatus(200).withFixedDelay(4000).withBody("{\"success\":true,\"orderID\":32}"));
        io.restassured.RestAssured.given().header("X-API-Key", "test-api-key").contentType("application/json")
                .body("{\"orderID\":31,\"payment\":-1}").post("/api/order-edits").then().statusCode(502)
                .body("status", org.hamcrest.Matchers.equalTo("FAILED"))
                .body("message", org.hamcrest.Matchers.equalTo("Kash answered HTTP 500"));
        assertEquals(MAX_ATTEMPTS, attempts("31").size());
        io.restassured.RestAssured.given().header("X-API-Key", "test-api-key").contentType("application/json")
                .body("{\"orderID\":32,\"payment\":4}").post("/api/order-edits").then().statusCode(504)
                .body("status", org.hamcrest.Matchers.equalTo("AMBIGUOUS"));
        assertEquals(1, attempts("32").size());
    }
}
