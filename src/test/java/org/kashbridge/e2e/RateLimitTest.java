package org.kashbridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kashbridge.simulator.FaultPlan;
import org.kashbridge.simulator.KashSimulator;
import org.kashbridge.support.Inbox;

/** KASH_RATE_LIMIT caps the editOrder attempts per second, retries included, however many are in flight. */
@QuarkusTest
@QuarkusTestResource(value = RateLimitTest.FivePerSecond.class, restrictToAnnotatedClass = true)
class RateLimitTest {

    public static class FivePerSecond implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of("kash.rate-limit", "5");
        }

        @Override
        public void stop() {
        }
    }

    @Inject
    KashSimulator simulator;

    @Test
    void noSecondSeesMoreAttemptsThanTheLimitRetriesIncluded() {
        // every order's first attempt gets 503: its retry (50 ms later in tests) must wait for the limit too
        FaultPlan busy = new FaultPlan();
        busy.perOrder = List.of("503");
        simulator.faults(busy);
        try {
            Inbox.drop("rate.csv", Inbox.validateOrders(32_000, 10));
            Inbox.awaitReport(Inbox.done(), "rate.csv");
        } finally {
            simulator.faults(new FaultPlan());
        }
        @SuppressWarnings("unchecked")
        Map<Long, List<Long>> times = (Map<Long, List<Long>>) simulator.stats().get("requestTimes");
        List<Long> all = times.entrySet().stream().filter(e -> e.getKey() >= 32_000 && e.getKey() < 32_010)
                .flatMap(e -> e.getValue().stream()).sorted().toList();
        assertEquals(20, all.size(), "attempts: " + all);
        // Camel's throttler counts attempts in one-second windows: 20 attempts at 5 per window span four of them
        assertTrue(all.get(19) - all.get(0) >= 2500, "20 attempts within " + (all.get(19) - all.get(0)) + " ms");
        for (int i = 0; i + 10 < all.size(); i++) {
            // no two consecutive windows hold more than 10 attempts
            assertTrue(all.get(i + 10) - all.get(i) > 1000, "attempts " + i + ".." + (i + 10) + " within "
                    + (all.get(i + 10) - all.get(i)) + " ms");
        }
    }
}
