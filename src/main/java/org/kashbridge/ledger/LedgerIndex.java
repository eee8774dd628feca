package org.kashbridge.ledger;

import java.util.function.LongPredicate;

/**
 * The journal ledger's in-memory index: 64-bit hash -> (journal offset, state), in two primitive arrays
 * with open addressing, about 32 bytes per key, so that millions of keys fit a small heap. The journal
 * holds the entries themselves; a hash may be shared by several keys, so callers verify the key they read
 * at an offset. Not thread-safe: {@link JournalLedger} guards it.
 */
final class LedgerIndex {

    private static final long EMPTY = -1L;
    private long[] hashes;
    private long[] values;
    private int size;

    LedgerIndex() {
        hashes = new long[1024];
        values = new long[1024];
        java.util.Arrays.fill(values, EMPTY);
    }

    static long value(long offset, LedgerState state) {
        return offset << 8 | state.ordinal();
    }

    static long offset(long value) {
        return value >>> 8;
    }

    static LedgerState state(long value) {
        return LedgerState.values()[(int) (value & 0xFF)];
    }

    int size() {
        return size;
    }

    /** Visits the slots holding {@code hash}, in probe order; stops when the visitor returns true. */
    int find(long hash, LongPredicate isIt) {
        int mask = hashes.length - 1;
        for (int i = slot(hash, mask);; i = (i + 1) & mask) {
            if (values[i] == EMPTY) {
                return -1;
            }
            if (hashes[i] == hash && isIt.test(values[i])) {
                return i;
            }
        }
    }

    long valueAt(int slot) {
        return values[slot];
    }

    void set(int slot, long value) {
        values[slot] = value;
    }

    /** Adds a new slot (the caller checked that no slot holds the same key). */
    void add(long hash, long value) {
        if ((size + 1) * 10L > hashes.length * 6L) {
            grow();
        }
        insert(hashes, values, hash, value);
        size++;
    }

    /** Every value, for scans by state. */
    void forEach(java.util.function.LongConsumer action) {
        for (long v : values) {
            if (v != EMPTY) {
                action.accept(v);
            }
        }
    }

    private void grow() {
        long[] h = new long[hashes.length * 2];
        long[] v = new long[values.length * 2];
        java.util.Arrays.fill(v, EMPTY);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != EMPTY) {
                insert(h, v, hashes[i], values[i]);
            }
        }
        hashes = h;
        values = v;
    }

    private static void insert(long[] h, long[] v, long hash, long value) {
        int mask = h.length - 1;
        int i = slot(hash, mask);
        while (v[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        h[i] = hash;
        v[i] = value;
    }

    private static int slot(long hash, int mask) {
        long x = hash * 0x9E3779B97F4A7C15L;
        return (int) (x ^ (x >>> 32)) & mask;
    }

    /** 64-bit FNV-1a over the key's characters. */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
