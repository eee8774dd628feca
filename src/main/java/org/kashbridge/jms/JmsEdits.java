package org.kashbridge.jms;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.apache.camel.Exchange;
import org.kashbridge.config.KashConfig;
import org.kashbridge.core.EditEnvelope;
import org.kashbridge.core.EditIdentity;
import org.kashbridge.core.EditSource;
import org.kashbridge.json.JsonEditReader;
import org.kashbridge.validate.EditInput;
import org.kashbridge.validate.FieldError;

/**
 * JMS side of ingest (routes/jms-ingest.camel.yaml): turns a message into an edit for the pipeline.
 * A message that is not JSON still becomes an edit, one that validation rejects, so it is dead-lettered
 * at once and never blocks the queue.
 */
@ApplicationScoped
@Named("jmsEdits")
@Unremovable
public class JmsEdits {

    @Inject
    KashConfig kash;

    public EditEnvelope read(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        byte[] bytes = body instanceof byte[] b ? b : null;
        String text = bytes == null ? exchange.getMessage().getBody(String.class) : null;
        long max = kash.jms().maxMessage().asLongValue();
        // a char is at most 3 UTF-8 bytes: the usual message is not measured at all
        long size = bytes != null ? bytes.length
                : text == null || (long) text.length() * 3 <= max ? 0 : utf8Length(text);
        EditInput input;
        if (size > max) {
            input = new EditInput().error(new FieldError(null, null, "the message is " + size + " bytes; at most " + max
                    + " (KASH_JMS_MAX_MESSAGE): it was not read"));
        } else if (bytes != null) {
            // a BytesMessage (STOMP with content-length, AMQP data sections) is decoded strictly, never with U+FFFD
            input = JsonEditReader.read(bytes);
        } else {
            input = JsonEditReader.read(text);
        }
        if (text == null && bytes != null) {
            text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8); // kept as received, for the dead letter
        }
        String messageId = exchange.getMessage().getHeader("JMSMessageID", String.class);
        String property = exchange.getMessage().getHeader(JmsHeaders.EDIT_ID, String.class);
        EditIdentity.Key key = EditIdentity.jms(property, JsonEditReader.editId(input), messageId);
        // how reports and answers name it: the sender's editId, else its correlation id (an async REST call's
        // tracking id), else the message id. STOMP and AMQP senders may leave no JMSMessageID: then the content
        // names the edit in the ledger once it is valid.
        String correlation = exchange.getMessage().getHeader("JMSCorrelationID", String.class);
        String editKey = key != null && key.named() ? EditIdentity.givenName(key.value())
                : correlation != null && !correlation.isBlank() ? correlation
                        : messageId != null ? messageId : "message without id";
        return new EditEnvelope(editKey, new EditSource("jms", kash.jms().queue(), "message " + messageId), input)
                .withOriginal(text)
                .withIdentity(key);
    }

    /** UTF-8 length of a text, without encoding it (most messages are ASCII: one pass over the chars). */
    static long utf8Length(String text) {
        if (text == null) {
            return 0;
        }
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /**
     * Whether the outcome may go to the message's JMSReplyTo. The bridge sends it with its own account, so a
     * reply-to naming the ingest queue or the dead-letter queue would let a sender publish there through the
     * bridge (a fake edit, a fake dead letter): such an outcome goes to the results queue instead.
     */
    public boolean replyAllowed(Exchange exchange) {
        Object to = exchange.getProperty("kashReplyTo");
        if (to == null) {
            return false;
        }
        String name;
        try {
            name = to instanceof jakarta.jms.Queue q ? q.getQueueName()
                    : to instanceof jakarta.jms.Topic t ? t.getTopicName() : String.valueOf(to);
        } catch (jakarta.jms.JMSException e) {
            return false;
        }
        return name != null && !name.equals(kash.jms().queue()) && !name.equals(kash.jms().dlq());
    }
}
