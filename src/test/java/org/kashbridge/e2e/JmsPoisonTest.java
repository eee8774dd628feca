package org.kashbridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import org.junit.jupiter.api.Test;
import org.kashbridge.support.Jms;

/** A message that is not JSON goes to the DLQ at once, as received, and the next message is still processed. */
@QuarkusTest
class JmsPoisonTest {

    @Inject
    ConnectionFactory cf;

    @Test
    void poisonIsDeadLetteredAndDoesNotBlockTheQueue() throws Exception {
        try (JMSContext ctx = cf.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            var poison = ctx.createTextMessage("this is {not json");
            poison.setStringProperty("editId", "poison-1");
            ctx.createProducer().send(ctx.createQueue("kash.order-edits"), poison);
            var good = ctx.createTextMessage("{\"orderID\":23001,\"payment\":-2}");
            good.setJMSCorrelationID("corr-23001");
            ctx.createProducer().send(ctx.createQueue("kash.order-edits"), good);
        }
        Message dead = Jms.receive(cf, "kash.order-edits.DLQ", "KashEditKey = 'poison-1'");
        assertNotNull(dead, "poison message not dead-lettered");
        assertEquals("this is {not json", dead.getBody(String.class));
        assertEquals("REJECTED", dead.getStringProperty("KashStatus"));
        assertTrue(dead.getStringProperty("KashFailureReason").startsWith("the message is not valid JSON: "),
                dead.getStringProperty("KashFailureReason"));
        assertNotNull(dead.getStringProperty("KashFailedAt"));

        Message result = Jms.receive(cf, "kash.order-edits.results", "JMSCorrelationID = 'corr-23001'");
        assertNotNull(result, "the message after the poison was not processed");
    }
}
