package org.kashbridge.delivery;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.spi.Policy;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.kashbridge.core.EditEnvelope;
import org.kashbridge.core.EditIdentity;
import org.kashbridge.core.EditOutcome;
import org.kashbridge.core.EditStage;

/**
 * The {@code policy} around claim, call and result in routes/pipeline.camel.yaml: an edit's turn. Edits of one
 * order go one at a time in arrival order (a later edit waits while an earlier one is retried), and a submission
 * of a key already being sent in this bridge waits for that one's outcome instead of being sent. A synchronous
 * caller (REST) waits until its deadline, then gets {@link EditBusyException}. A policy rather than a bean step
 * because the steps inside must run while the turn is held.
 */
@ApplicationScoped
@Named("orderTurn")
@Unremovable
public class OrderTurn implements Policy {

    @Inject
    OrderLocks locks;
    @Inject
    SameKeyCalls sameKey;
    @Inject
    IdempotencyGate gate;

    @Override
    public void beforeWrap(Route route, NamedNode definition) {
    }

    @Override
    public Processor wrap(Route route, Processor processor) {
        AsyncProcessor steps = AsyncProcessorConverterHelper.convert(processor);
        return exchange -> take(exchange, steps);
    }

    private void take(Exchange exchange, AsyncProcessor steps) {
        EditEnvelope e = exchange.getProperty(EditEnvelope.PROPERTY, EditEnvelope.class);
        if (e.stage() == EditStage.DONE) {
            // refused before its turn (a key too long): nothing to wait for, nobody to answer
            try {
                steps.process(exchange);
            } catch (Exception ex) {
                exchange.setException(ex);
            }
            return;
        }
        while (true) {
            SameKeyCalls.Turn turn = sameKey.join(e.getIdempotencyKey(), e.getFingerprint(), e.getEdit().orderID());
            if (!turn.leader() && turn.otherContent(e.getFingerprint())
                    && EditIdentity.givenName(e.getIdempotencyKey()) != null) {
                e.complete(IdempotencyGate.conflictWith(e.getIdempotencyKey(), turn.leaderOrder(), "being sent",
                        turn.leaderSince(), e.getEdit().orderID()));
                return;
            }
            if (!turn.leader()) {
                EditOutcome theirs = turn.await(e.deadline());
                if (theirs != null) {
                    e.complete(IdempotencyGate.sameAs(theirs, e.getIdempotencyKey()));
                    return;
                }
                continue; // that one ended without an outcome: lead instead
            }
            try {
                boolean ran = locks.run(e.getEdit().orderID(), e.deadline(), () -> {
                    try {
                        steps.process(exchange);
                    } catch (Exception ex) {
                        exchange.setException(ex);
                    } finally {
                        // a claim still held here was not completed by the route (it failed): never left dangling
                        gate.releaseIfHeld(e);
                    }
                });
                if (!ran) {
                    throw new EditBusyException("an earlier edit of order " + e.getEdit().orderID() + " is still being "
                            + "sent (or retried); edits of one order go one at a time: try again shortly", false);
                }
            } finally {
                turn.done(e.getOutcome());
            }
            return;
        }
    }
}
