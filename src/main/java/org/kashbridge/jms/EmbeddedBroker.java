package org.kashbridge.jms;

import java.nio.file.Path;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The default broker: ActiveMQ Artemis in-process, persistent journal under the data dir, one acceptor
 * speaking CORE, AMQP 1.0, STOMP and OpenWire. Off (KASH_BROKER_EMBEDDED=false) when an external broker
 * is used. The broker itself retries a delivery that was rolled back, then moves it to the DLQ.
 */
@ApplicationScoped
public class EmbeddedBroker {

    private static final Logger LOG = Logger.getLogger(EmbeddedBroker.class);

    @ConfigProperty(name = "kash.broker.embedded")
    boolean enabled;
    @ConfigProperty(name = "kash.broker.acceptor")
    String acceptor;
    @ConfigProperty(name = "kash.broker.data-dir")
    String dataDir;
    @ConfigProperty(name = "kash.jms.queue")
    String queue;
    @ConfigProperty(name = "kash.jms.dlq")
    String dlq;
    @ConfigProperty(name = "kash.jms.results-queue")
    String results;
    @ConfigProperty(name = "kash.broker.max-delivery-attempts")
    int maxDeliveryAttempts;

    private EmbeddedActiveMQ broker;

    void start(@Observes @Priority(1) StartupEvent event) throws Exception {
        if (!enabled) {
            return;
        }
        Path dir = Path.of(dataDir).toAbsolutePath();
        Configuration config = new ConfigurationImpl()
                .setName("kash-bridge")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setLargeMessagesDirectory(dir.resolve("large-messages").toString())
                .addAcceptorConfiguration("kash", acceptor);
        config.addAddressSetting("#", new AddressSettings().setMaxDeliveryAttempts(maxDeliveryAttempts)
                .setRedeliveryDelay(1000).setDeadLetterAddress(org.apache.activemq.artemis.api.core.SimpleString.of(dlq))
                .setAutoCreateQueues(true).setAutoCreateAddresses(true));
        for (String q : new String[] {queue, dlq, results}) {
            config.addQueueConfiguration(QueueConfiguration.of(q).setAddress(q).setRoutingType(RoutingType.ANYCAST)
                    .setDurable(true));
        }
        broker = new EmbeddedActiveMQ().setConfiguration(config);
        broker.start();
        LOG.infof("embedded Artemis broker listening on %s (journal %s)", acceptor.replaceAll("\\?.*", ""), dir);
    }

    void stop(@Observes ShutdownEvent event) throws Exception {
        if (broker != null) {
            broker.stop();
            broker = null;
        }
    }

    /** For fault tests: stop and start the broker with its journal. */
    public void restart() throws Exception {
        if (broker != null) {
            broker.stop();
            broker.start();
        }
    }
}
