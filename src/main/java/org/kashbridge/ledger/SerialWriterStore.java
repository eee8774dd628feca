package org.kashbridge.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

/**
 * SQLite: one writer thread runs every unit, one after another, and commits all the units waiting at that
 * moment in one transaction (group commit: one fsync covers them). SQLite allows one writer at a time, so a
 * thread of its own is what lets concurrent edits share the cost of a durable commit. Reads use pooled
 * connections beside it (WAL mode).
 */
final class SerialWriterStore implements LedgerStore {

    private static final Logger LOG = Logger.getLogger(SerialWriterStore.class);
    private static final int MAX_BATCH = 512;
    private static final int PENDING = 0;
    private static final int RUNNING = 1;
    private static final int GIVEN_UP = 2;

    private final DataSource pool;
    private final LedgerAvailability availability;
    private final BlockingQueue<Unit<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;
    private Connection connection;

    private static final class Unit<T> {
        final Work<T> work;
        final CompletableFuture<T> done = new CompletableFuture<>();
        final AtomicInteger state = new AtomicInteger(PENDING);
        T result;

        Unit(Work<T> work) {
            this.work = work;
        }
    }

    SerialWriterStore(DataSource pool, LedgerAvailability availability) {
        this.pool = pool;
        this.availability = availability;
        writer = new Thread(this::loop, "kash-ledger-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public <T> T write(Work<T> work, long deadline) {
        if (closed) {
            throw new IllegalStateException("the ledger is closed");
        }
        Unit<T> unit = new Unit<>(work);
        queue.add(unit);
        try {
            long wait = deadline - System.currentTimeMillis();
            if (deadline == Long.MAX_VALUE) {
                return unit.done.get();
            }
            try {
                return unit.done.get(Math.max(0, wait), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (unit.state.compareAndSet(PENDING, GIVEN_UP)) {
                    throw availability.unavailable(e);
                }
                return unit.done.get(); // already running: its result is about to be committed
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerUnavailableException("interrupted while waiting for the ledger", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void loop() {
        List<Unit<?>> batch = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Unit<?> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                batch.removeIf(u -> !u.state.compareAndSet(PENDING, RUNNING));
                commit(batch);
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                LOG.error("ledger writer", e);
                batch.forEach(u -> u.done.completeExceptionally(e));
            }
            batch.clear();
        }
        closeConnection();
    }

    /** Runs the batch and commits it; while the store fails, waits and runs it again (its callers keep waiting). */
    private void commit(List<Unit<?>> batch) throws InterruptedException {
        long delay = LedgerAvailability.FIRST_DELAY_MS;
        List<Unit<?>> failed = new ArrayList<>();
        while (true) {
            // a unit that failed on its own was answered already: not run again with the others
            batch.removeAll(failed);
            failed.clear();
            try {
                Connection c = connection();
                for (Unit<?> u : batch) {
                    Savepoint sp = c.setSavepoint();
                    try {
                        run(u, c);
                        c.releaseSavepoint(sp);
                    } catch (SQLException | RuntimeException e) {
                        if (e instanceof SQLException s && LedgerErrors.isTransient(s)) {
                            throw s;
                        }
                        c.rollback(sp);
                        u.done.completeExceptionally(new IllegalStateException("ledger statement failed: "
                                + LedgerAvailability.describe(e), e));
                        failed.add(u);
                    }
                }
                c.commit();
                availability.answered();
                for (Unit<?> u : batch) {
                    if (!failed.contains(u)) {
                        complete(u);
                    }
                }
                return;
            } catch (SQLException e) {
                closeConnection();
                availability.failed(e);
                if (closed) {
                    batch.forEach(u -> u.done.completeExceptionally(availability.unavailable(e)));
                    return;
                }
                Thread.sleep(delay);
                delay = Math.min(delay * 2, LedgerAvailability.MAX_DELAY_MS);
            }
        }
    }

    private static <T> void run(Unit<T> u, Connection c) throws SQLException {
        u.result = u.work.run(c);
    }

    private static <T> void complete(Unit<T> u) {
        u.done.complete(u.result);
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = StatementCache.wrap(pool.getConnection());
            connection.setAutoCommit(false);
        }
        return connection;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.rollback();
                connection.close();
            } catch (SQLException ignored) {
                // broken already
            }
            connection = null;
        }
    }

    @Override
    public <T> T read(Work<T> work, long deadline) {
        long delay = LedgerAvailability.FIRST_DELAY_MS;
        while (true) {
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(true);
                T result = work.run(c);
                return result;
            } catch (SQLException e) {
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

    @Override
    public String forUpdate() {
        return "";
    }

    /** Lets the writer finish what was queued, then stops it. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
