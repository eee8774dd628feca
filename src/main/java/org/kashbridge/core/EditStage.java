package org.kashbridge.core;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where one edit is in the pipeline. {@link EditEnvelope}'s transition methods are the only way to change its
 * stage, and each checks {@link #canMoveTo}, so the lifecycle is the table below and nothing else:
 * <ul>
 * <li>RECEIVED: to VALID ({@code validate}), or DONE (invalid: REJECTED);</li>
 * <li>VALID: to IDENTIFIED ({@code identified}), or DONE (a dry run's WOULD_SEND);</li>
 * <li>IDENTIFIED: to CLAIMED ({@code claimed}), or DONE (answered without sending: duplicate, under review,
 * held back, a concurrent call's outcome, a key too long);</li>
 * <li>CLAIMED: to RETRY_WAIT ({@code retryWaiting}), DECIDED ({@code complete}) or IDENTIFIED
 * ({@code claimLost}: another bridge took the claim over);</li>
 * <li>RETRY_WAIT: to CLAIMED ({@code resumed}: the next attempt), DECIDED or IDENTIFIED, as CLAIMED;</li>
 * <li>DECIDED: to DONE ({@code released}: the result is in the ledger, or left to its sweep);</li>
 * <li>DONE: final.</li>
 * </ul>
 * A stage is a value, not a type of its own, because the envelope travels in one exchange property through
 * several routes; the transitions are checked when they happen, and EditStageTest walks the table.
 */
public enum EditStage {
    /** As a source built it: not validated yet. */
    RECEIVED,
    /** Validation passed: {@link EditEnvelope#getEdit()} is the edit to send. */
    VALID,
    /** Named: its ledger key and the fingerprint of its content are known. No claim held. */
    IDENTIFIED,
    /** This exchange holds the ledger claim of the key (IN_FLIGHT): its attempts go to Kash. */
    CLAIMED,
    /** Holds the claim between two attempts (RETRY_WAIT in the ledger: the last one did not reach Kash). */
    RETRY_WAIT,
    /** The outcome is known and the claim still held: its result is not in the ledger yet. */
    DECIDED,
    /** The outcome is known and nothing is held: what the routes report. */
    DONE;

    private static final Map<EditStage, Set<EditStage>> NEXT = new EnumMap<>(EditStage.class);

    static {
        NEXT.put(RECEIVED, EnumSet.of(VALID, DONE));
        NEXT.put(VALID, EnumSet.of(IDENTIFIED, DONE));
        NEXT.put(IDENTIFIED, EnumSet.of(CLAIMED, DONE));
        NEXT.put(CLAIMED, EnumSet.of(RETRY_WAIT, DECIDED, IDENTIFIED));
        NEXT.put(RETRY_WAIT, EnumSet.of(CLAIMED, DECIDED, IDENTIFIED));
        NEXT.put(DECIDED, EnumSet.of(DONE));
        NEXT.put(DONE, EnumSet.noneOf(EditStage.class));
    }

    public boolean canMoveTo(EditStage next) {
        return NEXT.get(this).contains(next);
    }

    /** True while the edit holds its key's ledger claim. */
    public boolean holdsClaim() {
        return this == CLAIMED || this == RETRY_WAIT || this == DECIDED;
    }
}
