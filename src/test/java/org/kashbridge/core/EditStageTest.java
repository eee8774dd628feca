package org.kashbridge.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kashbridge.json.JsonEditReader;

/** The edit lifecycle: every path of EditStage's table through EditEnvelope, and what it refuses. */
class EditStageTest {

    private static EditEnvelope received(String json) {
        return new EditEnvelope("k1", new EditSource("rest", "test", null), JsonEditReader.read(json));
    }

    private static EditEnvelope identified() {
        EditEnvelope e = received("{\"orderID\":7,\"payment\":-1}");
        assertTrue(e.validate());
        e.identified(EditIdentity.content("fp"), "fp");
        return e;
    }

    @Test
    void aSentEditGoesThroughEveryStageOnceAndEndsHoldingNothing() {
        EditEnvelope e = received("{\"orderID\":7,\"payment\":-1}");
        assertEquals(EditStage.RECEIVED, e.stage());
        assertTrue(e.validate());
        assertEquals(EditStage.VALID, e.stage());
        assertEquals(7L, e.getEdit().orderID());
        e.identified(EditIdentity.content("fp"), "fp");
        assertEquals(EditStage.IDENTIFIED, e.stage());
        e.claimed(42, true);
        assertEquals(EditStage.CLAIMED, e.stage());
        assertEquals(42, e.claim());
        assertTrue(e.claimBlocks());
        e.retryWaiting();
        assertTrue(e.waitingRetry());
        e.resumed();
        assertFalse(e.waitingRetry());
        e.complete(EditOutcome.success(7L, "inv", null, null));
        assertEquals(EditStage.DECIDED, e.stage(), "the claim's result is not in the ledger yet");
        assertEquals(42, e.claim());
        e.released();
        assertEquals(EditStage.DONE, e.stage());
        assertEquals(0, e.claim());
        assertEquals(EditStatus.OK, e.getOutcome().status());
    }

    @Test
    void anInvalidEditIsDoneAtOnceWithItsErrors() {
        EditEnvelope e = received("{\"orderID\":\"abc\"}");
        assertFalse(e.validate());
        assertEquals(EditStage.DONE, e.stage());
        assertEquals(EditStatus.REJECTED, e.getOutcome().status());
        assertFalse(e.getErrors().isEmpty());
        assertNull(e.getEdit());
        assertThrows(IllegalStateException.class, e::validate, "validated twice");
    }

    @Test
    void anEditAnsweredWithoutSendingIsDoneWithoutAClaim() {
        EditEnvelope e = identified();
        e.complete(EditOutcome.duplicate(7L, null, null, null, "already applied"));
        assertEquals(EditStage.DONE, e.stage());
        assertThrows(IllegalStateException.class, e::released, "nothing to release");
    }

    @Test
    void aDryRunEndsFromValid() {
        EditEnvelope e = received("{\"orderID\":7,\"payment\":-1}");
        assertTrue(e.validate());
        e.preview("orderID=7");
        e.complete(new EditOutcome(EditStatus.WOULD_SEND, null, null, null, null, "dry run", null, null));
        assertEquals(EditStage.DONE, e.stage());
        assertEquals("orderID=7", e.getPreview());
    }

    @Test
    void aClaimTakenOverLeavesTheEditNamedAndItsFailureFinal() {
        for (boolean waiting : new boolean[] {false, true}) {
            EditEnvelope e = identified();
            e.claimed(9, false);
            if (waiting) {
                e.retryWaiting();
            }
            e.claimLost();
            assertEquals(EditStage.IDENTIFIED, e.stage());
            assertEquals(0, e.claim());
            e.complete(EditOutcome.failed("taken over", null, null));
            assertEquals(EditStage.DONE, e.stage(), "no claim to write: final at once");
        }
    }

    @Test
    void anOutcomeIsDecidedOnceAndTheSourcesSettingsOnlyBeforeThePipeline() {
        EditEnvelope e = identified();
        e.claimed(9, false);
        e.complete(EditOutcome.failed("HTTP 500", 500, null));
        IllegalStateException twice = assertThrows(IllegalStateException.class,
                () -> e.complete(EditOutcome.success(7L, null, null, null)));
        assertTrue(twice.getMessage().contains("k1") && twice.getMessage().contains("DECIDED"), twice.getMessage());
        assertEquals(EditStatus.FAILED, e.getOutcome().status(), "the first outcome stands");
        assertThrows(IllegalStateException.class, () -> e.claimed(10, false));
        assertThrows(IllegalStateException.class, () -> e.withIdentity(EditIdentity.editId("x")));
        assertThrows(IllegalStateException.class, () -> e.withOriginal("{}"));
        assertThrows(IllegalStateException.class, () -> e.preview("form"));
        EditEnvelope fresh = received("{\"orderID\":7,\"payment\":-1}");
        assertThrows(IllegalStateException.class, () -> fresh.identified(EditIdentity.content("fp"), "fp"),
                "named before validation");
        assertThrows(IllegalStateException.class, () -> fresh.claimed(1, false), "claimed before it is named");
        assertThrows(IllegalStateException.class, fresh::retryWaiting);
    }

    @Test
    void theTableAllowsOnlyTheDocumentedMoves() {
        Set<String> allowed = new java.util.TreeSet<>();
        for (EditStage from : EditStage.values()) {
            for (EditStage to : EditStage.values()) {
                if (from.canMoveTo(to)) {
                    allowed.add(from + ">" + to);
                }
            }
        }
        assertEquals(new java.util.TreeSet<>(Set.of("RECEIVED>VALID", "RECEIVED>DONE", "VALID>IDENTIFIED",
                "VALID>DONE", "IDENTIFIED>CLAIMED", "IDENTIFIED>DONE", "CLAIMED>RETRY_WAIT", "CLAIMED>DECIDED",
                "CLAIMED>IDENTIFIED", "RETRY_WAIT>CLAIMED", "RETRY_WAIT>DECIDED", "RETRY_WAIT>IDENTIFIED",
                "DECIDED>DONE")), allowed);
        assertEquals(EnumSet.of(EditStage.CLAIMED, EditStage.RETRY_WAIT, EditStage.DECIDED),
                EnumSet.copyOf(java.util.Arrays.stream(EditStage.values()).filter(EditStage::holdsClaim).toList()));
    }
}
