package org.kashbridge.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.apache.camel.Exchange;
import org.kashbridge.config.KashConfig;
import org.kashbridge.core.EditEnvelope;
import org.kashbridge.core.EditIdentity;
import org.kashbridge.core.EditSource;
import org.kashbridge.core.EditStatus;
import org.kashbridge.delivery.EditBusyException;
import org.kashbridge.delivery.IdempotencyGate;
import org.kashbridge.jms.JmsHeaders;
import org.kashbridge.json.JsonEditReader;
import org.kashbridge.ledger.LedgerUnavailableException;
import org.kashbridge.outcome.OutcomeRecords;
import org.kashbridge.pipeline.EditPipeline;

/**
 * The steps of routes/rest-ingest.camel.yaml: a request's JSON into keyed edits, and each outcome into the
 * answer the caller gets (status codes as in docs/api.md).
 */
@ApplicationScoped
@Named("restEdits")
@Unremovable
public class RestEdits {

    /** Header of the hand-over: the caller's Prefer header. */
    public static final String PREFER = "Prefer";
    /** Header of the hand-over: the caller's Idempotency-Key. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Property: the request asked for Prefer: respond-async (the edits are queued, not applied). */
    public static final String ASYNC = "kashRespondAsync";
    /** Property: the request's body was a JSON array (the answer lists each edit's). */
    public static final String ARRAY = "kashRestArray";

    /** Thrown for a body refused as a whole (not JSON, too many edits): the answer is 400 and nothing else happens. */
    public static final class RefusedBodyException extends RuntimeException {
        RefusedBodyException(String message) {
            super(message, null, false, false);
        }
    }

    @Inject
    KashConfig kash;
    @Inject
    OutcomeRecords records;

    /**
     * Body: the request's text. Returns its edits in order (one, or each element of an array), each named as
     * docs/delivery.md says: the Idempotency-Key (with the position in an array), the edit's editId, or else
     * its content.
     */
    public List<EditEnvelope> read(Exchange exchange) {
        byte[] body = exchange.getMessage().getBody(byte[].class);
        JsonNode node;
        try {
            node = JsonEditReader.parse(JsonEditReader.utf8(body));
        } catch (JsonEditReader.NotJsonException e) {
            throw new RefusedBodyException("the body is not valid JSON: " + e.getMessage());
        }
        String prefer = exchange.getMessage().getHeader(PREFER, String.class);
        boolean async = prefer != null && prefer.toLowerCase(Locale.ROOT).contains("respond-async");
        String key = exchange.getMessage().getHeader(IDEMPOTENCY_KEY, String.class);
        exchange.setProperty(ASYNC, async);
        if (node.isArray() && node.size() > kash.api().maxBatch()) {
            throw new RefusedBodyException("the array holds " + node.size() + " edits; at most "
                    + kash.api().maxBatch() + " in one request (KASH_API_MAX_BATCH): send the rest in another "
                    + "request; nothing of this one was sent");
        }
        exchange.setProperty(ARRAY, node.isArray());
        List<EditEnvelope> edits = new ArrayList<>();
        if (node.isArray()) {
            int i = 0;
            for (JsonNode element : node) {
                // one key for the array names each edit by its position in it
                edits.add(envelope(element, key, i++));
            }
        } else {
            edits.add(envelope(node, key, null));
        }
        return edits;
    }

    private EditEnvelope envelope(JsonNode node, String idempotencyKey, Integer index) {
        var input = JsonEditReader.read(node);
        EditIdentity.Key key = EditIdentity.rest(idempotencyKey, JsonEditReader.editId(input), index);
        String editKey = key != null ? EditIdentity.givenName(key.value()) : "rest-" + UUID.randomUUID();
        // without a key, the ledger names the edit by its content: the same edit posted twice is applied once
        return new EditEnvelope(editKey, new EditSource("rest", "POST /api/order-edits", null), input)
                .withOriginal(node.toString()).withIdentity(key);
    }

    /**
     * Body: an edit of a synchronous request, about to go through the pipeline. From now on it waits at most
     * kash.rest.wait for its turn (each edit of an array its own wait, from its own start).
     */
    public void turnBegins(Exchange exchange) {
        exchange.getMessage().getBody(EditEnvelope.class)
                .withDeadline(System.currentTimeMillis() + kash.rest().turnWait().toMillis());
    }

    /** Body: an edit of an async request. Validates it without sending; sets {@link EditPipeline#VALID}. */
    public void check(Exchange exchange) {
        EditEnvelope envelope = exchange.getMessage().getBody(EditEnvelope.class);
        exchange.setProperty(EditEnvelope.PROPERTY, envelope);
        exchange.setProperty(EditPipeline.VALID, envelope.validate());
    }

    /**
     * Body: a valid edit of an async request. Returns the JSON the JMS ingest reads, with the tracking id as
     * JMSCorrelationID and the caller's key (without one, the edit is named by its content as sync REST's is).
     */
    public String queued(Exchange exchange) {
        EditEnvelope envelope = envelope(exchange);
        var message = exchange.getMessage();
        message.setHeader("JMSCorrelationID", envelope.getEditKey());
        if (envelope.hasExplicitKey()) {
            message.setHeader(JmsHeaders.EDIT_ID, EditIdentity.givenName(envelope.getIdempotencyKey()));
        }
        return envelope.getOriginal();
    }

