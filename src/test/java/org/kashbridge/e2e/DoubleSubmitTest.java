package org.kashbridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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
 * A client that double-submits: the same Idempotency-Key POSTed at the same instant is sent to Kash once, and
 * every other submission gets the winner's outcome (DUPLICATE with its orderID), never a second payment and
 * never a false AMBIGUOUS.
 */
@QuarkusTest
class DoubleSubmitTest {

    @Inject
    KashSimulator simulator;
    final ExecutorService callers = Executors.newFixedThreadPool(64);

    @AfterEach
    void stop() {
        callers.shutdownNow();
        simulator.faults(new FaultPlan());
    }

    static Response post(String key, long order) {
        return Api.postEdit(key, "{\"orderID\":" + order + ",\"payment\":3,\"paymentAmount\":5.00}");
    }

    @Test
    void aHundredPaymentsEachPostedTwiceAtOnceArePaidOnce() throws Exception {
        // a Kash that takes its time, so that both submissions of a key are in flight together
        FaultPlan slow = new FaultPlan();
        slow.delayMs = 30;
        simulator.faults(slow);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long order = 36_000 + i;
            for (int twice = 0; twice < 2; twice++) {
                Callable<Response> call = () -> {
                    go.await();
                    return post("pay-" + order, order);
                };
                answers.add(callers.submit(call));
            }
        }
        go.countDown();
        Map<String, Integer> statuses = new java.util.TreeMap<>();
        for (Future<Response> f : answers) {
            Response r = f.get();
            statuses.merge(r.statusCode() + " " + r.jsonPath().getString("status"), 1, Integer::sum);
        }
        assertEquals(Map.of("200 OK", 100, "200 DUPLICATE", 100), statuses);
        for (int i = 0; i < 100; i++) {
            assertEquals(1, Sent.count(simulator, String.valueOf(36_000 + i)), "order " + (36_000 + i));
            assertEquals(1, simulator.order(36_000 + i).payments.size());
        }
    }

    @Test
    void sixtyFourCallersOfOneKeyGetOneSendAndTheWinnersOutcome() throws Exception {
        FaultPlan slow = new FaultPlan();
        slow.delayMs = 200;
        simulator.faults(slow);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            Callable<Response> call = () -> {
                go.await();
                return post("pay-36500", 36_500);
            };
            answers.add(callers.submit(call));
        }
        go.countDown();
        int ok = 0;
        for (Future<Response> f : answers) {
            Response r = f.get();
            assertEquals(200, r.statusCode(), r.asString());
            assertEquals(36_500, r.jsonPath().getInt("orderID"), r.asString());
            ok += "OK".equals(r.jsonPath().getString("status")) ? 1 : 0;
            assertTrue(List.of("OK", "DUPLICATE").contains(r.jsonPath().getString("status")), r.asString());
        }
        assertEquals(1, ok);
        assertEquals(1, Sent.count(simulator, "36500"));
    }
}
