package org.kashbridge.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.kashbridge.ledger.ClaimResult.Decision;

/**
 * The durable record of every edit key, per Kash target: what makes "never twice" hold across concurrent
 * callers, restarts and several bridges. A key moves to IN_FLIGHT only through {@link #claim}, atomically and
 * for one caller; only that claim's holder writes its result ({@link #complete}). Rows of the same statements
 * serve SQLite and PostgreSQL ({@link LedgerStore}).
 */
public final class EditLedger implements AutoCloseable {

    private static final String COLUMNS = "edit_key, state, order_id, fingerprint, outcome, edit, attempts, owner, "
            + "claim, created_at, updated_at";
    private final LedgerStore store;
    private final LedgerInstance instance;
    private final AtomicLong claims = new AtomicLong(System.nanoTime());

    EditLedger(LedgerStore store, LedgerInstance instance) {
        this.store = store;
        this.instance = instance;
    }

    /**
     * What a caller asks of {@link #claim}. {@code named}: the sender chose the key (editId, Idempotency-Key), so
     * the key reused for other content is a conflict, not a duplicate.
     */
    public record ClaimRequest(String target, String key, Long orderId, String fingerprint, boolean byContent,
            boolean named, boolean safeToRepeat, String edit, java.util.function.Supplier<String> crashedOutcome,
            java.util.function.Supplier<String> blockedOutcome) {
    }

    /**
     * Decides, atomically, whether this caller sends the edit: a new key, or one that FAILED or was REJECTED
     * before, or the IN_FLIGHT key of a bridge that stopped (only when repeating it is harmless), is claimed for
     * this caller; anything else is answered from the ledger. An order with an unresolved failed edit holds its
     * later edits back ({@link Decision#BLOCKED}, recorded FAILED so that a replay can claim them later).
     */
    /**
     * A key the sender chose, given again with other content while its first edit was applied, may have been,
     * or is being sent: answering DUPLICATE would report the other edit's outcome for this one. After FAILED or
     * REJECTED (nothing applied) the key may carry a corrected edit.
     */
    private static boolean conflicts(LedgerEntry row, String fingerprint) {
        return row.fingerprint() != null && !row.fingerprint().equals(fingerprint)
                && (row.state() == LedgerState.SUCCEEDED || row.state() == LedgerState.AMBIGUOUS
                        || row.state() == LedgerState.IN_FLIGHT || row.state() == LedgerState.RETRY_WAIT);
    }

