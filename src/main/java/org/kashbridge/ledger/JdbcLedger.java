package org.kashbridge.ledger;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ledger in a database table (PostgreSQL; plain SQL plus ON CONFLICT). One connection, reopened
 * when it breaks; every write is committed before returning.
 */
public final class JdbcLedger implements EditLedger {

    static final String TABLE = "kash_ledger";
    private final String url;
    private final String user;
    private final String password;
    private Connection connection;

    public JdbcLedger(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
        run(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (key VARCHAR(512) PRIMARY KEY, "
                        + "state VARCHAR(16) NOT NULL, fingerprint VARCHAR(128), outcome TEXT, edit TEXT, "
                        + "attempts INT NOT NULL, updated TIMESTAMP WITH TIME ZONE NOT NULL)");
                s.execute("CREATE INDEX IF NOT EXISTS " + TABLE + "_fingerprint ON " + TABLE + " (fingerprint, state)");
            }
            return null;
        });
    }

    private interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    private synchronized <T> T run(Work<T> work) {
        try {
            if (connection == null || !connection.isValid(2)) {
                connection = DriverManager.getConnection(url, user, password);
                connection.setAutoCommit(true);
            }
            return work.apply(connection);
        } catch (SQLException e) {
            connection = null;
            // the URL and user are fine to show; the password never is
            throw new IllegalStateException("ledger database " + url + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<LedgerEntry> find(String key) {
        return run(c -> one(c, "SELECT * FROM " + TABLE + " WHERE key = ?", key));
    }

    @Override
    public Optional<LedgerEntry> findSucceededByFingerprint(String fingerprint) {
        return run(c -> one(c, "SELECT * FROM " + TABLE + " WHERE fingerprint = ? AND state = 'SUCCEEDED' LIMIT 1",
                fingerprint));
    }

    @Override
    public void record(LedgerEntry e) {
        run(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
                    + " (key, state, fingerprint, outcome, edit, attempts, updated) VALUES (?,?,?,?,?,?,?) "
                    + "ON CONFLICT (key) DO UPDATE SET state = EXCLUDED.state, fingerprint = EXCLUDED.fingerprint, "
                    + "outcome = EXCLUDED.outcome, edit = EXCLUDED.edit, attempts = EXCLUDED.attempts, "
                    + "updated = EXCLUDED.updated")) {
                ps.setString(1, e.key());
                ps.setString(2, e.state().name());
                ps.setString(3, e.fingerprint());
                ps.setString(4, e.outcome());
                ps.setString(5, e.edit());
                ps.setInt(6, e.attempts());
                ps.setTimestamp(7, Timestamp.from(e.updated()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<LedgerEntry> inState(LedgerState state) {
        return run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + TABLE + " WHERE state = ?")) {
                ps.setString(1, state.name());
                List<LedgerEntry> all = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        all.add(entry(rs));
                    }
                }
                return all;
            }
        });
    }

    private static Optional<LedgerEntry> one(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
            }
        }
    }

    private static LedgerEntry entry(ResultSet rs) throws SQLException {
        return new LedgerEntry(rs.getString("key"), LedgerState.valueOf(rs.getString("state")),
                rs.getString("fingerprint"), rs.getString("outcome"), rs.getString("edit"), rs.getInt("attempts"),
                rs.getTimestamp("updated").toInstant());
    }
}
