package org.kashbridge.ledger;

import java.sql.SQLException;

/** Tells an unreachable or failing store (wait and try again) from a mistake in a statement (a bug: fail). */
final class LedgerErrors {

    /** SQLite result codes that mean the store is busy or its disk failed, not that the statement is wrong. */
    private static final java.util.Set<Integer> SQLITE_TRANSIENT = java.util.Set.of(5, 6, 7, 8, 10, 13, 14, 15);

    private LedgerErrors() {
    }

    static boolean isTransient(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.sql.SQLTransientException || c instanceof java.sql.SQLRecoverableException
                    || c instanceof java.net.SocketException || c instanceof java.io.IOException) {
                return true;
            }
            if (c instanceof SQLException s) {
                String state = s.getSQLState();
                if (c.getClass().getName().startsWith("org.sqlite.")) {
                    return SQLITE_TRANSIENT.contains(s.getErrorCode() & 0xFF);
                }
                // no state: a pool that could not get a connection (acquisition timeout)
                if (state == null || state.startsWith("08") || state.startsWith("53") || state.startsWith("57")
                        || state.startsWith("58") || state.startsWith("40") || state.startsWith("XX")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Unique-key violation: another writer created the row first. */
    static boolean isDuplicateKey(SQLException e) {
        return "23505".equals(e.getSQLState()) || e.getErrorCode() == 19 /* SQLITE_CONSTRAINT */
                || (e.getMessage() != null && e.getMessage().contains("UNIQUE constraint failed"));
    }
}
