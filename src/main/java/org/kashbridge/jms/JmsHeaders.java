package org.kashbridge.jms;

/** JMS message properties kash-bridge reads and writes. */
public final class JmsHeaders {
    /** Optional property naming the edit (its idempotency key); else the JMS message id is used. */
    public static final String EDIT_ID = "editId";

    private JmsHeaders() {
    }
}
