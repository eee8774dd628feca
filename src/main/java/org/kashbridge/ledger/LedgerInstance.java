package org.kashbridge.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * This bridge as a holder of claims: an owner name and a lease it renews in kash_instance. Another bridge's
 * IN_FLIGHT key is a live call while that bridge's lease runs, and a crashed one once it has run out.
 */
final class LedgerInstance implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LedgerInstance.class);
    private final String owner;
    private final long leaseMillis;
    /** When this bridge last renewed its lease, and since when it has failed to (0: it has not). */
    private volatile long renewedAt;
    private volatile long failingSince;
    /** When the lease was renewed again after failing: others' leases may have run out meanwhile too. */
    private volatile long recoveredAt;
    private LedgerStore store;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kash-ledger-lease");
        t.setDaemon(true);
        return t;
    });

    LedgerInstance(long leaseMillis) {
        this.leaseMillis = leaseMillis;
        String host = System.getenv().getOrDefault("HOSTNAME", "bridge");
        this.owner = (host.length() > 60 ? host.substring(0, 60) : host) + "/" + ProcessHandle.current().pid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    String owner() {
        return owner;
    }

    /**
     * Registers this bridge; with {@code exclusive} (the embedded store, locked to one bridge) every other owner
     * recorded is a bridge that stopped, so its claims are crashed ones at once.
     */
    void start(LedgerStore store, boolean exclusive) {
        this.store = store;
        store.write(c -> {
            if (exclusive) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM kash_instance WHERE owner <> ?")) {
                    ps.setString(1, owner);
                    ps.executeUpdate();
                }
            }
            renew(c);
            return null;
        }, Long.MAX_VALUE);
        renewedAt = System.currentTimeMillis();
        long every = Math.max(100, leaseMillis / 3);
        heartbeat.scheduleWithFixedDelay(this::renewQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    private void renewQuietly() {
        try {
            long at = System.currentTimeMillis();
            store.write(c -> {
                renew(c);
                return null;
            }, at + leaseMillis / 3);
            renewedAt = at;
            if (failingSince != 0) {
                failingSince = 0;
                recoveredAt = System.currentTimeMillis();
            }
        } catch (RuntimeException e) {
            if (failingSince == 0) {
                failingSince = System.currentTimeMillis();
            }
            LOG.debugf("lease not renewed: %s", e.getMessage());
        }
    }

    /** True while at least {@code margin} ms of this bridge's lease are left: only then does it start a call. */
    boolean leaseLeft(long margin) {
        return System.currentTimeMillis() + margin < renewedAt + leaseMillis;
    }

    long leaseMillis() {
        return leaseMillis;
    }

    /**
     * False for one lease after this bridge was cut off from the ledger: the others were probably cut off too and
     * are about to renew, so their claims are not taken over yet.
     */
    boolean mayTakeOver(long now) {
        return failingSince == 0 && now > recoveredAt + leaseMillis;
    }

    private void renew(Connection c) throws SQLException {
        long now = System.currentTimeMillis();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO kash_instance (owner, started_at, alive_until) "
                + "VALUES (?, ?, ?) ON CONFLICT (owner) DO UPDATE SET alive_until = EXCLUDED.alive_until")) {
            ps.setString(1, owner);
            ps.setLong(2, now);
            ps.setLong(3, now + leaseMillis);
            ps.executeUpdate();
        }

        // owners silent for a day are gone for good
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM kash_instance WHERE alive_until < ?")) {
            ps.setLong(1, now - 86_400_000L);
            ps.executeUpdate();
        }
    }

    /** True while {@code holder}'s lease runs (this bridge always is). */
    boolean isAlive(Connection c, String holder, long now) throws SQLException {
        if (holder == null) {
            return false;
        }
        if (holder.equals(owner)) {
            return true;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT alive_until FROM kash_instance WHERE owner = ?")) {
            ps.setString(1, holder);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > now;
            }
        }
    }

    /** Stops renewing the lease without giving it back, as a killed bridge does (tests). */
    void stopRenewing() {
        heartbeat.shutdownNow();
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        if (store != null) {
            try {
                store.write(c -> {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM kash_instance WHERE owner = ?")) {
                        ps.setString(1, owner);
                        ps.executeUpdate();
                    }
                    return null;
                }, System.currentTimeMillis() + 2000);
            } catch (RuntimeException e) {
                LOG.debugf("lease not given back: %s", e.getMessage());
            }
        }
    }
}
