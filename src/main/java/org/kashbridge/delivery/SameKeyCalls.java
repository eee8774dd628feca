package org.kashbridge.delivery;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import org.kashbridge.core.EditOutcome;

/**
 * Submissions of one edit key in this bridge at the same time (a double click, a client retrying while its first
 * request is still being sent): the first leads, and the others wait for its outcome instead of sending or
 * reading a half-finished ledger row. Across bridges the ledger's claim does the same.
 */
@ApplicationScoped
public class SameKeyCalls {

    private final ConcurrentHashMap<String, Lead> leaders = new ConcurrentHashMap<>();

    /** The leading submission: its outcome to come, and what it sends (a follower with other content conflicts). */
    private record Lead(CompletableFuture<EditOutcome> future, String fingerprint, long orderId,
            java.time.Instant since) {
    }

    /** A submission's place: the leader runs the edit and calls {@link #done}; a follower calls {@link #await}. */
    public final class Turn {
        private final String key;
        private final Lead lead;
        private final CompletableFuture<EditOutcome> future;
        private final boolean leader;

        Turn(String key, Lead lead, boolean leader) {
            this.key = key;
            this.lead = lead;
            this.future = lead.future();
            this.leader = leader;
        }

        public boolean leader() {
            return leader;
        }

        /** The leader's content differs from {@code fingerprint}: its outcome is not this submission's. */
        public boolean otherContent(String fingerprint) {
            return !lead.fingerprint().equals(fingerprint);
        }

        public long leaderOrder() {
            return lead.orderId();
        }

        public java.time.Instant leaderSince() {
            return lead.since();
        }

        /** The leader's outcome; null when the leader ended without one (the follower then tries to lead). */
        public EditOutcome await(long deadline) {
            try {
                return deadline == Long.MAX_VALUE ? future.get()
                        : future.get(Math.max(0, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new EditBusyException("an edit with the same key (" + key + ") is being sent by a concurrent "
                        + "request; its outcome will answer this one: try again shortly", true);
            } catch (ExecutionException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EditBusyException("interrupted while waiting for a concurrent edit with the same key", true);
            }
        }

        public void done(EditOutcome outcome) {
            leaders.remove(key, lead);
            future.complete(outcome);
        }
    }

    public Turn join(String key, String fingerprint, long orderId) {
        Lead mine = new Lead(new CompletableFuture<>(), fingerprint, orderId, java.time.Instant.now());
        Lead first = leaders.putIfAbsent(key, mine);
        return first == null ? new Turn(key, mine, true) : new Turn(key, first, false);
    }
}
