package org.kashbridge.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kashbridge.simulator.KashSimulator;
import org.kashbridge.support.Inbox;

/** KASH_RATE_LIMIT caps the editOrder calls per second, however many are in flight. */
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
    void noSecondSeesMoreCallsThanTheLimit() {
        Inbox.drop("rate.csv", Inbox.validateOrders(32_000, 15));
        Inbox.awaitReport(Inbox.done(), "rate.csv");
        @SuppressWarnings("unchecked")
        Map<Long, List<Long>> times = (Map<Long, List<Long>>) simulator.stats().get("requestTimes");
        List<Long> all = times.entrySet().stream().filter(e -> e.getKey() >= 32_000 && e.getKey() < 32_015)
                .flatMap(e -> e.getValue().stream()).sorted().toList();
        assertTrue(all.size() == 15, "calls: " + all.size());
        // Camel's throttler counts calls in one-second windows: 15 calls at 5 per window span three of them (unthrottled: ~0.1 s)
        assertTrue(all.get(14) - all.get(0) >= 1500, "15 calls within " + (all.get(14) - all.get(0)) + " ms");
        for (int i = 0; i + 10 < all.size(); i++) {
            // no two consecutive windows hold more than 10 calls
            assertTrue(all.get(i + 10) - all.get(i) > 1000, "calls " + i + ".." + (i + 10) + " within "
                    + (all.get(i + 10) - all.get(i)) + " ms");
        }
    }
}
