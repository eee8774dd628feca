package org.kashbridge.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.apache.camel.Exchange;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kashbridge.encode.EditOrderEncoder;
import org.kashbridge.pipeline.EditEnvelope;
import org.kashbridge.pipeline.EditOutcome;
import org.kashbridge.pipeline.EditStatus;
import org.kashbridge.pipeline.OutcomeRecords;

/**
 * Consults and updates the ledger around the Kash call (routes/pipeline.camel.yaml). A key that
 * succeeded is answered DUPLICATE with its original outcome and never sent again; so is an edit without
 * an explicit key whose exact content already succeeded. A key left IN_FLIGHT by a crash is re-sent only
 * when repeating it is harmless; otherwise it goes to review as AMBIGUOUS.
 */
@ApplicationScoped
@Named("idempotency")
@Unremovable
public class IdempotencyGate {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EditLedger ledger;
    @Inject
    OutcomeRecords records;
    @ConfigProperty(name = "kash.ledger.content-dedupe", defaultValue = "true")
    boolean contentDedupe;

    /** Before the call: completes the edit as DUPLICATE/AMBIGUOUS when it must not be sent, else marks it IN_FLIGHT. */
    public void check(Exchange exchange) {
        EditEnvelope e = exchange.getProperty(EditEnvelope.PROPERTY, EditEnvelope.class);
        String fingerprint = fingerprint(e);
        e.useFingerprint(fingerprint); // computed once per edit; record() reuses it
        String key = e.getIdempotencyKey() != null ? e.getIdempotencyKey() : "content:" + fingerprint;
        e.useIdempotencyKey(key);
        Optional<LedgerEntry> known = ledger.find(key);
        if (known.isPresent()) {
            LedgerEntry k = known.get();
            switch (k.state()) {
                case SUCCEEDED -> {
                    e.complete(duplicateOf(k));
                    return;
                }
                case AMBIGUOUS -> {
                    e.complete(EditOutcome.ambiguous("edit " + key + " is already waiting for review since "
                            + k.updated() + ": check it in Kash and resolve it (README, Operations: review)"));
                    return;
                }
                case IN_FLIGHT -> {
                    if (!e.getEdit().safeToRepeat()) {
                        e.complete(EditOutcome.ambiguous("the bridge stopped while this edit was being sent at "
                                + k.updated() + "; Kash may have applied it, so it is not sent again"));
                        return;
                    }
                }
                default -> {
                    // REJECTED or FAILED before: not applied, so it may be sent again
                }
            }
        } else if (contentDedupe && !e.hasExplicitKey()) {
            Optional<LedgerEntry> same = ledger.findSucceededByFingerprint(fingerprint);
            if (same.isPresent()) {
                e.complete(duplicateOf(same.get()));
                return;
            }
        }
        ledger.record(new LedgerEntry(key, LedgerState.IN_FLIGHT, fingerprint, null, records.original(e), 0,
                Instant.now()));
    }

    /** After the outcome: the key's terminal state, with the reply that answers later duplicates. */
    public void record(Exchange exchange) {
        EditEnvelope e = exchange.getProperty(EditEnvelope.PROPERTY, EditEnvelope.class);
        EditStatus status = e.getOutcome().status();
        if (status == EditStatus.DUPLICATE || e.getIdempotencyKey() == null) {
            return;
        }
        LedgerState state = switch (status) {
            case OK -> LedgerState.SUCCEEDED;
            case REJECTED -> LedgerState.REJECTED;
            case AMBIGUOUS -> LedgerState.AMBIGUOUS;
            default -> LedgerState.FAILED;
        };
        LedgerEntry entry = new LedgerEntry(e.getIdempotencyKey(), state, e.getEdit() == null ? null
                : e.getFingerprint(), records.replyJson(e), records.original(e), e.getAttempts(), Instant.now());
        // Not waited for: it reaches the disk with the next edit's IN_FLIGHT record, the ledger's periodic
        // sync, or the file's report. The IN_FLIGHT record, durable before the call, is what guarantees
        // "never twice": if this one were lost in an OS crash, the key would read IN_FLIGHT and a payment
        // would go to review, not out again.
        ledger.recordSoon(entry);
    }

    private static EditOutcome duplicateOf(LedgerEntry k) {
        try {
            JsonNode o = JSON.readTree(k.outcome());
            return EditOutcome.duplicate(o.hasNonNull("orderID") ? o.get("orderID").asLong() : null,
                    text(o, "invoice"), text(o, "quote"), text(o, "paymentLink"),
                    "already applied as " + k.key() + " at " + k.updated() + "; not sent again");
        } catch (Exception ex) {
            return EditOutcome.duplicate(null, null, null, null, "already applied as " + k.key() + "; not sent again");
        }
    }

    private static String text(JsonNode o, String f) {
        return o.hasNonNull(f) ? o.get(f).asText() : null;
    }

    /** Hash of what would be sent, credentials left out: equal content gives an equal fingerprint. */
    static String fingerprint(EditEnvelope e) {
        String form = EditOrderEncoder.fields(e.getEdit(), "", "").encode();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(form.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
