package org.kashbridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;
import org.kashbridge.simulator.KashSimulator;
import org.kashbridge.support.Inbox;
import org.kashbridge.support.Jms;

/** JSON edits from the ingest queue go through the pipeline; the outcome answers JMSReplyTo or the results queue. */
@QuarkusTest
class JmsIngestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ConnectionFactory cf;
    @Inject
    KashSimulator simulator;

    @Test
    void replyToGetsTheOutcomeWithTheSendersCorrelationId() throws Exception {
        try (JMSContext ctx = cf.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            Queue replies = ctx.createQueue("test.replies");
            TextMessage m = ctx.createTextMessage("{\"orderID\":22001,\"payment\":-2,\"items\":[{\"type\":\"free\","
                    + "\"price\":3,\"title\":\"Delivery\"}]}");
            m.setJMSReplyTo(replies);
            m.setJMSCorrelationID("corr-22001");
            ctx.createProducer().send(ctx.createQueue("kash.order-edits"), m);
            Message reply = ctx.createConsumer(replies, "JMSCorrelationID = 'corr-22001'").receive(20_000);
            assertNotNull(reply, "no reply on JMSReplyTo");
            JsonNode outcome = JSON.readTree(reply.getBody(String.class));
            assertEquals("OK", outcome.get("status").asText());
            assertEquals(22001, outcome.get("orderID").asInt());
        }
        assertEquals(1, simulator.received().stream().filter(r -> r.body().equals("shopID=test-shop&key=" + Inbox.KEY
                + "&orderID=22001&payment=-2&itemsList%5B%5D=Free_3_Delivery")).count());
    }

    @Test
    void withoutReplyToTheOutcomeGoesToTheResultsQueue() throws Exception {
        try (JMSContext ctx = cf.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            TextMessage m = ctx.createTextMessage("{\"orderID\":22002,\"payment\":-1}");
            m.setJMSCorrelationID("corr-22002");
            m.setStringProperty("editId", "erp-22002");
            ctx.createProducer().send(ctx.createQueue("kash.order-edits"), m);
        }
        Message result = Jms.receive(cf, "kash.order-edits.results", "JMSCorrelationID = 'corr-22002'");
        assertNotNull(result);
        JsonNode outcome = JSON.readTree(result.getBody(String.class));
        assertEquals("OK", outcome.get("status").asText());
        assertEquals("erp-22002", outcome.get("editKey").asText());
        // for selectors: the outcome's status and edit key as message properties
        assertEquals("OK", result.getStringProperty("KashEditStatus"));
        assertEquals("erp-22002", result.getStringProperty("KashEditKey"));
    }
}
