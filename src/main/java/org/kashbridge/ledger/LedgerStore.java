package org.kashbridge.ledger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where the ledger's statements run. {@link #write} runs a unit atomically and returns once it is durable;
 * both wait while the store does not answer (until the deadline, epoch ms), and run the unit again from the
 * start after a failure, so a unit must only read and write through its connection.
 */
interface LedgerStore extends AutoCloseable {

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    <T> T write(Work<T> work, long deadline);

    <T> T read(Work<T> work, long deadline);

    /**
     * A write unit of one statement, atomic by itself: where each unit has a connection of its own (PostgreSQL)
     * it runs without a transaction around it, one round trip instead of three; elsewhere like {@link #write}.
     */
    default <T> T writeOne(Work<T> work, long deadline) {
        return write(work, deadline);
    }

    /** " FOR UPDATE" where rows must be locked inside a unit (PostgreSQL); empty where units run one at a time. */
    String forUpdate();

    @Override
    void close();
}
