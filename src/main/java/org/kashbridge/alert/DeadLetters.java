package org.kashbridge.alert;

import java.time.Instant;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.apache.camel.Exchange;
import org.kashbridge.core.EditEnvelope;
import org.kashbridge.kash.KashTarget;
import org.kashbridge.outcome.OutcomeRecords;
import org.kashbridge.secret.SecretMask;

/** A dead letter: the edit as received (JSON) plus headers saying why, from where, how many attempts, when. */
@ApplicationScoped
@Named("deadLetters")
@Unremovable
public class DeadLetters {

    /** The ledger key, so a replayed dead letter keeps its identity and cannot be applied twice. */
    public static final String DEAD_LETTER_KEY = "KashIdempotencyKey";
    public static final String DEAD_LETTERED_AT = "KashDeadLetteredAt";

    @Inject
    OutcomeRecords records;
    @Inject
    KashTarget target;

    public String message(Exchange exchange) {
        EditEnvelope e = exchange.getProperty(EditEnvelope.PROPERTY, EditEnvelope.class);
        var m = exchange.getMessage();
        m.setHeader("KashEditKey", e.getEditKey());
        m.setHeader(DEAD_LETTER_KEY, e.getIdempotencyKey());
        m.setHeader("KashStatus", e.getOutcome().status().name());
        m.setHeader("KashFailureReason", SecretMask.apply(e.getOutcome().message(), target.apiKey()));
        m.setHeader("KashSource", e.getSource().toString());
        m.setHeader("KashAttempts", e.getAttempts());
        Instant now = Instant.now();
        m.setHeader("KashFailedAt", now.toString());
        // numeric, for the replay's selector: it takes only what was dead-lettered before it began
        m.setHeader(DEAD_LETTERED_AT, now.toEpochMilli());
        return SecretMask.apply(records.original(e), target.apiKey());
    }
}
