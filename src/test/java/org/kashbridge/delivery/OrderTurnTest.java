package org.kashbridge.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.kashbridge.core.EditEnvelope;
import org.kashbridge.core.EditIdentity;
import org.kashbridge.core.EditSource;
import org.kashbridge.core.EditStage;
import org.kashbridge.core.EditStatus;
import org.kashbridge.json.JsonEditReader;

/** An edit's turn: one that is already decided before it (a key too long) takes no turn and waits for nobody. */
class OrderTurnTest {

    @Test
    void anEditRefusedBeforeItsTurnRunsItsStepsWithoutJoiningTheSameKeyCalls() throws Exception {
        SameKeyCalls sameKey = new SameKeyCalls();
        OrderTurn turn = new OrderTurn();
        turn.sameKey = sameKey;
        turn.locks = new OrderLocks();
        turn.gate = new IdempotencyGate();
        String key = "x".repeat(EditIdentity.MAX_NAME + 1);
        // a submission of the same key holds the key's turn (it leads, and has not finished)
        SameKeyCalls.Turn held = sameKey.join(EditIdentity.editId(key).value(), "fp", 7);
        assertTrue(held.leader());
        EditEnvelope e = new EditEnvelope("k", new EditSource("rest", "test", null),
                JsonEditReader.read("{\"orderID\":7,\"payment\":-1}")).withIdentity(EditIdentity.editId(key));
        assertTrue(e.validate());
        e.identified(EditIdentity.editId(key), "fp");
        e.complete(org.kashbridge.core.EditOutcome.rejected("key too long"));
        e.withDeadline(System.currentTimeMillis() + 500); // without the rule: a wait that ends in a refusal
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(EditEnvelope.PROPERTY, e);
        AtomicInteger ran = new AtomicInteger();
        Processor steps = x -> ran.incrementAndGet();
        turn.wrap(null, steps).process(exchange);
        assertEquals(1, ran.get(), "its steps ran (they answer it without the ledger)");
        assertNull(exchange.getException(), String.valueOf(exchange.getException()));
        assertEquals(EditStage.DONE, e.stage());
        assertEquals(EditStatus.REJECTED, e.getOutcome().status(), "not the other submission's outcome");
        held.done(null);
    }
}