    public ClaimResult claim(ClaimRequest r, long deadline) {
        // the token exists before the unit runs: a unit run again after a commit whose answer was lost finds
        // its own claim and keeps it, instead of taking it for another call's
        long claim = claims.incrementAndGet();
        // held, by this claim's token, from before anything commits until the decision is known: the sweep never
        // sees this call's claim without its holder (a unit run again, or the reads after a fresh insert whose
        // answer was lost, keep the same hold)
        String hold = heldKey(r.target(), r.key(), claim);
        held.add(hold);
        boolean send = false;
        try {
            // the common case first, in one statement
            if (store.writeOne(c -> claimNew(c, r, claim, System.currentTimeMillis()), deadline)) {
                send = true;
                return new ClaimResult(Decision.SEND, null, claim, null);
            }
            ClaimResult result = store.write(c -> {
                long now = System.currentTimeMillis();
                LedgerEntry row = one(c, "SELECT " + COLUMNS + " FROM kash_edit WHERE target = ? AND edit_key = ?"
                        + store.forUpdate(), r.target(), r.key());
                if (row == null && r.byContent()) {
                    LedgerEntry same = one(c,
                            "SELECT " + COLUMNS + " FROM kash_edit WHERE target = ? AND fingerprint = ? "
                                    + "AND state = 'SUCCEEDED' LIMIT 1",
                            r.target(), r.fingerprint());
                    if (same != null) {
                        return ClaimResult.of(Decision.DUPLICATE_CONTENT, same);
                    }
                }
                if (row != null && r.named() && conflicts(row, r.fingerprint())) {
                    return ClaimResult.of(Decision.CONFLICT, row);
                }
                if (row != null) {
                    switch (row.state()) {
                        case SUCCEEDED:
                            return ClaimResult.of(Decision.DUPLICATE, row);
                        case AMBIGUOUS:
                            return ClaimResult.of(Decision.UNDER_REVIEW, row);
                        case RETRY_WAIT:
                            if (ours(row, claim)) {
                                return new ClaimResult(Decision.SEND, row, claim, ownBlock(c, r));
                            }
                            if (live(c, r.target(), row, now)) {
                                return ClaimResult.of(Decision.BUSY, row);
                            }
                            break; // its bridge stopped between two attempts, and the last one did not reach Kash
                        case IN_FLIGHT:
                            if (ours(row, claim)) {
                                return new ClaimResult(Decision.SEND, row, claim, ownBlock(c, r));
                            }
                            if (live(c, r.target(), row, now)) {
                                return ClaimResult.of(Decision.BUSY, row);
                            }
                            if (!r.safeToRepeat()) {
                                String crashed = r.crashedOutcome().get();
                                update(c, r.target(), r.key(), LedgerState.AMBIGUOUS, crashed, row.attempts(), now);
                                block(c, r.target(), r.orderId(), r.key(), "AMBIGUOUS", crashed, now);
                                return ClaimResult.of(Decision.CRASHED_AMBIGUOUS, row);
                            }
                            break; // harmless to repeat: taken over below
                        default:
                            break; // FAILED or REJECTED: not applied, may be sent again
                    }
                }
                OrderBlock blocker = r.orderId() == null ? null : blockOf(c, r.target(), r.orderId());
                if (blocker != null && !blocker.editKey().equals(r.key())) {
                    if (row == null) {
                        insert(c, r, LedgerState.FAILED, r.blockedOutcome().get(), null, null, now);
                    } else {
                        update(c, r.target(), r.key(), LedgerState.FAILED, r.blockedOutcome().get(), row.attempts(),
                                now);
                    }
                    return new ClaimResult(Decision.BLOCKED, row, 0, blocker);
                }
                if (row == null) {
                    insert(c, r, LedgerState.IN_FLIGHT, null, instance.owner(), claim, now);
                } else {
                    try (PreparedStatement ps = c
                            .prepareStatement("UPDATE kash_edit SET state = 'IN_FLIGHT', owner = ?, "
                                    + "claim = ?, fingerprint = ?, edit = ?, order_id = ?, updated_at = ? WHERE target = ? AND edit_key = ?")) {
                        ps.setString(1, instance.owner());
                        ps.setLong(2, claim);
                        ps.setString(3, r.fingerprint());
                        ps.setString(4, r.edit());
                        setLong(ps, 5, r.orderId());
                        ps.setLong(6, now);
                        ps.setString(7, r.target());
                        ps.setString(8, r.key());
                        ps.executeUpdate();
                    }
                }
                // the key itself blocks its order (a failed edit tried again): its result decides the block
                return new ClaimResult(Decision.SEND, row, claim, blocker);
            }, deadline);
            send = result.decision() == Decision.SEND;
            return result;
        } finally {
            if (!send) {
                held.remove(hold);
            }
        }
    }

