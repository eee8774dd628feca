package org.kashbridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import org.junit.jupiter.api.Test;
import org.kashbridge.simulator.KashSimulator;
import org.kashbridge.support.Jms;
import org.kashbridge.support.Sent;

/**
 * An edit applied by Kash never ends as a dead letter because its reply could not be sent: when the JMSReplyTo
 * cannot take the outcome (here, as a STOMP sender's reply-to does, a multicast destination naming an anycast-only
 * queue), the outcome goes to the results queue with
 * KashUndeliverableReplyTo, the message is acknowledged, and it is neither redelivered nor dead-lettered.
 */
@QuarkusTest
class JmsReplyUndeliverableTest {

    @Inject
    ConnectionFactory cf;
    @Inject
    KashSimulator simulator;

    @Test
    void anUndeliverableReplyGoesToTheResultsQueueAndTheEditStaysApplied() throws Exception {
        try (JMSContext requester = cf.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            // an anycast queue, then a reply-to that names it as a topic: the broker refuses the reply
            requester.createConsumer(requester.createQueue("test.replies.anycast-only")).close();
            var m = requester.createTextMessage("{\"orderID\":38001,\"payment\":4,\"paymentAmount\":3.00}");
            m.setJMSReplyTo(requester.createTopic("test.replies.anycast-only"));
            m.setJMSCorrelationID("undeliverable-38001");
            requester.createProducer().send(requester.createQueue("kash.order-edits"), m);
        }
        Message outcome = Jms.receive(cf, "kash.order-edits.results", "JMSCorrelationID = 'undeliverable-38001'");
        assertNotNull(outcome, "the outcome was not kept");
        assertEquals("OK", new ObjectMapper().readTree(outcome.getBody(String.class)).get("status").asText());
        assertNotNull(outcome.getStringProperty("KashUndeliverableReplyTo"));
        assertEquals(1, Sent.count(simulator, "38001"));
        assertEquals(1, simulator.order(38001).payments.size());
        // not rolled back: nothing comes again, nothing is dead-lettered
        try (JMSContext ctx = cf.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            assertNull(ctx
                    .createConsumer(ctx.createQueue("kash.order-edits.DLQ"), "JMSCorrelationID = 'undeliverable-38001'")
                    .receive(1500));
        }
        assertNull(Jms.receive(cf, "kash.order-edits.results", "JMSCorrelationID = 'undeliverable-38001'", 1500));
        assertEquals(1, Sent.count(simulator, "38001"));
    }
}
