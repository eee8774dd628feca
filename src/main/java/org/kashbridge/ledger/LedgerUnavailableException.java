package org.kashbridge.ledger;

/**
 * The ledger could not be reached before the caller's deadline (REST). Nothing was sent; the caller may try
 * again: REST answers 503 with Retry-After.
 */
public class LedgerUnavailableException extends RuntimeException {

    public LedgerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
