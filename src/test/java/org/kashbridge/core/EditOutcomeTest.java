package org.kashbridge.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A conflict is the bridge's own refusal: never a Kash refusal whose words happen to read like one. */
class EditOutcomeTest {

    @Test
    void onlyTheBridgesOwnRefusalIsAConflict() {
        assertTrue(EditOutcome.conflict("the key 'k' (editId or Idempotency-Key) was already used").isConflict());
        assertFalse(EditOutcome.rejectedByKash("conflict: the key 'k' was already used", 200).isConflict());
        assertFalse(EditOutcome.rejected("items[0].price: must be a decimal").isConflict());
        assertFalse(EditOutcome.failed("conflict: whatever", null, null).isConflict());
    }

    @Test
    void aDeadLetterFromBeforeTheFlagIsKnownByItsStatusAndReason() {
        assertTrue(EditOutcome.conflictReason("REJECTED", "conflict: the key 'erp-1' (editId or Idempotency-Key) was "
                + "already used for another edit, of order 1"));
        assertFalse(EditOutcome.conflictReason("FAILED", "conflict: the key 'erp-1' ..."));
        assertFalse(EditOutcome.conflictReason("REJECTED", "Simulated refusal"));
        assertFalse(EditOutcome.conflictReason("REJECTED", null));
    }
}