    /**
     * The common case in one statement: a key never seen, of an order nothing blocks (and, by content, whose
     * content never succeeded), inserted IN_FLIGHT for this claim. False leaves the decision to the reads.
     */
    private boolean claimNew(Connection c, ClaimRequest r, long claim, long now) throws SQLException {
        String sql = "INSERT INTO kash_edit (target, " + COLUMNS
                + ") SELECT ?, ?, 'IN_FLIGHT', ?, ?, NULL, ?, 0, ?, ?, ?, ? "
                + "WHERE NOT EXISTS (SELECT 1 FROM kash_order_block WHERE target = ? AND order_id = ?)"
                + (r.byContent() ? " AND NOT EXISTS (SELECT 1 FROM kash_edit WHERE target = ? AND fingerprint = ? "
                        + "AND state = 'SUCCEEDED')" : "")
                + " ON CONFLICT (target, edit_key) DO NOTHING";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, r.target());
            ps.setString(2, r.key());
            setLong(ps, 3, r.orderId());
            ps.setString(4, r.fingerprint());
            ps.setString(5, r.edit());
            ps.setString(6, instance.owner());
            ps.setLong(7, claim);
            ps.setLong(8, now);
            ps.setLong(9, now);
            ps.setString(10, r.target());
            setLong(ps, 11, r.orderId());
            if (r.byContent()) {
                ps.setString(12, r.target());
                ps.setString(13, r.fingerprint());
            }
            return ps.executeUpdate() == 1;
        }
    }

    /** The order's block when this key is the one holding it, else null. */
    private static OrderBlock ownBlock(Connection c, ClaimRequest r) throws SQLException {
        OrderBlock b = r.orderId() == null ? null : blockOf(c, r.target(), r.orderId());
        return b != null && b.editKey().equals(r.key()) ? b : null;
    }

    /**
     * The claims this bridge's calls hold right now, by key and claim token: one of its rows whose claim is not
     * here was left by a failed call. By token, so that adding or removing one never touches another call's.
     */
    private final java.util.Set<String> held = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static String heldKey(String target, String key, long claim) {
        return target + "\n" + key + "\n" + claim;
    }

    private boolean ours(LedgerEntry row, long claim) {
        return instance.owner().equals(row.owner()) && row.claim() != null && row.claim() == claim;
    }

    /**
     * True while the row's claim belongs to a live call: this bridge's while it holds it, another bridge's while
     * its lease runs, or for a while after this bridge itself was cut off from the ledger (the others may not
     * have renewed yet either).
     */
    private boolean live(Connection c, String target, LedgerEntry row, long now) throws SQLException {
        if (instance.owner().equals(row.owner())) {
            return row.claim() != null && held.contains(heldKey(target, row.key(), row.claim()));
        }
        return instance.isAlive(c, row.owner(), now) || !instance.mayTakeOver(now);
    }

    /**
     * The claim holder's result. FAILED and AMBIGUOUS block the order's later edits; SUCCEEDED and REJECTED
     * (never applied, never to be) lift a block this key held. Returns false when the claim was no longer
     * this caller's (nothing is written then). Waits for the store as long as it takes: an applied edit's
     * outcome is never dropped.
     */
    public boolean complete(String target, String key, long claim, LedgerState state, Long orderId, String outcome,
            int attempts) {
        return complete(target, key, claim, state, orderId, outcome, attempts, true);
    }

    /**
     * {@code mayBlock}: the claim found this key blocking its order (a failed edit tried again); when it did not,
     * a success has no block to pass on and the lookup is skipped.
     */
    public boolean complete(String target, String key, long claim, LedgerState state, Long orderId, String outcome,
            int attempts, boolean mayBlock) {
        boolean after = mayBlock || state == LedgerState.FAILED || state == LedgerState.AMBIGUOUS;
        LedgerStore.Work<Boolean> unit = c -> {
            long now = System.currentTimeMillis();
            int n;
            try (PreparedStatement ps = c.prepareStatement("UPDATE kash_edit SET state = ?, outcome = ?, attempts = ?, "
                    + "owner = NULL, claim = NULL, updated_at = ? WHERE target = ? AND edit_key = ? AND owner = ? AND claim = ?")) {
                ps.setString(1, state.name());
                ps.setString(2, outcome);
                ps.setInt(3, attempts);
                ps.setLong(4, now);
                ps.setString(5, target);
                ps.setString(6, key);
                ps.setString(7, instance.owner());
                ps.setLong(8, claim);
                n = ps.executeUpdate();
            }
            if (n == 1 && after) {
                afterResult(c, target, key, state, orderId, outcome, now);
            }
            return n == 1;
        };
        // a success with no block to pass on is one statement
        boolean mine = after ? store.write(unit, Long.MAX_VALUE) : store.writeOne(unit, Long.MAX_VALUE);
        held.remove(heldKey(target, key, claim));
        return mine;
    }

    /**
     * Waits, up to the deadline, until this bridge's lease has a third of it left: a call is never started by a
     * bridge whose claims others may be about to take over. Returns true when it had to wait.
     */
    public boolean awaitOwnLease(long deadline) {
        long margin = instance.leaseMillis() / 3;
        if (instance.leaseLeft(margin)) {
            return false;
        }
        long delay = LedgerAvailability.FIRST_DELAY_MS;
        while (!instance.leaseLeft(margin)) {
            if (System.currentTimeMillis() + delay > deadline) {
                throw new LedgerUnavailableException("this bridge cannot renew its lease on the ledger: nothing was "
                        + "sent; try again", null);
            }
            delay = LedgerAvailability.pause(delay);
        }
        return true;
    }

    /** The claim is given up without a result written (the call could not complete its own). */
    public void forget(String target, String key, long claim) {
        held.remove(heldKey(target, key, claim));
    }

    /**
     * Claims no live call holds any more (a bridge that stopped or lost the ledger for longer than its lease, or a
     * call of this one that failed without writing its result) are settled, so that their order is held back
     * even if the edit never comes again: RETRY_WAIT (not applied) and IN_FLIGHT harmless to repeat become
     * FAILED, to be sent again by their source or a replay; IN_FLIGHT otherwise becomes AMBIGUOUS, for review.
     * Returns how many were settled.
     */
    public int sweep(String target, java.util.function.Predicate<String> safeToRepeat,
            java.util.function.Function<LedgerEntry, String> failedOutcome,
            java.util.function.Function<LedgerEntry, String> ambiguousOutcome) {
        List<LedgerEntry> claimed = store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM kash_edit WHERE target = ? "
                    + "AND state IN ('IN_FLIGHT', 'RETRY_WAIT')")) {
                ps.setString(1, target);
                return all(ps);
            }
        }, Long.MAX_VALUE);
        int settled = 0;
        for (LedgerEntry seen : claimed) {
            boolean harmless = seen.state() == LedgerState.RETRY_WAIT || safeToRepeat.test(seen.edit());
            LedgerState to = harmless ? LedgerState.FAILED : LedgerState.AMBIGUOUS;
            String outcome = harmless ? failedOutcome.apply(seen) : ambiguousOutcome.apply(seen);
            settled += store.write(c -> {
                long now = System.currentTimeMillis();
                LedgerEntry row = one(c, "SELECT " + COLUMNS + " FROM kash_edit WHERE target = ? AND edit_key = ?"
                        + store.forUpdate(), target, seen.key());
                // settled only if nothing moved meanwhile and no live call holds it
                if (row == null || row.state() != seen.state() || !java.util.Objects.equals(row.claim(), seen.claim())
                        || live(c, target, row, now)) {
                    return 0;
                }
                update(c, target, row.key(), to, outcome, row.attempts(), now);
                block(c, target, row.orderId(), row.key(), to.name(), outcome, now);
                return 1;
            }, Long.MAX_VALUE);
        }
        return settled;
    }

    /**
     * The claim holder between two attempts: RETRY_WAIT once an attempt did not reach Kash (the wait may be long,
     * and a crash in it must not turn a payment into a review), IN_FLIGHT again just before the next one.
     */
    public boolean mark(String target, String key, long claim, LedgerState state) {
        boolean mine = store.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE kash_edit SET state = ?, updated_at = ? WHERE "
                    + "target = ? AND edit_key = ? AND owner = ? AND claim = ?")) {
                ps.setString(1, state.name());
                ps.setLong(2, System.currentTimeMillis());
                ps.setString(3, target);
                ps.setString(4, key);
                ps.setString(5, instance.owner());
                ps.setLong(6, claim);
                return ps.executeUpdate() == 1;
            }
        }, Long.MAX_VALUE);
        if (!mine) {
            held.remove(heldKey(target, key, claim));
        }
        return mine;
    }

    /** An operator's decision on a key under review (or any later state change outside a claim). */
    public boolean resolve(String target, String key, LedgerState from, LedgerState to) {
        return store.write(c -> {
            long now = System.currentTimeMillis();
            LedgerEntry row = one(c, "SELECT " + COLUMNS + " FROM kash_edit WHERE target = ? AND edit_key = ?"
                    + store.forUpdate(), target, key);
            if (row == null || row.state() != from) {
                return false;
            }
            update(c, target, key, to, row.outcome(), row.attempts(), now);
            afterResult(c, target, key, to, row.orderId(), row.outcome(), now);
            return true;
        }, Long.MAX_VALUE);
    }

    private void afterResult(Connection c, String target, String key, LedgerState state, Long orderId, String outcome,
            long now) throws SQLException {
        if (orderId == null) {
            return;
        }
        if (state == LedgerState.FAILED || state == LedgerState.AMBIGUOUS) {
            block(c, target, orderId, key, state.name(), outcome, now);
        } else if (state == LedgerState.SUCCEEDED || state == LedgerState.REJECTED) {
            OrderBlock current = blockOf(c, target, orderId);
            if (current == null || !current.editKey().equals(key)) {
                return; // the usual case: the order is not held back by this edit
            }
            // the block passes to the oldest edit held back behind this one, so that nothing newer overtakes it
            // before its replay; with none, it is lifted
            LedgerEntry next;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM kash_edit WHERE target = ? "
                    + "AND order_id = ? AND state = 'FAILED' AND attempts = 0 AND edit_key <> ? ORDER BY created_at, "
                    + "edit_key LIMIT 1")) {
                ps.setString(1, target);
                ps.setLong(2, orderId);
                ps.setString(3, key);
                List<LedgerEntry> found = all(ps);
                next = found.isEmpty() ? null : found.get(0);
            }
            try (PreparedStatement ps = next == null
                    ? c.prepareStatement(
                            "DELETE FROM kash_order_block WHERE target = ? AND order_id = ? AND edit_key = ?")
                    : c.prepareStatement("UPDATE kash_order_block SET edit_key = ?, status = 'FAILED', outcome = ?, "
                            + "since = ? WHERE target = ? AND order_id = ? AND edit_key = ?")) {
                int i = 1;
                if (next != null) {
                    ps.setString(i++, next.key());
                    ps.setString(i++, next.outcome());
                    ps.setLong(i++, now);
                }
                ps.setString(i++, target);
                ps.setLong(i++, orderId);
                ps.setString(i, key);
                ps.executeUpdate();
            }
        }
    }

    private static void block(Connection c, String target, Long orderId, String key, String status, String outcome,
            long now) throws SQLException {
        if (orderId == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO kash_order_block (target, order_id, edit_key, "
                + "status, outcome, since) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (target, order_id) DO UPDATE SET "
                + "status = EXCLUDED.status, outcome = EXCLUDED.outcome WHERE kash_order_block.edit_key = EXCLUDED.edit_key")) {
            ps.setString(1, target);
            ps.setLong(2, orderId);
            ps.setString(3, key);
            ps.setString(4, status);
            ps.setString(5, outcome);
            ps.setLong(6, now);
            ps.executeUpdate();
        }
    }

    private static void insert(Connection c, ClaimRequest r, LedgerState state, String outcome, String owner,
            Long claim,
            long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO kash_edit (target, " + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)")) {
            ps.setString(1, r.target());
            ps.setString(2, r.key());
            ps.setString(3, state.name());
            setLong(ps, 4, r.orderId());
            ps.setString(5, r.fingerprint());
            ps.setString(6, outcome);
            ps.setString(7, r.edit());
            ps.setString(8, owner);
            setLong(ps, 9, claim);
            ps.setLong(10, now);
            ps.setLong(11, now);
            ps.executeUpdate();
        }
    }

    private static void update(Connection c, String target, String key, LedgerState state, String outcome, int attempts,
            long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE kash_edit SET state = ?, outcome = ?, attempts = ?, "
                + "owner = NULL, claim = NULL, updated_at = ? WHERE target = ? AND edit_key = ?")) {
            ps.setString(1, state.name());
            ps.setString(2, outcome);
            ps.setInt(3, attempts);
            ps.setLong(4, now);
            ps.setString(5, target);
            ps.setString(6, key);
            ps.executeUpdate();
        }
    }

    public Optional<LedgerEntry> find(String target, String key) {
        return Optional.ofNullable(store.read(c -> one(c, "SELECT " + COLUMNS + " FROM kash_edit WHERE target = ? "
                + "AND edit_key = ?", target, key), Long.MAX_VALUE));
    }

    public List<LedgerEntry> inState(String target, LedgerState state) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM kash_edit WHERE target = ? "
                    + "AND state = ? ORDER BY updated_at")) {
                ps.setString(1, target);
                ps.setString(2, state.name());
                return all(ps);
            }
        }, Long.MAX_VALUE);
    }

    public Optional<OrderBlock> blockOf(String target, long orderId) {
        return Optional.ofNullable(store.read(c -> blockOf(c, target, orderId), Long.MAX_VALUE));
    }

    private static OrderBlock blockOf(Connection c, String target, long orderId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT order_id, edit_key, status, outcome, since FROM "
                + "kash_order_block WHERE target = ? AND order_id = ?")) {
            ps.setString(1, target);
            ps.setLong(2, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? block(rs) : null;
            }
        }
    }

    public List<OrderBlock> blocks(String target) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT order_id, edit_key, status, outcome, since FROM "
                    + "kash_order_block WHERE target = ? ORDER BY since")) {
                ps.setString(1, target);
                List<OrderBlock> all = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        all.add(block(rs));
                    }
                }
                return all;
            }
        }, Long.MAX_VALUE);
    }

    /** An operator lets the order's later edits go although its failed edit stays unresolved. */
    public boolean release(String target, long orderId) {
        return store.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM kash_order_block WHERE target = ? AND order_id = ?")) {
                ps.setString(1, target);
                ps.setLong(2, orderId);
                return ps.executeUpdate() == 1;
            }
        }, Long.MAX_VALUE);
    }

    /**
     * Forgets terminal keys last changed before {@code cutoff} (epoch ms), at most {@code max} of them: SUCCEEDED,
     * REJECTED and FAILED; AMBIGUOUS and IN_FLIGHT stay until resolved. Returns how many were removed.
     */
    public int purge(long cutoff, int max) {
        return store.write(c -> {
            // the conditions again outside: a row claimed while this runs is not removed (PostgreSQL rechecks the
            // outer condition of a row changed under it, not the subquery's)
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM kash_edit WHERE (target, edit_key) IN (SELECT "
                    + "target, edit_key FROM kash_edit WHERE state IN ('SUCCEEDED', 'REJECTED', 'FAILED') "
                    + "AND updated_at < ? LIMIT ?) AND state IN ('SUCCEEDED', 'REJECTED', 'FAILED') AND updated_at < ?")) {
                ps.setLong(1, cutoff);
                ps.setInt(2, max);
                ps.setLong(3, cutoff);
                return ps.executeUpdate();
            }
        }, Long.MAX_VALUE);
    }

    /** How many keys the ledger holds (all targets): for the bench and the purge log. */
    public long size() {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM kash_edit");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }, Long.MAX_VALUE);
    }

    @Override
    public void close() {
        instance.close();
        store.close();
    }

    private static LedgerEntry one(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            List<LedgerEntry> all = all(ps);
            return all.isEmpty() ? null : all.get(0);
        }
    }

    private static List<LedgerEntry> all(PreparedStatement ps) throws SQLException {
        List<LedgerEntry> all = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long order = rs.getLong("order_id");
                Long orderId = rs.wasNull() ? null : order;
                long claim = rs.getLong("claim");
                Long claimToken = rs.wasNull() ? null : claim;
                all.add(new LedgerEntry(rs.getString("edit_key"), LedgerState.valueOf(rs.getString("state")), orderId,
                        rs.getString("fingerprint"), rs.getString("outcome"), rs.getString("edit"),
                        rs.getInt("attempts"), rs.getString("owner"), claimToken, rs.getLong("created_at"),
                        rs.getLong("updated_at")));
            }
        }
        return all;
    }

    private static OrderBlock block(ResultSet rs) throws SQLException {
        return new OrderBlock(rs.getLong("order_id"), rs.getString("edit_key"), rs.getString("status"),
                rs.getString("outcome"), rs.getLong("since"));
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }
}
