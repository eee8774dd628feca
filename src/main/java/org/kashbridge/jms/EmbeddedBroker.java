package org.kashbridge.jms;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.camel.quarkus.main.events.AfterStop;
import org.apache.camel.quarkus.main.events.BeforeConfigure;
import org.jboss.logging.Logger;
import org.kashbridge.config.KashConfig;

/**
 * The default broker: ActiveMQ Artemis in-process, persistent journal under the data dir, one acceptor
 * speaking CORE, AMQP 1.0, STOMP and OpenWire, no anonymous client (BrokerAccounts). Off (KASH_BROKER_EMBEDDED=false) when an external broker
 * is used. The broker itself retries a delivery that was rolled back, then moves it to the DLQ.
 * <p>
 * The broker starts on its own thread as soon as Camel begins to configure, so that its half second of
 * start-up overlaps Camel's route loading instead of following it; the start-up event waits for it, so the
 * application is still only ready (and fails to start) with the broker. It stops after Camel has stopped,
 * so the JMS consumer finishes its message and commits before the broker goes away.
 */
@ApplicationScoped
public class EmbeddedBroker {

    private static final Logger LOG = Logger.getLogger(EmbeddedBroker.class);
    static final String IN_VM = "vm://0";

    @Inject
    KashConfig kash;
    /** Set as soon as the broker exists (before it is started), so that every way out stops it. */
    private volatile EmbeddedActiveMQ broker;
    private volatile CompletableFuture<Void> starting;

    void begin(@Observes BeforeConfigure event) {
        if (!kash.broker().embedded() && !kash.check() && kash.broker().url().startsWith("vm:")) {
            throw new IllegalStateException("KASH_BROKER_EMBEDDED=false, but KASH_BROKER_URL (kash.broker.url) is "
                    + kash.broker().url() + ", the embedded broker inside this process: set it to your broker, "
                    + "tcp://host:61616");
        }
        if (kash.broker().embedded()) {
            starting = CompletableFuture.runAsync(this::startBroker,
                    task -> new Thread(task, "kash-broker-start").start());
        }
    }

    void start(@Observes @Priority(1) StartupEvent event) throws Exception {
        if (!kash.broker().embedded()) {
            return;
        }
        if (starting == null) {
            begin(null);
        }
        try {
            starting.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        LOG.infof("embedded Artemis broker listening on %s (journal %s); clients connect as %s with %s",
                kash.broker().acceptor().replaceAll("\\?.*", ""),
                Path.of(kash.broker().dataDir()).toAbsolutePath(), kash.broker().clientUser(),
                kash.broker().clientPassword().isPresent() ? "KASH_BROKER_CLIENT_PASSWORD"
                        : "the password in " + BrokerAccounts.clientPasswordFile(kash));
    }

    private void startBroker() {
        int flushUs = kash.broker().journalFlushUs();
        if (flushUs < 0 || flushUs > 1_000_000) {
            throw new IllegalStateException("KASH_BROKER_JOURNAL_FLUSH_US (kash.broker.journal-flush-us) must be "
                    + "between 0 and 1000000 microseconds, got " + flushUs);
        }
        Path dir = Path.of(kash.broker().dataDir()).toAbsolutePath();
        Configuration config = new ConfigurationImpl()
                .setName("kash-bridge")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(true)
                // JMSXUserID names the account that sent each message
                .setPopulateValidatedUser(true)
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setLargeMessagesDirectory(dir.resolve("large-messages").toString())
                // Artemis's 3.3 ms default for a journal without libaio was made for spinning disks: each consumed
                // edit (its commit, its outcome) waited for it; the same bound for the libaio journal
                .setJournalBufferTimeout_NIO(flushUs * 1000)
                .setJournalBufferTimeout_AIO(flushUs * 1000);
        try {
            config.addAcceptorConfiguration("kash", kash.broker().acceptor());
            // the bridge's own connection (kash.broker.url vm://0): no socket, no Netty pipeline on either side;
            // reachable from this process only, and it logs in like any client
            config.addAcceptorConfiguration("in-vm", IN_VM);
            config.addAddressSetting("#", new AddressSettings()
                    .setMaxDeliveryAttempts(kash.broker().maxDeliveryAttempts())
                    .setRedeliveryDelay(1000)
                    .setDeadLetterAddress(org.apache.activemq.artemis.api.core.SimpleString.of(kash.jms().dlq()))
                    .setAutoCreateQueues(true).setAutoCreateAddresses(true));
            for (String q : new String[] {kash.jms().queue(), kash.jms().dlq(), kash.jms().resultsQueue()}) {
                config.addQueueConfiguration(QueueConfiguration.of(q).setAddress(q)
                        .setRoutingType(RoutingType.ANYCAST).setDurable(true));
            }
            BrokerAccounts.roles(kash).forEach(config::putSecurityRoles);
            broker = new EmbeddedActiveMQ().setConfiguration(config).setSecurityManager(BrokerAccounts.users(kash));
            broker.start();
        } catch (Exception e) {
            throw new IllegalStateException("embedded Artemis broker on "
                    + kash.broker().acceptor().replaceAll("\\?.*", "")
                    + " did not start: " + e.getMessage(), e);
        }
    }

    /** Connections the broker has accepted since it started, from any client (0 when it is not running). */
    public long connectionsAccepted() {
        EmbeddedActiveMQ b = broker;
        return b == null || b.getActiveMQServer() == null ? 0 : b.getActiveMQServer().getTotalConnectionCount();
    }

    /** Consumers attached to a queue of this broker (0 when it is not running or has no such queue). */
    public int consumersOf(String queue) {
        EmbeddedActiveMQ b = broker;
        if (b == null || b.getActiveMQServer() == null) {
            return 0;
        }
        var q = b.getActiveMQServer().locateQueue(queue);
        return q == null ? 0 : q.getConsumerCount();
    }

    /** After Camel has stopped (its JMS consumers first, then the pooled connection, Priority 1). */
    void stop(@Observes @Priority(10) AfterStop event) {
        stopBroker();
    }

    /**
     * The way out when Camel never started (a broken route file: no AfterStop) or stopped without waiting
     * for the broker; the container destroys this bean last. Waits for a stop already under way.
     */
    @PreDestroy
    void destroy() {
        stopBroker();
    }

    private synchronized void stopBroker() {
        CompletableFuture<Void> s = starting;
        if (s != null) {
            try {
                s.get(); // a start still under way finishes first
            } catch (ExecutionException e) {
                // it failed: whatever it started is stopped below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        EmbeddedActiveMQ b = broker;
        broker = null;
        if (b != null) {
            try {
                b.stop();
            } catch (Exception e) {
                LOG.warnf("embedded Artemis broker did not stop cleanly: %s", e.getMessage());
            }
        }
    }
}
