package org.kashbridge.delivery;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.jboss.logging.Logger;
import org.kashbridge.config.KashConfig;
import org.kashbridge.core.EditEnvelope;

/**
 * When and after how long Camel's redelivery tries Kash again (routes/pipeline.camel.yaml): bounded by
 * attempts and by total time, exponential backoff with jitter, and Kash's own Retry-After on 429/503.
 * The delay is handed to Camel in the CamelRedeliveryDelay header.
 */
@ApplicationScoped
@Named("retryPolicy")
@Unremovable
public class RetryPolicy {

    private static final Logger LOG = Logger.getLogger(RetryPolicy.class);
    static final String FIRST_ATTEMPT = "kashFirstAttempt";

    @Inject
    KashConfig kash;
    @jakarta.inject.Inject
    org.kashbridge.delivery.IdempotencyGate gate;

    /** Camel's retryWhile: true to try again (and then sets the delay), false to give up now. */
    public boolean retryAgain(Exchange exchange) {
        EditEnvelope envelope = exchange.getProperty(EditEnvelope.PROPERTY, EditEnvelope.class);
        long first = exchange.getProperty(FIRST_ATTEMPT, System.currentTimeMillis(), Long.class);
        exchange.setProperty(FIRST_ATTEMPT, first);
        int attempts = envelope.getAttempts();
        long delay = delayBefore(attempts + 1, retryAfter(exchange));
        long elapsed = System.currentTimeMillis() - first;
        if (attempts >= kash.retry().maxAttempts() || elapsed + delay > kash.retry().maxTotal().toMillis()) {
            LOG.warnf("edit %s: giving up after %d attempts in %d ms", envelope.getEditKey(), attempts, elapsed);
            return false;
        }
        exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, delay);
        gate.retryWait(envelope);
        return true;
    }

    /**
     * Camel's retryWhile after a lost reply (sent, no answer) of an edit that is harmless to repeat: as
     * {@link #retryAgain}, and the edit remembers that an earlier attempt may have been applied, so that Kash
     * refusing the repeat (an order validated by that attempt) is not mistaken for a refusal of the edit.
     */
    public boolean retryAfterLostReply(Exchange exchange) {
        boolean again = retryAgain(exchange);
        if (again) {
            exchange.getProperty(EditEnvelope.PROPERTY, EditEnvelope.class).replyLost();
        }
        return again;
    }

    /** Delay before attempt {@code n} (2 = first retry): Retry-After when Kash gave one, else backoff with jitter. */
    long delayBefore(int n, Long retryAfterMillis) {
        if (retryAfterMillis != null) {
            return Math.min(retryAfterMillis, kash.retry().maxTotal().toMillis());
        }
        double base = kash.retry().initialDelay().toMillis() * Math.pow(2, Math.max(0, n - 2));
        double capped = Math.min(base, kash.retry().maxDelay().toMillis());
        double factor = 1 + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * kash.retry().jitter();
        return Math.max(0, Math.round(capped * factor));
    }

    /** Retry-After of a 429/503 reply, in seconds or as an HTTP date; null when absent or unreadable. */
    static Long retryAfter(Exchange exchange) {
        HttpOperationFailedException failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT,
                HttpOperationFailedException.class);
        if (failure == null) {
            Throwable t = exchange.getException();
            failure = t instanceof HttpOperationFailedException h ? h : null;
        }
        if (failure == null || failure.getResponseHeaders() == null) {
            return null;
        }
        String value = failure.getResponseHeaders().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Retry-After")).map(e -> e.getValue())
                .findFirst().orElse(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim()) * 1000;
        } catch (NumberFormatException e) {
            try {
                return Math.max(0, Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)).toMillis());
            } catch (RuntimeException ignored) {
                return null;
            }
        }
    }
}
