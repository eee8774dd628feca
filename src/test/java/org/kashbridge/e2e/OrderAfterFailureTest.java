package org.kashbridge.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kashbridge.simulator.FaultPlan;
import org.kashbridge.simulator.KashSimulator;
import org.kashbridge.support.Inbox;
import org.kashbridge.support.Sent;

/**
 * Edits of one order are never applied out of order: when an edit ends FAILED, the order's later edits are held
 * back (FAILED "held back", dead-lettered, never sent) until it is resolved; replaying the dead letters then sends
 * them in their order. Other orders are not held.
 */
@QuarkusTest
class OrderAfterFailureTest {

    @Inject
    KashSimulator simulator;

    @AfterEach
    void noFaults() {
        simulator.faults(new FaultPlan());
    }

    @Test
    void laterEditsOfAFailedOrderAreHeldBackAndReplayedInOrder() {
        FaultPlan refuse = new FaultPlan();
        refuse.perOrder = List.of("400"); // each order's first request: HTTP 400, a permanent failure
        simulator.faults(refuse);
        Inbox.drop("held.csv", "editId,orderID,payment,itemType,title,price\n"
                + "held-a,37001,-2,free,First,1.00\nheld-b,37001,-2,free,Second,2.00\nheld-c,37001,-1,,,\n");
        List<CSVRecord> report = Inbox.awaitReport(Inbox.done(), "held.csv");
        assertEquals(List.of("FAILED", "FAILED", "FAILED"), report.stream().map(r -> r.get("status")).toList());
        assertEquals("Kash answered HTTP 400", report.get(0).get("message"));
        assertTrue(report.get(1).get("message").startsWith("held back, not sent: an earlier edit of order 37001 "
                + "(editId:held-a, FAILED since"), report.get(1).get("message"));
        assertEquals(1, Sent.count(simulator, "37001"), "only the first edit reached Kash");
        given().header("X-API-Key", "test-api-key").get("/api/operator/blocked-orders").then().statusCode(200)
                .body("find { it.orderID == 37001 }.blockedBy", equalTo("editId:held-a"));

        // REST is held back the same way: 409, nothing sent
        given().header("X-API-Key", "test-api-key").contentType(ContentType.JSON)
                .body("{\"orderID\":37001,\"payment\":-1,\"editId\":\"held-rest\"}").post("/api/order-edits").then()
                .statusCode(409).body("status", equalTo("FAILED")).body("message", startsWith("held back, not sent"));
        assertEquals(1, Sent.count(simulator, "37001"));

        // Kash is fixed: the dead letters replay oldest first, so the order's edits go out in their order
        simulator.faults(new FaultPlan());
        given().header("X-API-Key", "test-api-key").post("/api/operator/dead-letters/replay?max=100").then()
                .statusCode(200);
        List<String> lines = simulator.order(37001).lines;
        assertEquals(List.of("Free_1.00_First", "Free_2.00_Second"), lines);
        List<String> bodies = Sent.to(simulator, "37001").stream().map(KashSimulator.Request::body).toList();
        assertEquals(5, bodies.size(), bodies.toString());
        assertTrue(bodies.get(1).contains("First") && bodies.get(2).contains("Second")
                && bodies.get(3).contains("payment=-1")
                && bodies.get(4).contains("payment=-1"), bodies.toString());
        given().header("X-API-Key", "test-api-key").get("/api/operator/blocked-orders").then().statusCode(200)
                .body("findAll { it.orderID == 37001 }.size()", equalTo(0));
    }
}
