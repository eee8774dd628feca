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

    @AfterEach
    void noDelay() {
        simulator.faults(new FaultPlan());
    }

    @Test
    void aFileAndRestCallersNeverHaveMoreCallsInFlightThanTheSetting() {
        FaultPlan slow = new FaultPlan();
        slow.delayMs = 150;
        simulator.faults(slow);
        simulator.restartInFlightCount();

        StringBuilder csv = new StringBuilder("orderID,payment\n");
        for (int i = 0; i < 80; i++) {
            csv.append(33_000 + i).append(",-1\n");
        }
        Inbox.drop("slots.csv", csv.toString());
        // the file alone takes every slot...
        await().atMost(Duration.ofSeconds(30)).until(() -> simulator.inFlight() >= 8);
        // ...and REST callers arriving then wait for one instead of adding calls
        ExecutorService callers = Executors.newFixedThreadPool(9);
        List<CompletableFuture<Integer>> rest = IntStream.range(0, 9)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> given().header("X-API-Key", "test-api-key")
                        .contentType(ContentType.JSON).body("{\"orderID\":" + (33_100 + i) + ",\"payment\":-1}")
                        .post("/api/order-edits").statusCode(), callers))
                .toList();

        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200, 200),
                rest.stream().map(CompletableFuture::join).toList());
        List<CSVRecord> report = Inbox.awaitReport(Inbox.done(), "slots.csv");
        callers.shutdown();
        assertEquals(80, report.stream().filter(r -> r.get("status").equals("OK")).count());
        assertEquals(8, simulator.maxInFlight(), "most editOrder calls in flight at once");
    }

    @Test
    void restCallersAloneShareTheSameSlots() {
        FaultPlan slow = new FaultPlan();
        slow.delayMs = 150;
        simulator.faults(slow);
        simulator.restartInFlightCount();
        ExecutorService callers = Executors.newFixedThreadPool(12);
        List<CompletableFuture<Integer>> rest = IntStream.range(0, 12)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> given().header("X-API-Key", "test-api-key")
                        .contentType(ContentType.JSON).body("{\"orderID\":" + (33_200 + i) + ",\"payment\":-1}")
                        .post("/api/order-edits").statusCode(), callers))
                .toList();
        assertEquals(12, rest.stream().map(CompletableFuture::join).filter(status -> status == 200).count());
        callers.shutdown();
        assertEquals(8, simulator.maxInFlight(), "most editOrder calls in flight at once");
    }
}
