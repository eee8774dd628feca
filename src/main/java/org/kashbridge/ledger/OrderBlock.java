package org.kashbridge.ledger;

/** An order held back because its edit {@code editKey} ended {@code status} (outcome: its JSON answer) and is not resolved yet. */
public record OrderBlock(long orderId, String editKey, String status, String outcome, long since) {

    public java.time.Instant sinceInstant() {
        return java.time.Instant.ofEpochMilli(since);
    }
}
