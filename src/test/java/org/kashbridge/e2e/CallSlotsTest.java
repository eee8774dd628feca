package org.kashbridge.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kashbridge.simulator.FaultPlan;
import org.kashbridge.simulator.KashSimulator;
import org.kashbridge.support.Inbox;

/**
 * KASH_CONCURRENCY (8 here) is the number of editOrder calls in flight, all sources together: a file's lanes
 * and REST callers share the slots, and the file keeps all of them busy.
 */
@QuarkusTest
class CallSlotsTest {

    @Inject
    KashSimulator simulator;

    private final ExecutorService callers = Executors.newFixedThreadPool(12);

    @BeforeEach
    void slowSimulator() {
        FaultPlan slow = new FaultPlan();
        slow.delayMs = 150;
        simulator.faults(slow);
        simulator.restartInFlightCount();
    }

    @AfterEach
    void noDelay() {
        simulator.faults(new FaultPlan());
        callers.shutdown();
    }

    /** {@code n} REST callers at once, each posting one edit of its own order; their HTTP statuses. */
    private List<Integer> restCallers(int n, long firstOrder) {
        List<CompletableFuture<Integer>> rest = IntStream.range(0, n)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> given().header("X-API-Key", "test-api-key")
                        .contentType(ContentType.JSON).body("{\"orderID\":" + (firstOrder + i) + ",\"payment\":-1}")
                        .post("/api/order-edits").statusCode(), callers))
                .toList();
        return rest.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void aFileAndRestCallersNeverHaveMoreCallsInFlightThanTheSetting() {
        Inbox.drop("slots.csv", Inbox.validateOrders(33_000, 80));
        // the file alone takes every slot...
        await().atMost(Duration.ofSeconds(30)).until(() -> simulator.inFlight() >= 8);
        // ...and REST callers arriving then wait for one instead of adding calls
        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200, 200), restCallers(9, 33_100));
        List<CSVRecord> report = Inbox.awaitReport(Inbox.done(), "slots.csv");
        assertEquals(80, report.stream().filter(r -> r.get("status").equals("OK")).count());
        assertEquals(8, simulator.maxInFlight(), "most editOrder calls in flight at once");
    }

    @Test
    void restCallersAloneShareTheSameSlots() {
        assertEquals(12, restCallers(12, 33_200).stream().filter(status -> status == 200).count());
        assertEquals(8, simulator.maxInFlight(), "most editOrder calls in flight at once");
    }

    @Test
    void anEditWaitingToBeRetriedHoldsNoSlot() {
        FaultPlan busy = new FaultPlan();
        busy.firstRequests = java.util.Collections.nCopies(8, "429:3"); // Kash: "retry in 3 s", not applied
        simulator.faults(busy);
        int before = simulator.received().size();
        Inbox.drop("retrying.csv", Inbox.validateOrders(33_300, 8));
        await().atMost(Duration.ofSeconds(30)).until(() -> simulator.received().size() >= before + 8);

        // all 8 slots' edits now wait for their retry; a REST call gets a slot at once, before any retry
        assertEquals(List.of(200), restCallers(1, 33_400));
        KashSimulator.Request rest = org.kashbridge.support.Sent.to(simulator, "33400").get(0);
        assertEquals(before + 8, simulator.received().indexOf(rest), "the REST call went out before the retries");

        List<CSVRecord> report = Inbox.awaitReport(Inbox.done(), "retrying.csv");
        assertEquals(8, report.stream().filter(r -> r.get("status").equals("OK")).count());
    }
}
