package org.kashbridge.pipeline;

import java.time.Duration;
import java.util.stream.Collectors;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.apache.camel.Exchange;
import org.jboss.logging.Logger;
import org.kashbridge.encode.EditOrderEncoder;
import org.kashbridge.validate.EditValidator;

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
    private static final String CALL_STARTED = "kashCallStarted";

    @Inject
    KashTarget target;
    @Inject
    EditMetrics metrics;
    @Inject
    OutcomeRecords records;

    /** Body: an {@link EditEnvelope}. Validates it; an invalid edit is completed as REJECTED here. */
    public void validate(Exchange exchange) {
        EditEnvelope envelope = exchange.getMessage().getBody(EditEnvelope.class);
        exchange.setProperty(EditEnvelope.PROPERTY, envelope);
        metrics.received();
        EditValidator.Result result = EditValidator.validate(envelope.getInput());
        envelope.validated(result.edit(), result.errors());
        if (!result.valid()) {
            envelope.complete(EditOutcome.rejected(result.errors().stream().map(Object::toString)
                    .collect(Collectors.joining("; "))));
        }
    }

    /** Returns the form body for Kash. Called after all inbound headers were removed. */
    public String encode(Exchange exchange) {
        EditEnvelope envelope = envelope(exchange);
        envelope.attempted();
        exchange.setProperty(CALL_STARTED, System.nanoTime());
        return EditOrderEncoder.encode(envelope.getEdit(), target.shopId(), target.apiKey());
    }

    /** Reads Kash's reply (status and text body) into the outcome. */
    public void readReply(Exchange exchange) {
        recordLatency(exchange);
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String body = SecretMask.apply(exchange.getMessage().getBody(String.class), target.apiKey());
        envelope(exchange).complete(KashReplyReader.read(status, body));
    }

    /** The call threw (connection refused, timeout...): a technical failure naming the cause. */
    public void technicalFailure(Exchange exchange) {
        recordLatency(exchange);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String what = cause == null ? "unknown error"
                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        envelope(exchange).complete(EditOutcome.failed(SecretMask.apply("could not complete the call to "
                + target.baseUrl() + "/workers/editOrder.php: " + what, target.apiKey()), null, null));
    }

    /** Body becomes the JSON outcome record; CamelFileName gets a unique, readable name for file endpoints. */
    public String outcomeRecord(Exchange exchange) {
        EditEnvelope envelope = envelope(exchange);
        EditOutcome outcome = envelope.getOutcome();
        metrics.completed(outcome.status());
        if (outcome.ok()) {
            LOG.infof("%s edit %s: OK, orderID %s", envelope.getSource(), envelope.getEditKey(), outcome.orderID());
        } else {
            LOG.warnf("%s edit %s: %s: %s", envelope.getSource(), envelope.getEditKey(), outcome.status(),
                    outcome.message());
        }
        exchange.getMessage().setHeader(Exchange.FILE_NAME, records.fileName(envelope));
        exchange.getMessage().setHeader("KashEditStatus", outcome.status().name());
        return records.json(envelope, target.shopId(), target.apiKey());
    }

    /** The JSON answer for a REST caller or a JMS requester. */
    public String reply(Exchange exchange) {
        EditEnvelope envelope = envelope(exchange);
        exchange.getMessage().setHeader("KashEditStatus", envelope.getOutcome().status().name());
        return records.replyJson(envelope);
    }

    private void recordLatency(Exchange exchange) {
        Long started = exchange.getProperty(CALL_STARTED, Long.class);
        if (started != null) {
            metrics.call(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static EditEnvelope envelope(Exchange exchange) {
        return exchange.getProperty(EditEnvelope.PROPERTY, EditEnvelope.class);
    }
}
