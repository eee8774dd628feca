package org.kashbridge.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.kashbridge.core.EditEnvelope;
import org.kashbridge.core.EditSource;
import org.kashbridge.json.JsonEditReader;
import org.kashbridge.support.TestSettings;

class RetryPolicyTest {

    private static RetryPolicy policy() {
        RetryPolicy p = new RetryPolicy();
        p.kash = TestSettings.kash(Map.of("kash.retry.max-attempts", "5", "kash.retry.initial-delay", "1s",
                "kash.retry.max-delay", "30s", "kash.retry.max-total", "5m", "kash.retry.jitter", "0.2"));
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

    /** An edit that has been attempted {@code attempts} times, the last one failed with {@code failure}. */
    private static Exchange failed(int attempts, Exception failure) {
        EditEnvelope e = new EditEnvelope("k1", new EditSource("rest", "test", null),
                JsonEditReader.read("{\"orderID\":1,\"payment\":-1}"));
        for (int i = 0; i < attempts; i++) {
            e.attempted();
        }
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(EditEnvelope.PROPERTY, e);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
        return exchange;
    }

    /** Counts the retry waits the policy announces to the ledger. */
    static final class Waits extends IdempotencyGate {
        int count;

        @Override
        public void retryWait(EditEnvelope e) {
            count++;
        }
    }

    private static RetryPolicy withGate(Waits waits) {
        RetryPolicy p = policy();
        p.gate = waits;
        return p;
    }

    @Test
    void aFailedAttemptIsTriedAgainAfterTheBackoffAndTheLedgerIsTold() {
        Waits waits = new Waits();
        Exchange exchange = failed(1, new java.net.ConnectException("refused"));
        assertTrue(withGate(waits).retryAgain(exchange));
        long delay = exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY, Long.class);
        assertTrue(delay >= 800 && delay <= 1200, "delay " + delay);
        assertEquals(1, waits.count);
    }

    @Test
    void noAttemptBeyondMaxAttempts() {
        Waits waits = new Waits();
        Exchange exchange = failed(5, new java.net.ConnectException("refused"));
        assertFalse(withGate(waits).retryAgain(exchange));
        assertNull(exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY));
        assertEquals(5, exchange.getProperty(EditEnvelope.PROPERTY, EditEnvelope.class).getAttempts());
        assertEquals(0, waits.count);
    }

    @Test
    void noAttemptWhoseWaitWouldEndPastTheTotalBudget() {
        Waits waits = new Waits();
        Exchange exchange = failed(2, new java.net.ConnectException("refused"));
        // the first attempt was 4 min 59 s ago: the next wait (about 2 s) would end past max-total (5 min)
        exchange.setProperty(RetryPolicy.FIRST_ATTEMPT, System.currentTimeMillis() - 299_000);
        assertFalse(withGate(waits).retryAgain(exchange));
        assertEquals(0, waits.count);
    }

    @Test
    void kashsRetryAfterSetsTheWaitInSecondsOrAsADate() {
        Exchange seconds = failed(1, new HttpOperationFailedException("u", 429, "Too Many", null,
                Map.of("retry-after", "7"), ""));
        assertTrue(withGate(new Waits()).retryAgain(seconds));
        assertEquals(7000L, seconds.getMessage().getHeader(Exchange.REDELIVERY_DELAY, Long.class));
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)
                .plusSeconds(10));
        Exchange date = failed(1, new HttpOperationFailedException("u", 503, "Unavailable", null,
                Map.of("Retry-After", inTenSeconds), ""));
        assertTrue(withGate(new Waits()).retryAgain(date));
        long delay = date.getMessage().getHeader(Exchange.REDELIVERY_DELAY, Long.class);
        assertTrue(delay > 8_000 && delay <= 10_000, "delay " + delay);
        // unreadable: the backoff instead
        Exchange junk = failed(1, new HttpOperationFailedException("u", 503, "Unavailable", null,
                Map.of("Retry-After", "soon"), ""));
        assertTrue(withGate(new Waits()).retryAgain(junk));
        long backoff = junk.getMessage().getHeader(Exchange.REDELIVERY_DELAY, Long.class);
        assertTrue(backoff >= 800 && backoff <= 1200, "delay " + backoff);
    }
}
