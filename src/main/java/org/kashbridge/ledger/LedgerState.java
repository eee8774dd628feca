package org.kashbridge.ledger;

/** What the ledger knows of an idempotency key. */
public enum LedgerState {
    /** About to be sent, or being sent: after a crash, it may or may not have reached Kash. */
    IN_FLIGHT,
    SUCCEEDED,
    REJECTED,
    FAILED,
    /** May have been applied; waits for an operator's decision. */
    AMBIGUOUS
}
