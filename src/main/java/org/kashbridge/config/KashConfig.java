package org.kashbridge.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Every kash.* setting, typed and checked when the bridge starts: a value that does not convert, a missing one
 * or a kash.* key that is no setting (a typo in config/application.properties) stops the start naming the key.
 * Defaults and environment variables: src/main/resources/application.properties and docs/configuration.md.
 * The routes read the same keys as {{kash.x}} placeholders.
 */
@ConfigMapping(prefix = "kash")
public interface KashConfig {

    /** true, false or auto (KashTarget decides). */
    @WithDefault("auto")
    String simulator();

    Optional<String> baseUrl();

    Optional<String> shopId();

    Optional<String> apiKey();

    /** The folder routes/ and config/layouts/ are read from. */
    String home();

    String dataDir();

    /** bin/kash-bridge check: validate, start nothing. */
    @WithDefault("false")
    boolean check();

    /** editOrder calls in flight at once, all sources together. */
    int concurrency();

    /** editOrder calls per second at most, every attempt counted. */
    int rateLimit();

    Http http();

    Retry retry();

    Ledger ledger();

    Dir review();

    Inbox inbox();

    Dir done();

    Dir failed();

    Dir archive();

    @WithName("dry-run")
    Dir dryRun();

    Dir work();

    Dir layouts();

    Outcome outcome();

    Rest rest();

    Jms jms();

    Broker broker();

    Mail mail();

    Alerts alerts();

    /** A folder setting (kash.x.dir). */
    interface Dir {
        String dir();
    }

    interface Http {
        /** ms */
        int connectTimeout();

        /** ms */
        int readTimeout();
    }

    interface Retry {
        int maxAttempts();

        Duration initialDelay();

        Duration maxDelay();

        Duration maxTotal();

        /** +/- this share of each wait. */
        @WithDefault("0.2")
        double jitter();
    }

    interface Ledger {
        /** embedded or postgresql (LedgerProducer names both when it is neither). */
        String type();

        String dir();

        Jdbc jdbc();

        Duration retention();

        /** The retention route's timer period, as Camel reads it (1h, 30m; a bare number is milliseconds). */
        String purgeEvery();

        @WithDefault("30s")
        Duration lease();

        @WithDefault("true")
        boolean contentDedupe();

        interface Jdbc {
            Optional<String> url();
        }
    }

    interface Inbox {
        String dir();

        /** Regular expression on file names. */
        String include();

        long batchBytes();

        /** ms */
        long stableFor();

        /** ms */
        @WithDefault("50")
        long stableCheck();

        /** ms */
        long pollDelay();

        /** ms */
        long readLockTimeout();
    }

    interface Outcome {
        /** Camel endpoint URIs, comma-separated. */
        Optional<String> successEndpoints();

        Optional<String> failureEndpoints();
    }

    interface Rest {
        Optional<String> apiKey();

        Optional<String> user();

        Optional<String> password();

        /** kash.rest.wait: how long a call waits for its turn before 409 / 503. */
        @WithName("wait")
        @WithDefault("20s")
        Duration turnWait();
    }

    interface Jms {
        String queue();

        String resultsQueue();

        String dlq();

        /** Camel's concurrentConsumers (a number). */
        int consumers();
    }

    interface Broker {
        boolean embedded();

        String host();

        int port();

        String acceptor();

        String dataDir();

        int maxDeliveryAttempts();
    }

    interface Mail {
        boolean enabled();

        String endpoint();

        String from();

        String to();
    }

    interface Alerts {
        String unsentDir();
    }
}
