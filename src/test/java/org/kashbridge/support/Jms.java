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

    /** Waits up to 20 s until the queue holds a message matching the selector, and returns it, left in place. */
    public static Message browse(ConnectionFactory cf, String queue, String selector) {
        java.util.concurrent.atomic.AtomicReference<Message> found = new java.util.concurrent.atomic.AtomicReference<>();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
            try (JMSContext ctx = cf.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                    jakarta.jms.QueueBrowser browser = ctx.createBrowser(ctx.createQueue(queue), selector)) {
                var all = browser.getEnumeration();
                if (all.hasMoreElements()) {
                    found.set((Message) all.nextElement());
                    return true;
                }
                return false;
            }
        });
        return found.get();
    }

    /** A blocking receive of at most {@code millis}; null when nothing matching came. */
    public static Message receive(ConnectionFactory cf, String queue, String selector, long millis) {
        try (JMSContext ctx = cf.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            return ctx.createConsumer(ctx.createQueue(queue), selector).receive(millis);
        }
    }
}
