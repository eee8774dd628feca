package org.kashbridge.delivery;

/**
 * A synchronous caller's deadline passed before its edit could be decided: the same key is being sent by a
 * concurrent call ({@code sameKey}), or an earlier edit of the order is. Nothing was sent for this caller; REST
 * answers 409 with Retry-After.
 */
public class EditBusyException extends RuntimeException {

    private final boolean sameKey;

    public EditBusyException(String message, boolean sameKey) {
        super(message);
        this.sameKey = sameKey;
    }

    public boolean sameKey() {
        return sameKey;
    }
}
