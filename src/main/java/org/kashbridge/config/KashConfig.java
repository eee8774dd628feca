package org.kashbridge.config;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Every kash.* setting, typed and checked when the bridge starts: a value that does not convert, a missing one
 * or a kash.* key that is no setting (a typo in config/application.properties) stops the start, naming the key
 * and its variable (SettingValueCheck). Each setting answers to the one variable named after it (SettingNames).
 * Defaults: src/main/resources/application.properties; every setting is in docs/configuration.md.
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

    /** The editOrder call's connect timeout. */
    int connectTimeoutMs();

    /** How long the editOrder call waits for Kash's reply. */
    int readTimeoutMs();

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

    /** Camel endpoint URIs, comma-separated, receiving the record of each accepted edit. */
    Optional<String> successEndpoints();

    /** The same for refused and failed edits. */
    Optional<String> failureEndpoints();

    /** Who may call /api. */
    Bridge bridge();

    /** Where the HTTP port listens. */
    Http http();

    Api api();

    Rest rest();

    Jms jms();

    Broker broker();

    Mail mail();

    Alerts alerts();

    /** A folder setting (kash.x.dir). */
    interface Dir {
        String dir();
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

            Optional<String> user();

            Optional<String> password();

            /** Connections in one bridge's pool (quarkus.datasource.ledger-postgresql.jdbc.max-size). */
            int pool();
        }
    }

    interface Inbox {
        String dir();

        /** Regular expression on file names. */
        String include();

        long batchBytes();

        /** A file is read once unchanged for this long. */
        long stableMs();

        @WithDefault("50")
        long stableCheckMs();

        long pollMs();

        long readLockTimeoutMs();

        /** The longest record (a line, or a row with quoted line breaks), in characters: longer refuses the file. */
        int maxRecord();

        /** Passes of a file that fail before anything is sent (it changed while read, an I/O error) before it goes to failed/. */
        int maxTries();
    }

    /** Credentials for /api (kash.bridge.*, not kash.api.key: KASH_API_KEY is the Kash secret). */
    interface Bridge {
        Optional<String> apiKey();

        Optional<String> user();

        Optional<String> password();
    }

    interface Http {
        /**
         * The address quarkus.http.host binds: 127.0.0.1 by default; beyond loopback (0.0.0.0 in a container),
         * /q/metrics and /q/openapi need the /api credentials too and the simulator still answers loopback only.
         */
        String host();

        /** A connection that sends nothing for this long is closed (quarkus.http.idle-timeout): no slow client
         * holds one forever. */
        Duration idleTimeout();

        /** Connections open at once at most (quarkus.http.limits.max-connections). */
        int maxConnections();
    }

    interface Api {
        /** Larger request bodies get 413 (quarkus.http.limits.max-body-size, a size such as 256K). */
        MemorySize maxBody();

        /** Edits in one request's JSON array at most; more are refused with 400, none of them sent. */
        int maxBatch();
    }

    interface Rest {
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

        /** A message body larger than this (in UTF-8 bytes) is REJECTED and dead-lettered unread. */
        MemorySize maxMessage();
    }

    interface Broker {
        boolean embedded();

        String host();

        int port();

        String acceptor();

        String dataDir();

        int maxDeliveryAttempts();

        /**
         * How long the embedded broker's journal gathers writes before one sync covers them all, in microseconds
         * (Artemis's journal-buffer-timeout). Every transacted receive and persistent send waits for that sync.
         */
        @WithDefault("100")
        int journalFlushUs();

        /** The broker the bridge connects to (quarkus.artemis.url). */
        String url();

        /** The bridge's own account (all rights); generated at each start for the embedded broker when unset. */
        Optional<String> user();

        Optional<String> password();

        /**
         * The account of the ERPs and shops on the embedded broker: they may send to the ingest queue and read the
         * results queue and their own reply queues, nothing else. The password is generated into
         * {@code <data-dir>/client-password} on the first start when unset.
         */
        @WithDefault("kash-client")
        String clientUser();

        Optional<String> clientPassword();
    }

    interface Mail {
        boolean enabled();

        String endpoint();

        String from();

        String to();

        /** SMTP credentials and timeout (camel.component.smtp(s).*). */
        Optional<String> username();

        Optional<String> password();

        int timeoutMs();
    }

    interface Alerts {
        String unsentDir();
    }
}
