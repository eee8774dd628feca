package org.kashbridge.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kashbridge.simulator.KashSimulator;
import org.kashbridge.support.Inbox;

/** Synchronous REST: the same pipeline as files, with HTTP status codes for each outcome. */
@QuarkusTest
class RestSyncTest {

    @Inject
    KashSimulator simulator;

    private static io.restassured.specification.RequestSpecification api() {
        return given().header("X-API-Key", "test-api-key").contentType(ContentType.JSON)
                .header("X-Forwarded-For", "10.9.9.9").header("Cookie", "session=abc");
    }

    private List<KashSimulator.Request> sentFor(String orderId) {
        return org.kashbridge.support.Sent.to(simulator, orderId);
    }

    @Test
    void happyPathSendsTheExactFormAndAnswers200() {
        api().body("{\"orderID\":20001,\"payment\":-2,\"publicComment\":\"Caf\u00e9 & co\",\"items\":["
                + "{\"type\":\"article\",\"id\":12,\"quantity\":2,\"title\":\"Pizza_4\",\"price\":14.5,\"variations\":[3,8]},"
                + "{\"type\":\"department\",\"id\":5,\"price\":9.99,\"title\":\"Vente libre\"},"
                + "{\"type\":\"free\",\"price\":1.25E1,\"title\":\"Other\"}]}")
                .post("/api/order-edits").then().statusCode(200)
                .body("status", equalTo("OK")).body("orderID", equalTo(20001))
                .body("quote", startsWith("http://localhost")).body("paymentLink", startsWith("http://localhost"));
        List<KashSimulator.Request> sent = sentFor("20001");
        assertEquals(1, sent.size());
        assertEquals("shopID=test-shop&key=" + Inbox.KEY + "&orderID=20001&payment=-2&publicComment=Caf%C3%A9+%26+co"
                + "&itemsList%5B%5D=12_2_Pizza+4_14.5_3_8&itemsList%5B%5D=-5_9.99_Vente+libre"
                + "&itemsList%5B%5D=Free_12.5_Other", sent.get(0).body());
        // inbound HTTP headers never reach Kash
        assertEquals(0, sent.get(0).headers().keySet().stream()
                .filter(h -> h.equalsIgnoreCase("X-Forwarded-For") || h.equalsIgnoreCase("Cookie")
                        || h.equalsIgnoreCase("X-API-Key"))
                .count());
    }

    @Test
    void readmeSampleEditIsApplied() throws Exception {
        api().body(java.nio.file.Files.readString(java.nio.file.Path.of("samples/edit.json")))
                .post("/api/order-edits").then().statusCode(200).body("orderID", equalTo(5101));
        assertEquals("shopID=test-shop&key=" + Inbox.KEY + "&orderID=5101&payment=-2&client%5Bnom%5D=Martin"
                + "&client%5Bprenom%5D=Paul&client%5Bemail%5D=paul.martin%40example.com&client%5Bpays%5D=FR"
                + "&deliveryMethod=1&itemsList%5B%5D=12_2_Pizza+4+fromages_14.5_3_8&itemsList%5B%5D=Free_3.5_Delivery",
                sentFor("5101").get(0).body());
    }

    @Test
    void rawTokensAreAccepted() {
        api().body("{\"orderID\":20002,\"payment\":-1,\"itemsList\":[\"12_2\",\"Free_9.99_Other item\"]}")
                .post("/api/order-edits").then().statusCode(200).body("invoice", startsWith("http://localhost"));
        assertEquals("shopID=test-shop&key=" + Inbox.KEY + "&orderID=20002&payment=-1&itemsList%5B%5D=12_2"
                + "&itemsList%5B%5D=Free_9.99_Other+item", sentFor("20002").get(0).body());
    }

    @Test
    void invalidEditIs400WithFieldErrorsAndKashIsNotCalled() {
        int before = simulator.received().size();
        api().body("{\"orderID\":\"abc\",\"payment\":-2,\"paymnet\":3,\"items\":[{\"type\":\"free\",\"price\":-1}]}")
                .post("/api/order-edits").then().statusCode(400).body("status", equalTo("REJECTED"))
                .body("errors.field", hasItem("paymnet"))
                .body("errors.field", hasItem("orderID"))
                .body("errors.field", hasItem("items[0].price"))
                .body("errors.field", hasItem("items[0].title"));
        assertEquals(before, simulator.received().size());
    }

    @Test
    void kashRejectionIs422WithKashsMessage() {
        api().body("{\"orderID\":20003,\"payment\":-1}").post("/api/order-edits").then().statusCode(200);
        api().body("{\"orderID\":20003,\"payment\":-1,\"itemsList\":[\"7\"]}").post("/api/order-edits").then()
                .statusCode(422).body("status", equalTo("REJECTED"))
                .body("message", equalTo("Order 20003 is validated: only payments can be recorded"));
    }

    @Test
    void batchAnswersEachOutcomeInOrder() {
        api().body(
                "[{\"orderID\":20004,\"payment\":-2},{\"orderID\":0,\"payment\":-2},{\"orderID\":20005,\"payment\":-1}]")
                .post("/api/order-edits/batch").then().statusCode(200)
                .body("status", contains("OK", "REJECTED", "OK"));
        api().body("[{\"orderID\":20006,\"payment\":-2}]").post("/api/order-edits").then().statusCode(200)
                .body("status", contains("OK"));
    }
}
