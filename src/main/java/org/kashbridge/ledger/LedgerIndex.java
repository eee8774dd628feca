package org.kashbridge.ledger;

import java.util.function.LongPredicate;

/**
 * The journal ledger's in-memory index: hash -> (journal offset, state), in two primitive arrays with
 * open addressing, 20-40 bytes per key (a 32-bit tag of the hash and a long value per slot, the table
 * 30-60 % full), so that millions of keys fit a small heap. The journal holds the entries themselves; a tag
 * may be shared by several keys, so callers verify the key they read at an offset.
 * Not thread-safe: {@link JournalLedger} guards it.
 */
final class LedgerIndex {

    private static final long EMPTY = -1L;
    /** The 32-bit tag of each slot's hash: the slot is derived from it, so the table can grow. */
    private int[] tags;
    private long[] values;
    private int size;

    LedgerIndex() {
        tags = new int[1024];
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
        int tag = tag(hash);
        int mask = tags.length - 1;
        for (int i = slot(tag, mask);; i = (i + 1) & mask) {
            if (values[i] == EMPTY) {
                return -1;
            }
            if (tags[i] == tag && isIt.test(values[i])) {
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
        if ((size + 1) * 10L > tags.length * 6L) {
            grow();
        }
        insert(tags, values, tag(hash), value);
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
        int[] t = new int[tags.length * 2];
        long[] v = new long[values.length * 2];
        java.util.Arrays.fill(v, EMPTY);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != EMPTY) {
                insert(t, v, tags[i], values[i]);
            }
        }
        tags = t;
        values = v;
    }

    private static void insert(int[] t, long[] v, int tag, long value) {
        int mask = t.length - 1;
        int i = slot(tag, mask);
        while (v[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        t[i] = tag;
        v[i] = value;
    }

    private static int tag(long hash) {
        return (int) (hash ^ (hash >>> 32));
    }

    private static int slot(int tag, int mask) {
        int x = tag * 0x9E3779B9;
        return (x ^ (x >>> 16)) & mask;
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
