package org.kashbridge.ledger;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * PostgreSQL: every unit in a transaction of its own on a pooled connection; the database serialises
 * competing units on the rows they lock (several bridges may share it) and groups commits itself.
 */
final class PooledStore implements LedgerStore {

    private final DataSource pool;
    private final LedgerAvailability availability;

    PooledStore(DataSource pool, LedgerAvailability availability) {
        this.pool = pool;
        this.availability = availability;
    }

    @Override
    public <T> T write(Work<T> work, long deadline) {
        return run(work, deadline, false);
    }

    @Override
    public <T> T read(Work<T> work, long deadline) {
        return run(work, deadline, true);
    }

    @Override
    public <T> T writeOne(Work<T> work, long deadline) {
        return run(work, deadline, true); // auto-commit: the statement commits as it runs
    }

    /** {@code readOnly}: no transaction around the unit (reads, and single statements that commit themselves). */
    private <T> T run(Work<T> work, long deadline, boolean readOnly) {
        long delay = LedgerAvailability.FIRST_DELAY_MS;
        while (true) {
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(readOnly);
                try {
                    T result = work.run(c);
                    if (!readOnly) {
                        c.commit();
                    }
                    availability.answered();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    if (!readOnly) {
                        rollbackQuietly(c);
                    }
                    throw e;
                }
            } catch (SQLException e) {
                if (LedgerErrors.isDuplicateKey(e)) {
                    continue; // another bridge created the row between our read and our insert: read it again
                }
                if (!LedgerErrors.isTransient(e)) {
                    throw new IllegalStateException("ledger statement failed: " + LedgerAvailability.describe(e), e);
                }
                availability.failed(e);
                if (System.currentTimeMillis() + delay > deadline) {
                    throw availability.unavailable(e);
                }
                delay = LedgerAvailability.pause(delay);
            }
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken: the pool drops it
        }
    }

    @Override
    public String forUpdate() {
        return " FOR UPDATE";
    }

    @Override
    public void close() {
    }
}
