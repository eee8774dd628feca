package org.kashbridge.pipeline;

import java.time.Duration;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.jboss.logging.Logger;
import org.kashbridge.core.EditEnvelope;
import org.kashbridge.core.EditOutcome;
import org.kashbridge.core.EditStatus;
import org.kashbridge.encode.EditOrderEncoder;
import org.kashbridge.kash.CallSlots;
import org.kashbridge.kash.KashReplyReader;
import org.kashbridge.kash.KashTarget;
import org.kashbridge.outcome.OutcomeRecords;
import org.kashbridge.secret.Secrets;

/**
 * The steps of the one pipeline every source feeds (routes/pipeline.camel.yaml): accept and validate,
 * encode, read Kash's reply or the technical failure, and build the outcome record. The edit travels in
 * the exchange property {@value EditEnvelope#PROPERTY}.
 */
@ApplicationScoped
@Named("editPipeline")
@Unremovable
public class EditPipeline {

    private static final Logger LOG = Logger.getLogger(EditPipeline.class);

    @Inject
    KashTarget target;
    @Inject
    EditMetrics metrics;
    @Inject
    OutcomeRecords records;
    @Inject
    Secrets secrets;

    /** Whether the edit passed validation (the routes send only those). */
    public static final String VALID = "kashValid";
    /** Whether repeating the edit is harmless (no payment, lines or new customer): a lost reply may be retried. */
    public static final String SAFE_TO_REPEAT = "kashSafeToRepeat";

    /** Body: an {@link EditEnvelope}. Validates it; an invalid edit is completed as REJECTED here. */
    public void validate(Exchange exchange) {
        EditEnvelope envelope = exchange.getMessage().getBody(EditEnvelope.class);
        exchange.setProperty(EditEnvelope.PROPERTY, envelope);
        metrics.received();
        boolean valid = envelope.validate();
        exchange.setProperty(VALID, valid);
        exchange.setProperty(SAFE_TO_REPEAT, valid && envelope.getEdit().safeToRepeat());
    }

    /** Returns the form body for Kash. Called after all inbound headers were removed. */
    public String encode(Exchange exchange) {
        return EditOrderEncoder.encode(envelope(exchange).getEdit(), target.shopId(), target.apiKey());
    }

    /** Reads Kash's reply (status and text body) into the outcome. */
    public void readReply(Exchange exchange) {
        recordLatency(exchange);
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String body = exchange.getMessage().getBody(String.class);
        EditEnvelope envelope = envelope(exchange);
        // read as Kash wrote it, then masked: masking first could break the JSON (a secret inside a number)
        EditOutcome outcome = masked(KashReplyReader.read(status, body));
        if (outcome.status() == EditStatus.FAILED && !envelope.getEdit().safeToRepeat()) {
            // Kash answered 2xx but not in its format: it may well have applied the edit. Sending it again
            // could record a payment twice, so it goes to review instead of being marked re-sendable.
            outcome = EditOutcome.ambiguous(outcome.message() + " (" + secrets.mask(KashReplyReader.excerpt(body))
                    + "): the edit may have been applied to order " + envelope.getEdit().orderID()
                    + "; check the order in Kash, then resolve the review");
        }
        envelope.complete(afterLostReply(envelope, outcome));
    }

    /** Every text of an outcome read from Kash, with the secrets masked (a reply may echo the key). */
    private EditOutcome masked(EditOutcome o) {
        return new EditOutcome(o.status(), o.orderID(), secrets.mask(o.invoice()), secrets.mask(o.quote()),
                secrets.mask(o.paymentLink()), secrets.mask(o.message()), o.httpStatus(),
                secrets.mask(o.replyExcerpt()));
    }

