package org.kashbridge.support;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;

/** Test-side JMS helpers over the application's Artemis connection factory (CORE over TCP). */
public final class Jms {

    private Jms() {
    }

    /** Waits up to 20 s for a message matching the selector; blocking receive, not a sleep. */
    public static Message receive(ConnectionFactory cf, String queue, String selector) {
        return receive(cf, queue, selector, 20_000);
    }

    /** A blocking receive of at most {@code millis}; null when nothing matching came. */
    public static Message receive(ConnectionFactory cf, String queue, String selector, long millis) {
        try (JMSContext ctx = cf.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            return ctx.createConsumer(ctx.createQueue(queue), selector).receive(millis);
        }
    }
}
