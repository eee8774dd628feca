package org.kashbridge.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class LedgerIndexTest {

    @Test
    void everyKeyIsFoundAfterTheTableGrew() {
        LedgerIndex index = new LedgerIndex();
        int n = 200_000; // grows from 1,024 slots to 524,288
        for (int i = 0; i < n; i++) {
            index.add(LedgerIndex.hash("file:a.csv#" + i), LedgerIndex.value(i * 100L, LedgerState.SUCCEEDED));
        }
        assertEquals(n, index.size());
        for (int i = 0; i < n; i++) {
            long offset = i * 100L;
            int slot = index.find(LedgerIndex.hash("file:a.csv#" + i), v -> LedgerIndex.offset(v) == offset);
            assertNotEquals(-1, slot, "key " + i);
            assertEquals(LedgerState.SUCCEEDED, LedgerIndex.state(index.valueAt(slot)));
        }
        assertEquals(-1, index.find(LedgerIndex.hash("file:a.csv#" + n), v -> true));
    }

    @Test
    void hashesSharingATagAreToldApartByTheCallersCheck() {
        // both fold to the same 32-bit tag: the index offers both slots, the caller's check picks
        long first = 0x0000_0001_0000_0000L;
        long second = 0x0000_0000_0000_0001L;
        LedgerIndex index = new LedgerIndex();
        index.add(first, LedgerIndex.value(10, LedgerState.IN_FLIGHT));
        index.add(second, LedgerIndex.value(20, LedgerState.SUCCEEDED));
        AtomicInteger offered = new AtomicInteger();
        int slot = index.find(second, v -> {
            offered.incrementAndGet();
            return LedgerIndex.offset(v) == 20;
        });
        assertEquals(20, LedgerIndex.offset(index.valueAt(slot)));
        assertEquals(2, offered.get());
        index.set(slot, LedgerIndex.value(20, LedgerState.FAILED));
        assertEquals(LedgerState.IN_FLIGHT,
                LedgerIndex.state(index.valueAt(index.find(first, v -> LedgerIndex.offset(v) == 10))));
    }
}
