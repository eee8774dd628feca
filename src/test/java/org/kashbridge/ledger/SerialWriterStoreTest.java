package org.kashbridge.ledger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded ledger's writes: committed once each under concurrency (a unit that fails on its own fails
 * alone), and run again by the writer thread while the store does not answer, a unit still waiting giving up
 * at its deadline.
 */
class SerialWriterStoreTest {

    /** SQLite, unless {@link #down} is set: then every new connection fails as an unreachable store does. */
    final AtomicBoolean down = new AtomicBoolean();
    final LedgerAvailability availability = new LedgerAvailability();
    SerialWriterStore store;
    ExecutorService callers;

    @BeforeEach
    void open() throws Exception {
        Path dir = Files.createTempDirectory("writer-test");
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + dir.resolve("t.db") + "?journal_mode=WAL&synchronous=FULL&busy_timeout=10000");
        try (Connection c = sqlite.getConnection(); var st = c.createStatement()) {
            st.execute("CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL)");
        }
        store = new SerialWriterStore(new FailingSource(sqlite, down), availability);
        callers = Executors.newFixedThreadPool(16);
    }

    @AfterEach
    void close() {
        callers.shutdownNow();
        down.set(false);
        store.close();
    }

    static LedgerStore.Work<Integer> insert(String key) {
        return c -> {
            try (var ps = c.prepareStatement("INSERT INTO t (k, v) VALUES (?, 1)")) {
                ps.setString(1, key);
                return ps.executeUpdate();
            }
        };
    }

    int count() {
        return store.read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM t")) {
                rs.next();
                return rs.getInt(1);
            }
        }, Long.MAX_VALUE);
    }

    @Test
    void concurrentWritesAreEachCommittedOnceWithTheirOwnResult() throws Exception {
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            String key = "k" + i;
            // the same key twice: the second fails on its own, the units batched with it are committed
            results.add(callers.submit(() -> store.write(insert(key), Long.MAX_VALUE)));
        }
        List<Future<Integer>> again = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String key = "k" + i;
            again.add(callers.submit(() -> store.write(insert(key), Long.MAX_VALUE)));
        }
        for (Future<Integer> f : results) {
            assertEquals(1, f.get());
        }
        for (Future<Integer> f : again) {
            var e = assertThrows(java.util.concurrent.ExecutionException.class, f::get);
            assertTrue(e.getCause().getMessage().startsWith("ledger statement failed: "), e.getCause().getMessage());
        }
        assertEquals(4000, count());
    }

    @Test
    void whileTheStoreDoesNotAnswerTheWriterRunsTheUnitAgainAndAWaitingUnitGivesUpAtItsDeadline() throws Exception {
        down.set(true);
        Future<Integer> first = callers.submit(() -> store.write(insert("first"), Long.MAX_VALUE));
        await().atMost(Duration.ofSeconds(30)).until(() -> !availability.isUp());
        // queued behind the unit the writer retries: gives up at its deadline, and is never run
        long deadline = System.currentTimeMillis() + 300;
        assertThrows(LedgerUnavailableException.class, () -> store.write(insert("late"), deadline));
        assertFalse(first.isDone());
        down.set(false);
        assertEquals(1, first.get());
        await().atMost(Duration.ofSeconds(30)).until(availability::isUp);
        assertEquals(1, count());
        assertEquals(1, store.write(insert("after"), System.currentTimeMillis() + 30_000));
        assertEquals(2, count());
    }

    /** A data source whose connections cannot be had while {@code down} is set. */
    record FailingSource(DataSource delegate, AtomicBoolean down) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            if (down.get()) {
                throw new SQLTransientConnectionException("connection refused (test)");
            }
            return delegate.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return delegate.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            delegate.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            delegate.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return delegate.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return delegate.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
