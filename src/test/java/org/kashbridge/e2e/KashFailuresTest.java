package org.kashbridge.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.kashbridge.support.InjectWireMock;
import org.kashbridge.support.Inbox;
import org.kashbridge.support.WireMockKash;

/**
 * Kash's answers decide the outcome: success:false is a REJECTED edit with Kash's message; HTTP errors,
 * non-JSON bodies, resets and timeouts are FAILED with the status and a bounded excerpt. The rest of the
 * file still goes through.
 */
@QuarkusTest
@QuarkusTestResource(value = WireMockKash.class, restrictToAnnotatedClass = true)
class KashFailuresTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectWireMock
    WireMockServer kash;

    private void stub(String orderId, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        kash.stubFor(post(urlEqualTo("/workers/editOrder.php")).withRequestBody(containing("&orderID=" + orderId + "&"))
                .willReturn(response));
    }

    @Test
    void restAnswers502ForKashErrorsAnd504ForTimeouts() {
        stub("31", aResponse().withStatus(500).withBody("Internal Server Error"));
        stub("32", aResponse().withStatus(200).withFixedDelay(4000).withBody("{\"success\":true,\"orderID\":32}"));
        io.restassured.RestAssured.given().header("X-API-Key", "test-api-key").contentType("application/json")
                .body("{\"orderID\":31,\"payment\":-1}").post("/api/order-edits").then().statusCode(502)
                .body("status", org.hamcrest.Matchers.equalTo("FAILED"))
                .body("message", org.hamcrest.Matchers.equalTo("Kash answered HTTP 500"));
        io.restassured.RestAssured.given().header("X-API-Key", "test-api-key").contentType("application/json")
                .body("{\"orderID\":32,\"payment\":-1}").post("/api/order-edits").then().statusCode(504)
                .body("status", org.hamcrest.Matchers.equalTo("FAILED"));
    }

    @Test
    void eachReplyKindIsClassifiedAndRouted() throws Exception {
        stub("11", aResponse().withStatus(200).withBody("{\"success\":true,\"orderID\":11,\"invoice\":\"inv-11\"}"));
        stub("12", aResponse().withStatus(200).withBody("{\"success\":false,\"result\":\"Unknown order 12\"}"));
        stub("13", aResponse().withStatus(503).withBody("<html><body>Service Unavailable</body></html>"));
        stub("14", aResponse().withStatus(200).withBody("<br/><b>Fatal error</b>: Uncaught exception"));
        stub("15", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        stub("16", aResponse().withStatus(200).withFixedDelay(4000).withBody("{\"success\":true,\"orderID\":16}"));

        Inbox.drop("kash-replies.csv", "orderID,payment\n11,-1\n12,-1\n13,-1\n14,-1\n15,-1\n16,-1\n");
        List<CSVRecord> report = Inbox.awaitReport(Inbox.done(), "kash-replies.csv");

        assertEquals(List.of("11:OK", "12:REJECTED", "13:FAILED", "14:FAILED", "15:FAILED", "16:FAILED"),
                report.stream().map(r -> r.get("editKey") + ":" + r.get("status")).toList());
        assertEquals("inv-11", report.get(0).get("invoice"));
        assertEquals("Unknown order 12", report.get(1).get("message"));
        assertEquals("Kash answered HTTP 503", report.get(2).get("message"));
        assertEquals("Kash answered HTTP 200 with a body that is not a JSON object", report.get(3).get("message"));
        assertTrue(report.get(4).get("message").startsWith("could not complete the call to " + kash.baseUrl()),
                report.get(4).get("message"));
        assertTrue(report.get(5).get("message").contains("Timeout"), report.get(5).get("message"));

        JsonNode unavailable = JSON.readTree(Inbox.records(Inbox.failed(), "kash-replies.csv").stream()
                .filter(r -> r.contains("\"editKey\" : \"13\"")).findFirst().orElseThrow());
        assertEquals(503, unavailable.get("kashReply").get("httpStatus").asInt());
        assertEquals("<html><body>Service Unavailable</body></html>", unavailable.get("kashReply").get("excerpt").asText());
        assertEquals("****", unavailable.get("request").get("key").asText());

        // exactly one attempt each: no retry hidden in the HTTP client
        for (String id : List.of("11", "12", "13", "14", "15", "16")) {
            kash.verify(1, postRequestedFor(urlEqualTo("/workers/editOrder.php"))
                    .withRequestBody(containing("&orderID=" + id + "&")));
        }
    }
}
