package org.kashbridge.alert;

import java.time.Instant;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.apache.camel.Exchange;
import org.kashbridge.core.EditEnvelope;
import org.kashbridge.core.EditIdentity;
import org.kashbridge.jms.JmsHeaders;
import org.kashbridge.outcome.OutcomeRecords;
import org.kashbridge.secret.Secrets;

/** A dead letter: the edit as received (JSON) plus headers saying why, from where, how many attempts, when. */
@ApplicationScoped
@Named("deadLetters")
@Unremovable
public class DeadLetters {

    /** The ledger key, so a replayed dead letter keeps its identity and cannot be applied twice. */
    public static final String DEAD_LETTER_KEY = "KashIdempotencyKey";
    public static final String DEAD_LETTERED_AT = "KashDeadLetteredAt";
    /** Set on the dead letter of an edit refused because its key names another edit: it is never replayed. */
    public static final String CONFLICT = "KashConflict";
    /** Set by Artemis on a message it moved to the dead-letter address after its last failed delivery. */
    static final String MOVED_FROM = "_AMQ_ORIG_ADDRESS";

    @Inject
    OutcomeRecords records;
    @Inject
    Secrets secrets;

    /**
     * The ledger key a dead letter is replayed under: the one the bridge wrote. A message the broker moved here
     * after failed deliveries (it names its original address) carries whatever properties its sender set, so it is
     * named as the ingest named it, from what its sender may set: the editId property, else the JSON editId,
     * else its JMS message id.
     */
    public static String replayKey(jakarta.jms.Message m, String body) throws jakarta.jms.JMSException {
        if (m.propertyExists(MOVED_FROM)) {
            EditIdentity.Key key = EditIdentity.jms(m.getStringProperty(JmsHeaders.EDIT_ID),
                    org.kashbridge.json.JsonEditReader.editId(org.kashbridge.json.JsonEditReader.read(body)),
                    m.getJMSMessageID());
            return key == null ? null : key.value();
        }
        return m.getStringProperty(DEAD_LETTER_KEY);
    }

    /** The dead letter of a conflict: flagged so, or, written before the flag, REJECTED with a conflict's reason. */
    public static boolean conflict(jakarta.jms.Message m) throws jakarta.jms.JMSException {
        return m.propertyExists(CONFLICT) || org.kashbridge.core.EditOutcome.conflictReason(
                m.getStringProperty("KashStatus"), m.getStringProperty("KashFailureReason"));
    }

    public String message(Exchange exchange) {
        EditEnvelope e = exchange.getProperty(EditEnvelope.PROPERTY, EditEnvelope.class);
        var m = exchange.getMessage();
        m.setHeader("KashEditKey", e.getEditKey());
        m.setHeader(DEAD_LETTER_KEY, e.getIdempotencyKey());
        m.setHeader("KashStatus", e.getOutcome().status().name());
        if (e.getOutcome().isConflict()) {
            m.setHeader(CONFLICT, true);
        }
        m.setHeader("KashFailureReason", secrets.mask(e.getOutcome().message()));
        m.setHeader("KashSource", e.getSource().toString());
        m.setHeader("KashAttempts", e.getAttempts());
        Instant now = Instant.now();
        m.setHeader("KashFailedAt", now.toString());
        // numeric, for the replay's selector: it takes only what was dead-lettered before it began
        m.setHeader(DEAD_LETTERED_AT, now.toEpochMilli());
        return secrets.mask(records.original(e));
    }
}
