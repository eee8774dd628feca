package org.kashbridge.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static RetryPolicy policy() {
        RetryPolicy p = new RetryPolicy();
        p.maxAttempts = 5;
        p.initialDelay = Duration.ofMillis(1000);
        p.maxDelay = Duration.ofMillis(30_000);
        p.maxTotal = Duration.ofMinutes(5);
        p.jitter = 0.2;
        return p;
    }

    @Test
    void backoffDoublesWithinTheJitterAndIsCapped() {
        RetryPolicy p = policy();
        for (int i = 0; i < 200; i++) {
            long first = p.delayBefore(2, null);
            long second = p.delayBefore(3, null);
            long late = p.delayBefore(20, null);
            assertTrue(first >= 800 && first <= 1200, "first retry " + first);
            assertTrue(second >= 1600 && second <= 2400, "second retry " + second);
            assertTrue(late >= 24_000 && late <= 36_000, "capped " + late);
        }
    }

    @Test
    void retryAfterWinsButNeverBeyondTheTotalBudget() {
        RetryPolicy p = policy();
        assertEquals(2000, p.delayBefore(2, 2000L));
        assertEquals(300_000, p.delayBefore(2, 3_600_000L));
    }
}
