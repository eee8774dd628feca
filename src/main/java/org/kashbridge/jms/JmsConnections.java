package org.kashbridge.jms;

import io.quarkus.arc.ClientProxy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.jms.ConnectionFactory;
import org.apache.camel.quarkus.main.events.AfterStop;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;

/**
 * The pooled connection (quarkus-pooled-jms) is closed once Camel has stopped, before the embedded broker
 * stops (Priority 10): left to Quarkus's own shutdown, which comes after the broker's, it would be closed
 * against a broker already gone.
 */
@ApplicationScoped
public class JmsConnections {

    void closeAfterCamel(@Observes @Priority(1) AfterStop event, ConnectionFactory factory) {
        // the bean arrives as its client proxy: the pool is the instance behind it
        if (ClientProxy.unwrap(factory) instanceof JmsPoolConnectionFactory pool) {
            pool.clear();
        }
    }
}
