package org.kashbridge.core;

/** Terminal status of one edit. */
public enum EditStatus {
    /** Kash answered success:true. */
    OK,
    /** Not sendable (validation) or refused by Kash (success:false): fix the data, do not retry as is. */
    REJECTED,
    /** Technical failure after the retry policy: network, HTTP error, unreadable reply. Safe to send again. */
    FAILED,
    /** Kash may or may not have applied it (no reply after sending): never re-sent automatically; see data/review. */
    AMBIGUOUS,
    /** Already applied earlier under the same idempotency key (or the same content): not sent again. */
    DUPLICATE,
    /** Dry run: valid, and this is what would have been sent; nothing was sent. */
    WOULD_SEND
}
