package org.kashbridge.outcome;

import static org.kashbridge.json.JsonMaps.putIfSet;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.kashbridge.core.EditEnvelope;
import org.kashbridge.core.EditOutcome;
import org.kashbridge.encode.EditOrderEncoder;
import org.kashbridge.json.JsonEditWriter;
import org.kashbridge.secret.Secrets;
import org.kashbridge.validate.EditInput;
import org.kashbridge.validate.FieldError;

/**
 * The JSON record written per edit to the success or failure endpoints: where it came from, the
 * request exactly as sent (key masked) or, when it was never sendable, the input and the field errors,
 * and what Kash answered.
 */
@ApplicationScoped
public class OutcomeRecords {

    @jakarta.inject.Inject
    Secrets secrets;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    /** Compact: a record is one line of the archive (JsonLinesArchive). */
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong sequence = new AtomicLong();

    public String fileName(EditEnvelope envelope) {
        String name = envelope.getSource().name() == null ? envelope.getSource().channel()
                : envelope.getSource().name();
        return STAMP.format(Instant.now()) + "_" + safe(name) + "_" + safe(envelope.getEditKey()) + "_"
                + sequence.incrementAndGet() + ".json";
    }

    /** Compiled once: the file name is built for every edit. */
    private static final java.util.regex.Pattern UNSAFE = java.util.regex.Pattern.compile("[^A-Za-z0-9._-]");

    private static String safe(String s) {
        String t = s == null ? "" : UNSAFE.matcher(s).replaceAll("-");
        return t.length() > 60 ? t.substring(0, 60) : t;
    }

    public String json(EditEnvelope envelope, String shopId, String apiKey) {
        EditOutcome outcome = envelope.getOutcome();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("status", outcome.status().name());
        record.put("editKey", envelope.getEditKey());
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("channel", envelope.getSource().channel());
        putIfSet(source, "name", envelope.getSource().name());
        if (!envelope.getRows().isEmpty()) {
            source.put("rows", envelope.getRows());
        }
        record.put("source", source);
        record.put("receivedAt", envelope.getReceivedAt().toString());
        record.put("completedAt", Instant.now().toString());
        record.put("attempts", envelope.getAttempts());
        putIfSet(record, "orderID", outcome.orderID());
        putIfSet(record, "invoice", outcome.invoice());
        putIfSet(record, "quote", outcome.quote());
        putIfSet(record, "paymentLink", outcome.paymentLink());
        putIfSet(record, "message", outcome.message());
        if (!envelope.getErrors().isEmpty()) {
            record.put("errors", envelope.getErrors().stream().map(FieldError::toString).toList());
        }
        if (envelope.getEdit() != null) {
            record.put("request", EditOrderEncoder.fields(envelope.getEdit(), shopId, apiKey).masked().asMap());
        } else {
            record.put("input", input(envelope.getInput()));
        }
        if (outcome.httpStatus() != null || outcome.replyExcerpt() != null) {
            Map<String, Object> reply = new LinkedHashMap<>();
            putIfSet(reply, "httpStatus", outcome.httpStatus());
            putIfSet(reply, "excerpt", outcome.replyExcerpt());
            record.put("kashReply", reply);
        }
        try {
            return secrets.mask(json.writeValueAsString(record));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the outcome record of edit " + envelope.getEditKey(), e);
        }
    }

    private static Map<String, Object> input(EditInput input) {
        return JsonEditWriter.toMap(input);
    }

    /** The answer a REST caller or a JMS requester gets: status, Kash's references, or what to fix. */
    public Map<String, Object> reply(EditEnvelope envelope) {
        return reply(envelope, envelope.getOutcome());
    }

    private Map<String, Object> reply(EditEnvelope envelope, EditOutcome outcome) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("status", outcome.status().name());
        putIfSet(reply, "editKey", envelope.getEditKey());
        putIfSet(reply, "orderID", outcome.orderID());
        putIfSet(reply, "invoice", outcome.invoice());
        putIfSet(reply, "quote", outcome.quote());
        putIfSet(reply, "paymentLink", outcome.paymentLink());
        if (!envelope.getErrors().isEmpty()) {
            reply.put("errors", errors(envelope.getErrors()));
        } else {
            putIfSet(reply, "message", outcome.message());
        }
        return reply;
    }

    public static List<Map<String, Object>> errors(List<FieldError> errors) {
        return errors.stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            putIfSet(m, "field", e.field());
            putIfSet(m, "where", e.where());
            m.put("message", e.message());
            return m;
        }).toList();
    }

    public String replyJson(EditEnvelope envelope) {
        return write(reply(envelope));
    }

    /** The answer the edit would get with {@code outcome}: what the ledger keeps for answers given later. */
    public String replyJson(EditEnvelope envelope, EditOutcome outcome) {
        return write(reply(envelope, outcome));
    }

    /**
     * The review record's file name: one per ledger key (a later review of the same key replaces it), so that
     * resolving the review can move it out of data/review/.
     */
    public static String reviewFileName(String ledgerKey) {
        String k = ledgerKey == null ? "" : ledgerKey;
        return safe(k) + "_"
                + org.kashbridge.core.EditIdentity.digest(k.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .substring(0, 12)
                + ".json";
    }

    /** What a dead letter carries: the edit as received, or its JSON form when it came from a file. */
    public String original(EditEnvelope envelope) {
        return envelope.getOriginal() != null ? envelope.getOriginal() : write(input(envelope.getInput()));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