    /**
     * The call failed for good (retries exhausted, or a permanent HTTP error): FAILED, naming the cause, or
     * AMBIGUOUS when an earlier attempt lost its reply.
     */
    public void technicalFailure(Exchange exchange) {
        recordLatency(exchange);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        EditEnvelope envelope = envelope(exchange);
        if (cause instanceof HttpOperationFailedException http) {
            envelope.complete(afterLostReply(envelope, EditOutcome.failed("Kash answered HTTP " + http.getStatusCode(),
                    http.getStatusCode(), KashReplyReader.excerpt(secrets.mask(
                            http.getResponseBody() == null ? "" : http.getResponseBody())))));
            return;
        }
        EditOutcome failed = EditOutcome.failed(secrets.mask("could not complete the call to " + target.baseUrl()
                + "/workers/editOrder.php: " + describe(cause)), null, null);
        envelope.complete(afterLostReply(envelope, failed));
    }

    /**
     * A refusal or a failure of an edit one of whose attempts got no reply: that attempt may have been applied (and,
     * say, validated the order, which is why a repeat is refused), so it is not "fix the data" nor "send it again"
     * but for review.
     */
    private static EditOutcome afterLostReply(EditEnvelope envelope, EditOutcome outcome) {
        if (!envelope.anAttemptMayHaveApplied() || outcome.settled() || outcome.status() == EditStatus.AMBIGUOUS) {
            return outcome;
        }
        return EditOutcome.ambiguous("an earlier attempt got no reply and may have been applied to order "
                + envelope.getEdit().orderID() + "; the last one ended: " + outcome.message() + ". Check the order "
                + "in Kash, then resolve the review");
    }

    /** The request may have reached Kash but no reply came back: AMBIGUOUS, never re-sent automatically. */
    public void ambiguous(Exchange exchange) {
        recordLatency(exchange);
        EditEnvelope envelope = envelope(exchange);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        envelope.complete(EditOutcome.ambiguous(secrets.mask("no reply from Kash after sending ("
                + describe(cause) + "): the edit may or may not have been applied to order "
                + envelope.getEdit().orderID() + "; check the order in Kash, then resolve the review")));
    }

    private static String describe(Throwable cause) {
        return cause == null ? "unknown error"
                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /** Body becomes the JSON outcome record; CamelFileName gets a unique, readable name for file endpoints. */
    public String outcomeRecord(Exchange exchange) {
        EditEnvelope envelope = envelope(exchange);
        EditOutcome outcome = envelope.getOutcome();
        metrics.completed(outcome.status());
        if (outcome.settled()) {
            LOG.infof("%s edit %s: %s, orderID %s", envelope.getSource(), envelope.getEditKey(), outcome.status(),
                    outcome.orderID());
        } else {
            LOG.warnf("%s edit %s: %s: %s", envelope.getSource(), envelope.getEditKey(), outcome.status(),
                    outcome.message());
        }
        exchange.getMessage().setHeader(Exchange.FILE_NAME, records.fileName(envelope));
        exchange.getMessage().setHeader("KashEditStatus", outcome.status().name());
        return records.json(envelope, target.shopId(), target.apiKey());
    }

    /** The review record's name: one file per ledger key (OutcomeRecords.reviewFileName). */
    public String reviewFileName(Exchange exchange) {
        return OutcomeRecords.reviewFileName(envelope(exchange).getIdempotencyKey());
    }

    /** The JSON answer for a REST caller or a JMS requester. */
    public String reply(Exchange exchange) {
        EditEnvelope envelope = envelope(exchange);
        exchange.getMessage().setHeader("KashEditStatus", envelope.getOutcome().status().name());
        exchange.getMessage().setHeader("KashEditKey", envelope.getEditKey());
        return records.replyJson(envelope);
    }

    private void recordLatency(Exchange exchange) {
        Long started = exchange.getProperty(CallSlots.STARTED, Long.class);
        if (started != null) {
            metrics.call(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static EditEnvelope envelope(Exchange exchange) {
        return exchange.getProperty(EditEnvelope.PROPERTY, EditEnvelope.class);
    }
}
