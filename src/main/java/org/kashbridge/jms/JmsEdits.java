package org.kashbridge.jms;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.apache.camel.Exchange;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kashbridge.json.JsonEditReader;
import org.kashbridge.pipeline.EditEnvelope;
import org.kashbridge.pipeline.EditSource;
import org.kashbridge.validate.EditInput;

/**
 * JMS side of ingest (routes/jms-ingest.camel.yaml): turns a message into an edit for the pipeline.
 * A message that is not JSON still becomes an edit, one that validation rejects, so it is dead-lettered
 * at once and never blocks the queue.
 */
@ApplicationScoped
@Named("jmsEdits")
@Unremovable
public class JmsEdits {

    @ConfigProperty(name = "kash.jms.queue")
    String queue;

    public EditEnvelope read(Exchange exchange) {
        String text = exchange.getMessage().getBody(String.class);
        EditInput input = JsonEditReader.read(text);
        String messageId = exchange.getMessage().getHeader("JMSMessageID", String.class);
        String property = exchange.getMessage().getHeader(JmsHeaders.EDIT_ID, String.class);
        String json = JsonEditReader.editId(input);
        // STOMP and AMQP senders may leave no JMSMessageID: then the content itself names the edit.
        String key = property != null ? property : json != null ? json : messageId != null ? messageId
                : ContentKey.of(text);
        EditEnvelope envelope = new EditEnvelope(key, new EditSource("jms", queue, "message " + messageId), input)
                .withOriginal(text);
        String ledgerKey = exchange.getMessage().getHeader(org.kashbridge.alert.DeadLetters.DEAD_LETTER_KEY, String.class);
        if (ledgerKey != null) {
            return envelope.withIdempotencyKey(ledgerKey, true); // a replayed dead letter keeps its identity
        }
        // a redelivered message keeps its id: the ledger then answers DUPLICATE instead of sending it again
        return property != null || json != null ? envelope.withIdempotencyKey("editId:" + key, true)
                : messageId != null ? envelope.withIdempotencyKey("jms:" + messageId, true) : envelope;
    }
}
