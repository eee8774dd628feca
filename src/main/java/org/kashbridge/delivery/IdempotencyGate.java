package org.kashbridge.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.apache.camel.Exchange;
import org.jboss.logging.Logger;
import org.kashbridge.config.KashConfig;
import org.kashbridge.core.EditEnvelope;
import org.kashbridge.core.EditIdentity;
import org.kashbridge.core.EditOutcome;
import org.kashbridge.core.EditStage;
import org.kashbridge.kash.KashTarget;
import org.kashbridge.ledger.ClaimResult;
import org.kashbridge.ledger.EditLedger;
import org.kashbridge.ledger.LedgerEntry;
import org.kashbridge.ledger.LedgerState;
import org.kashbridge.ledger.OrderBlock;
import org.kashbridge.outcome.OutcomeRecords;

/**
 * The ledger's steps around the Kash call (routes/pipeline.camel.yaml), inside the edit's turn: name the edit
 * ({@link EditIdentity}), claim its key ({@link EditLedger#claim}: send it, or answer without sending) and write
 * the claim's result. The exchange property {@value #DECISION} tells the route whether to call Kash.
 */
@ApplicationScoped
@Named("idempotency")
@Unremovable
public class IdempotencyGate {

    /** Exchange property: {@value #SEND} when this exchange holds the claim and calls Kash, else {@value #ANSWERED}. */
    public static final String DECISION = "kashClaim";
    public static final String SEND = "SEND";
    public static final String ANSWERED = "ANSWERED";
    private static final Logger LOG = Logger.getLogger(IdempotencyGate.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long BUSY_FIRST_MS = 50;
    private static final long BUSY_MAX_MS = 2000;

    @Inject
    KashConfig kash;
    @Inject
    EditLedger ledger;
    @Inject
    OutcomeRecords records;
    @Inject
    KashTarget target;

    /** A valid edit's ledger key (the source's, else its content's) and fingerprint. */
    public void identify(Exchange exchange) {
        EditEnvelope e = envelope(exchange);
        String fingerprint = EditIdentity.fingerprint(e.getEdit());
        EditIdentity.Key named = e.key();
        e.identified(named != null ? named : EditIdentity.content(fingerprint), fingerprint);
        String tooLong = e.key().tooLong();
        if (tooLong != null) {
            e.complete(EditOutcome.rejected(tooLong));
        }
    }

    /**
     * Claims the key for this exchange, or completes the edit from the ledger: DUPLICATE (the key, or the same
     * content, succeeded before), AMBIGUOUS (under review, or left in flight by a bridge that stopped and not
     * harmless to repeat), FAILED (held back behind an earlier failed edit of the order). A key another live
     * call holds is waited for; a synchronous caller gets {@link EditBusyException} at its deadline.
     */
    public void claim(Exchange exchange) {
        EditEnvelope e = envelope(exchange);
        if (e.stage() == EditStage.DONE) {
            exchange.setProperty(DECISION, ANSWERED); // refused before the ledger (a key too long)
            return;
        }
        long orderId = e.getEdit().orderID();
        // what the ledger keeps for an edit it answers itself: only built in those (rare) cases
        java.util.function.Supplier<String> crashed = () -> records.replyJson(e, EditOutcome.ambiguous("a bridge "
                + "stopped while this edit was being sent; Kash may have applied it to order " + orderId + ", so it "
                + "is not sent again: check the order in Kash, then resolve the review"));
        java.util.function.Supplier<String> held = () -> records.replyJson(e, EditOutcome.failed(
                blockedMessage(orderId, null), null, null));
        EditLedger.ClaimRequest request = new EditLedger.ClaimRequest(target.namespace(), e.getIdempotencyKey(),
                orderId, e.getFingerprint(), kash.ledger().contentDedupe() && !e.hasExplicitKey(),
                EditIdentity.givenName(e.getIdempotencyKey()) != null, e.getEdit().safeToRepeat(),
                records.original(e), crashed, held);
        long wait = BUSY_FIRST_MS;
        while (true) {
            ClaimResult r = ledger.claim(request, e.deadline());
            switch (r.decision()) {
                case SEND -> {
                    e.claimed(r.claim(), r.blocker() != null);
                    exchange.setProperty(DECISION, SEND);
                    return;
                }
                case BUSY -> {
                    if (System.currentTimeMillis() + wait > e.deadline()) {
                        throw new EditBusyException("the edit " + e.getIdempotencyKey() + " is being sent by another "
                                + "call (" + r.entry().owner() + "); its outcome will answer this one: try again "
                                + "shortly", true);
                    }
                    wait = pause(wait);
                    continue;
                }
                case DUPLICATE, DUPLICATE_CONTENT -> e.complete(duplicateOf(r.entry()));
                case CONFLICT -> e.complete(conflictWith(r.entry(), orderId));
                case UNDER_REVIEW -> e.complete(EditOutcome.ambiguous("edit " + e.getIdempotencyKey() + " is already "
                        + "waiting for review since " + r.entry().updated() + ": check it in Kash and resolve it "
                        + "(docs/delivery.md, Resolving what is under review)"));
                case CRASHED_AMBIGUOUS -> e.complete(EditOutcome.ambiguous("the bridge stopped while this edit was "
                        + "being sent (" + r.entry().updated() + "); Kash may have applied it to order " + orderId
                        + ", so it is not sent again: check the order in Kash, then resolve the review"));
                case BLOCKED -> e.complete(EditOutcome.failed(blockedMessage(orderId, r.blocker()), null, null));
            }
            exchange.setProperty(DECISION, ANSWERED);
            return;
        }
    }

    /** An attempt did not reach Kash and another one will follow: a crash while waiting re-sends it. */
    public void retryWait(EditEnvelope e) {
        if (e.stage() == EditStage.CLAIMED) {
            ledger.mark(target.namespace(), e.getIdempotencyKey(), e.claim(), LedgerState.RETRY_WAIT);
            e.retryWaiting();
        }
    }

    /**
     * Before every attempt: this bridge's lease has time left (else it waits for the ledger: another bridge may
     * take a claim over once the lease has run out), and the key is IN_FLIGHT on disk and still this call's
     * (after a retry wait it was RETRY_WAIT). A claim taken over meanwhile is never sent from here. Counts the
     * attempt.
     */
    public void sending(Exchange exchange) {
        EditEnvelope e = envelope(exchange);
        if (e.stage().holdsClaim()) {
            boolean waited = ledger.awaitOwnLease(e.deadline());
            if (e.waitingRetry() || waited) {
                if (!ledger.mark(target.namespace(), e.getIdempotencyKey(), e.claim(), LedgerState.IN_FLIGHT)) {
                    e.claimLost();
                    throw new ClaimLostException("edit " + e.getIdempotencyKey() + " was taken over by another "
                            + "bridge while this one could not renew its lease; this one does not send it");
                }
                if (e.waitingRetry()) {
                    e.resumed();
                }
            }
        }
        e.attempted();
    }

    /** A claim found taken over before an attempt: nothing is sent by this bridge. */
    public static final class ClaimLostException extends IllegalStateException {
        public ClaimLostException(String message) {
            super(message);
        }
    }

    /** Settles claims no live call holds any more (routes/ledger.camel.yaml, at start and every lease). */
    public int sweep() {
        int n = ledger.sweep(target.namespace(), this::harmless,
                row -> json(EditOutcome.failed("the bridge that held this edit stopped between two attempts or "
                        + "before sending it; it was not applied and is sent again when it comes back (or by a replay)",
                        null, null), row),
                row -> json(EditOutcome.ambiguous("the bridge that held this edit stopped while sending it; Kash may "
                        + "have applied it to order " + row.orderId() + ": check the order in Kash, then resolve the "
                        + "review"), row));
        if (n > 0) {
            LOG.warnf("ledger: settled %d edits left in flight by a bridge that stopped (GET /api/operator/review, "
                    + "/api/operator/blocked-orders)", n);
        }
        return n;
    }

    private boolean harmless(String editJson) {
        try {
            org.kashbridge.validate.EditValidator.Result r = org.kashbridge.validate.EditValidator.validate(
                    org.kashbridge.json.JsonEditReader.read(editJson));
            return r.valid() && r.edit().safeToRepeat();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String json(EditOutcome o, LedgerEntry row) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("status", o.status().name());
        m.put("editKey", row.key());
        if (row.orderId() != null) {
            m.put("orderID", row.orderId());
        }
        m.put("message", o.message());
        try {
            return JSON.writeValueAsString(m);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** After the call: the claim holder's result, durable before the source is acknowledged. */
    public void complete(Exchange exchange) {
        settle(envelope(exchange));
    }

    /** A claim the route did not complete (it failed midway) is completed conservatively, never left in flight. */
    public void releaseIfHeld(EditEnvelope e) {
        if (e.stage().holdsClaim()) {
            try {
                settle(e);
            } catch (RuntimeException ex) {
                // no longer held by a live call: the sweep settles it (review for a payment, FAILED otherwise)
                ledger.forget(target.namespace(), e.getIdempotencyKey(), e.claim());
                e.released();
                LOG.errorf("edit %s: could not write its result (%s); the ledger's sweep settles it",
                        e.getIdempotencyKey(), ex.getMessage());
            }
        }
    }

    private void settle(EditEnvelope e) {
        if (!e.stage().holdsClaim()) {
            return;
        }
        if (e.stage() != EditStage.DECIDED) {
            // the call ended without an outcome: it may have reached Kash
            e.complete(e.getEdit().safeToRepeat()
                    ? EditOutcome.failed("the call to Kash ended without an outcome", null, null)
                    : EditOutcome.ambiguous("the call to Kash ended without an outcome; Kash may have applied it to "
                            + "order " + e.getEdit().orderID() + ": check the order in Kash, then resolve the review"));
        }
        LedgerState state = switch (e.getOutcome().status()) {
            case OK -> LedgerState.SUCCEEDED;
            case REJECTED -> LedgerState.REJECTED;
            case AMBIGUOUS -> LedgerState.AMBIGUOUS;
            default -> LedgerState.FAILED;
        };
        boolean mine = ledger.complete(target.namespace(), e.getIdempotencyKey(), e.claim(), state,
                e.getEdit().orderID(), records.replyJson(e), e.getAttempts(), e.claimBlocks());
        e.released();
        if (!mine) {
            LOG.errorf("edit %s: its claim was taken over by another bridge while it was sent (lease expired); its "
                    + "outcome %s is reported but not recorded", e.getIdempotencyKey(), e.getOutcome().status());
        }
    }

    /** The answer for a submission that waited for a concurrent one of the same key. */
    public static EditOutcome sameAs(EditOutcome theirs, String key) {
        if (theirs.ok()) {
            return EditOutcome.duplicate(theirs.orderID(), theirs.invoice(), theirs.quote(), theirs.paymentLink(),
                    "applied by a concurrent submission of the same edit (" + key + "); not sent again");
        }
        return theirs;
    }

    private static final String HELD_BACK = "held back, not sent: ";

    /** A FAILED outcome that is an edit held back behind an earlier failed edit of its order (never sent). */
    public static boolean isHeldBack(EditOutcome outcome) {
        return outcome.status() == org.kashbridge.core.EditStatus.FAILED && outcome.message() != null
                && outcome.message().startsWith(HELD_BACK);
    }

    static String blockedMessage(long orderId, OrderBlock blocker) {
        return HELD_BACK + "an earlier edit of order " + orderId
                + (blocker == null ? "" : " (" + blocker.editKey() + ", " + blocker.status() + " since "
                        + blocker.sinceInstant() + ")")
                + " is not resolved, and edits of an order are never applied out of order. Replay or resolve that "
                + "edit first (GET /api/operator/blocked-orders), then replay this one";
    }

    /** Names both edits: the one the key was first used for (its order, state, time) and this one. */
    static EditOutcome conflictWith(LedgerEntry first, long orderId) {
        String state = switch (first.state()) {
            case SUCCEEDED -> "applied";
            case AMBIGUOUS -> "under review (Kash may have applied it)";
            default -> "being sent";
        };
        return conflictWith(first.key(), first.orderId(), state, first.updated(), orderId);
    }

    static EditOutcome conflictWith(String key, Long firstOrder, String state, java.time.Instant since, long orderId) {
        return EditOutcome.conflict("the key '" + EditIdentity.givenName(key) + "' (editId or "
                + "Idempotency-Key) was already used for another edit, of order " + firstOrder + ", " + state
                + " since " + since + "; this edit, of order " + orderId + ", differs from it and is not sent. Give "
                + "every new edit a key of its own (the same edit sent again under its key is answered with its first "
                + "outcome)");
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

    private static long pause(long wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new EditBusyException("interrupted while waiting for a concurrent call of the same edit", true);
        }
        return Math.min(wait * 2, BUSY_MAX_MS);
    }

    private static EditEnvelope envelope(Exchange exchange) {
        return exchange.getProperty(EditEnvelope.PROPERTY, EditEnvelope.class);
    }
}
