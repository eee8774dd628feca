package org.kashbridge.jms;

import io.quarkus.arc.Unremovable;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Named;
import jakarta.jms.ConnectionFactory;
import org.apache.camel.quarkus.main.events.AfterStop;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * Camel's JMS component opens a connection per transaction and per send unless its connection factory
 * caches them, which made JMS ingest crawl (bench/RESULTS.md). This caching factory wraps the
 * Artemis one (config: camel.component.jms.connection-factory=#kashJmsConnectionFactory).
 */
@ApplicationScoped
public class JmsConnections {

    // typed as the caching class only, so that injecting jakarta.jms.ConnectionFactory stays unambiguous
    @Produces
    @ApplicationScoped
    @Typed(CachingConnectionFactory.class)
    @Named("kashJmsConnectionFactory")
    @Unremovable
    CachingConnectionFactory cachingConnectionFactory(ConnectionFactory artemis) {
        CachingConnectionFactory caching = new CachingConnectionFactory(artemis);
        caching.setSessionCacheSize(32);
        caching.setReconnectOnException(true);
        return caching;
    }

    /** Once Camel has stopped, close the shared connection, before the embedded broker stops (Priority 10). */
    void closeAfterCamel(@Observes @Priority(1) AfterStop event, CachingConnectionFactory caching) {
        caching.resetConnection();
    }

    void close(@Disposes CachingConnectionFactory caching) {
        caching.destroy();
    }
}
