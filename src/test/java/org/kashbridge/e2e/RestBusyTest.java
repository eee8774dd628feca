package org.kashbridge.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kashbridge.simulator.FaultPlan;
import org.kashbridge.simulator.KashSimulator;
import org.kashbridge.support.Api;
import org.kashbridge.support.Sent;

/**
 * A REST call whose turn does not come within KASH_REST_WAIT (5 s in tests) is answered 409 Conflict with
 * Retry-After, and nothing is sent for it: the same key in flight on another call, or an earlier edit of
 * the same order still going. Asked again once the first is done, it gets the first's outcome (same key) or
 * is sent (the order's next edit). An array that takes longer than the wait in all still has every edit sent.
 */
@QuarkusTest
class RestBusyTest {

    static final long ORDER = 48_101;
    @Inject
    KashSimulator simulator;
    final ExecutorService callers = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        callers.shutdownNow();
        simulator.faults(new FaultPlan());
    }

    static Response post(String key, String body) {
        return Api.postEdit(key, body);
    }

    @Test
    void aCallWhoseTurnDoesNotComeGets409AndNothingIsSentForIt() throws Exception {
        String payment = "{\"orderID\":" + ORDER + ",\"payment\":3,\"paymentAmount\":5.00}";
        String later = "{\"orderID\":" + ORDER + ",\"payment\":3,\"paymentAmount\":1.00}";
        // a Kash that answers after the waits are over (its read timeout is 15 s)
        FaultPlan slow = new FaultPlan();
        slow.delayMs = 7_000;
        simulator.faults(slow);
        simulator.restartInFlightCount();
        Future<Response> first = callers.submit(() -> post("busy-1", payment));
        await().atMost(Duration.ofSeconds(20)).until(() -> simulator.inFlight() == 1);
        Future<Response> sameKey = callers.submit(() -> post("busy-1", payment));
        Future<Response> sameOrder = callers.submit(() -> post("busy-2", later));

        Response busyKey = sameKey.get();
        assertEquals(409, busyKey.statusCode(), busyKey.asString());
        assertEquals("1", busyKey.header("Retry-After"));
        assertEquals("CONFLICT", busyKey.jsonPath().getString("status"));
        assertEquals("busy-1", busyKey.jsonPath().getString("editKey"));
        Response busyOrder = sameOrder.get();
        assertEquals(409, busyOrder.statusCode(), busyOrder.asString());
        assertEquals("busy-2", busyOrder.jsonPath().getString("editKey"));
        assertTrue(busyOrder.jsonPath().getString("message").contains(String.valueOf(ORDER)),
                busyOrder.jsonPath().getString("message"));

        Response applied = first.get();
        assertEquals(200, applied.statusCode(), applied.asString());
        assertEquals("OK", applied.jsonPath().getString("status"));
        assertEquals(1, Sent.count(simulator, String.valueOf(ORDER)), "the busy calls sent nothing");

        simulator.faults(new FaultPlan());
        Response again = post("busy-1", payment);
        assertEquals(200, again.statusCode());
        assertEquals("DUPLICATE", again.jsonPath().getString("status"));
        Response next = post("busy-2", later);
        assertEquals(200, next.statusCode(), next.asString());
        assertEquals("OK", next.jsonPath().getString("status"));
        assertEquals(2, Sent.count(simulator, String.valueOf(ORDER)));
        assertEquals(2, simulator.order(ORDER).payments.size());
    }

    @Test
    void eachEditOfAnArrayWaitsFromItsOwnStart() {
        // 2.5 s a call: the array takes longer than KASH_REST_WAIT in all, and every edit still goes
        // (RestEditsTest pins when each edit's wait begins)
        FaultPlan slow = new FaultPlan();
        slow.delayMs = 2_500;
        simulator.faults(slow);
        String array = "[{\"orderID\":48111,\"payment\":3,\"paymentAmount\":1.00},"
                + "{\"orderID\":48112,\"payment\":3,\"paymentAmount\":1.00},"
                + "{\"orderID\":48113,\"payment\":3,\"paymentAmount\":1.00}]";
        Response answer = post("array-1", array);
        assertEquals(200, answer.statusCode(), answer.asString());
        assertEquals(java.util.List.of("OK", "OK", "OK"), answer.jsonPath().getList("status"));
        for (long order = 48111; order <= 48113; order++) {
            assertEquals(1, Sent.count(simulator, String.valueOf(order)));
        }
    }
}