    /** The answer to a queued edit: 202 with its tracking id. */
    public RestAnswer accepted(Exchange exchange) {
        String trackingId = envelope(exchange).getEditKey();
        return new RestAnswer(202, Map.of("status", "ACCEPTED", "editKey", trackingId, "trackingId", trackingId));
    }

    /** The answer to an async edit that failed validation: 400 with its field errors; nothing was queued. */
    public RestAnswer rejected(Exchange exchange) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("status", EditStatus.REJECTED.name());
        reply.put("editKey", envelope(exchange).getEditKey());
        reply.put("errors", OutcomeRecords.errors(envelope(exchange).getErrors()));
        return new RestAnswer(400, reply);
    }

    /** The answer to an edit that went through the pipeline: its outcome. */
    public RestAnswer outcome(Exchange exchange) {
        EditEnvelope envelope = envelope(exchange);
        return new RestAnswer(statusOf(envelope), records.reply(envelope));
    }

    /**
     * The answer to an edit that did not get through: 409 when the same key is in flight elsewhere (Stripe answers
     * the same) or the order's earlier edit still is, past kash.rest.wait; 503 when the ledger does not answer or
     * the outcome could not be routed. Nothing was sent for this call in the first two cases.
     */
    public RestAnswer notThrough(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        EditEnvelope envelope = exchange.getProperty(EditEnvelope.PROPERTY, EditEnvelope.class);
        if (envelope == null) {
            envelope = exchange.getMessage().getBody(EditEnvelope.class);
        }
        String editKey = envelope == null ? null : envelope.getEditKey();
        if (failure instanceof EditBusyException busy) {
            return new RestAnswer(409, reply("CONFLICT", editKey, busy.getMessage()), "1");
        }
        boolean ledgerDown = failure instanceof LedgerUnavailableException;
        String message = ledgerDown ? failure.getMessage() : "the edit could not be routed: " + messageOf(failure);
        return new RestAnswer(503, reply("FAILED", editKey, message), ledgerDown ? "5" : "10");
    }

    /** The answer to a valid async edit the JMS ingest queue did not take: 503; nothing was queued. */
    public RestAnswer notQueued(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        return new RestAnswer(503, reply("FAILED", envelope(exchange).getEditKey(),
                "the edit could not be queued: " + messageOf(failure)), "10");
    }

    private static String messageOf(Exception failure) {
        return failure == null ? "unknown failure" : failure.getMessage();
    }

    private static Map<String, Object> reply(String status, String editKey, String message) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("status", status);
        if (editKey != null) {
            reply.put("editKey", editKey);
        }
        reply.put("message", message);
        return reply;
    }

    /** The answer to a body refused as a whole: what is wrong with it, and where. */
    public RestAnswer notJson(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        return new RestAnswer(400, reply("REJECTED", null,
                e instanceof RefusedBodyException ? e.getMessage() : "the body is not valid JSON"));
    }

    /**
     * Body: the answers of the request's edits, in order. One edit: its answer. An array: each edit's answer, in
     * order, with 200 (202 when queued), or 503 with Retry-After when an edit did not get through (the ledger
     * did not answer, or the queue did not take it): the caller sends the array again, and what did get through
     * is answered DUPLICATE then, not applied twice.
     */
    public RestAnswer answer(Exchange exchange) {
        List<?> body = exchange.getMessage().getBody(List.class);
        List<RestAnswer> answers = new ArrayList<>();
        for (Object o : body) {
            // every step of the split answers; anything else is a failure nobody answered
            answers.add(o instanceof RestAnswer a ? a : new RestAnswer(500, reply("FAILED", null,
                    "the bridge could not answer for this edit; see its log")));
        }
        if (!Boolean.TRUE.equals(exchange.getProperty(ARRAY, Boolean.class))) {
            return answers.get(0);
        }
        boolean async = Boolean.TRUE.equals(exchange.getProperty(ASYNC, Boolean.class));
        RestAnswer notThrough = answers.stream().filter(a -> a.status() == 503).findFirst().orElse(null);
        List<Object> entities = answers.stream().map(RestAnswer::entity).toList();
        return notThrough != null ? new RestAnswer(503, entities, notThrough.retryAfter())
                : new RestAnswer(async ? 202 : 200, entities);
    }

    static int statusOf(EditEnvelope envelope) {
        return switch (envelope.getOutcome().status()) {
            case OK, DUPLICATE, WOULD_SEND -> 200;
            case AMBIGUOUS -> 504;
            case REJECTED -> envelope.getEdit() == null ? 400 : 422;
            case FAILED -> IdempotencyGate.isHeldBack(envelope.getOutcome()) ? 409
                    : envelope.getOutcome().message() != null && envelope.getOutcome().message().contains("Timeout")
                            ? 504
                            : 502;
        };
    }

    private static EditEnvelope envelope(Exchange exchange) {
        return exchange.getProperty(EditEnvelope.PROPERTY, EditEnvelope.class);
    }
}
