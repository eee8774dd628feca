package org.kashbridge.operator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kashbridge.alert.DeadLetters;
import org.kashbridge.config.KashConfig;
import org.kashbridge.kash.KashTarget;
import org.kashbridge.ledger.EditLedger;
import org.kashbridge.ledger.LedgerEntry;
import org.kashbridge.ledger.LedgerState;
import org.kashbridge.outcome.OutcomeRecords;

/**
 * Operator tools (authenticated like all of /api): list and resolve edits waiting for review, and replay
 * dead letters. Everything goes through the ledger, so a replay cannot apply an edit twice.
 */
@Path("/api/operator")
@SecurityRequirement(name = "apiKey")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorResource {

    @Inject
    KashConfig kash;
    @Inject
    EditLedger ledger;
    @Inject
    KashTarget target;
    @Inject
    ProducerTemplate camel;
    @Inject
    ConnectionFactory connectionFactory;

    /** A decision on an edit under review. */
    public record Resolution(boolean applied) {
    }

    @GET
    @Path("review")
    @Operation(summary = "Edits that may or may not have been applied (AMBIGUOUS), oldest first")
    public List<Map<String, Object>> review() {
        return ledger.inState(target.namespace(), LedgerState.AMBIGUOUS).stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", e.key());
            m.put("orderID", e.orderId());
            m.put("since", e.updated().toString());
            m.put("edit", e.edit());
            m.put("outcome", e.outcome());
            return m;
        }).toList();
    }

    @POST
    @Path("review/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Resolve a reviewed edit: applied=true records it as applied (never sent); applied=false "
            + "sends it again now. Its record leaves data/review/ for data/review/resolved/")
    public Response resolve(@PathParam("key") String key, Resolution resolution) throws java.io.IOException {
        LedgerEntry entry = ledger.find(target.namespace(), key).orElse(null);
        if (entry == null || entry.state() != LedgerState.AMBIGUOUS) {
            return Response.status(404).entity(Map.of("message", "no edit under review with key " + key)).build();
        }
        if (resolution.applied()) {
            if (!ledger.resolve(target.namespace(), key, LedgerState.AMBIGUOUS, LedgerState.SUCCEEDED)) {
                return Response.status(409).entity(Map.of("message", "edit " + key + " was resolved meanwhile"))
                        .build();
            }
            moveReviewRecord(key);
            return Response.ok(Map.of("key", key, "status", "SUCCEEDED", "message", "recorded as applied; not sent"))
                    .build();
        }
        // The operator checked Kash: not applied. Mark it so, then send it through the pipeline again.
        if (!ledger.resolve(target.namespace(), key, LedgerState.AMBIGUOUS, LedgerState.FAILED)) {
            return Response.status(409).entity(Map.of("message", "edit " + key + " was resolved meanwhile")).build();
        }
        moveReviewRecord(key);
        return Response.ok(submit(entry.edit(), key, "review " + key, false)).build();
    }

    /** The review record is the ledger's state shown as a file: once resolved, it moves to resolved/. */
    private void moveReviewRecord(String key) throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Path.of(kash.review().dir(), OutcomeRecords.reviewFileName(key));
        if (java.nio.file.Files.exists(file)) {
            java.nio.file.Path resolved = file.resolveSibling("resolved");
            java.nio.file.Files.createDirectories(resolved);
            java.nio.file.Files.move(file, resolved.resolve(file.getFileName()),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @GET
    @Path("blocked-orders")
    @Operation(summary = "Orders whose later edits are held back behind a FAILED or AMBIGUOUS edit, oldest first")
    public List<Map<String, Object>> blockedOrders() {
        return ledger.blocks(target.namespace()).stream().map(b -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("orderID", b.orderId());
            m.put("blockedBy", b.editKey());
            m.put("status", b.status());
            m.put("since", b.sinceInstant().toString());
            m.put("outcome", b.outcome());
            return m;
        }).toList();
    }

    @POST
    @Path("blocked-orders/{orderID}/release")
    @Operation(summary = "Let an order's later edits go although the edit that blocks it stays unresolved (it will "
            + "not be sent by this; replay it or resolve its review to send it)")
    public Response release(@PathParam("orderID") long orderId) {
        if (!ledger.release(target.namespace(), orderId)) {
            return Response.status(404).entity(Map.of("message", "order " + orderId + " is not blocked")).build();
        }
        return Response.ok(Map.of("orderID", orderId, "message", "released: its next edits are sent; replay its "
                + "held-back dead letters to send those")).build();
    }

    @POST
    @Path("dead-letters/replay")
    @Operation(summary = "Send dead letters through the pipeline again, oldest first (at most max, and only those "
            + "dead-lettered before the replay began; only those of editKey when given); each leaves the DLQ only once "
            + "its new outcome is routed. The dead letter of a conflict is refused again, never sent")
    public List<Map<String, Object>> replayDeadLetters(@QueryParam("max") @DefaultValue("100") int max,
            @QueryParam("editKey") String editKey) throws Exception {
        // Java, not a Camel consumer: a replay is on demand, bounded (max, dead-lettered before it began) and
        // answers its caller, and each message leaves the DLQ in its own transaction only once route replay-edit
        // has routed its new outcome
        List<Map<String, Object>> outcomes = new ArrayList<>();
        // what this replay dead-letters again must not come back to it: the queue as it was when it began
        String selector = "(" + DeadLetters.DEAD_LETTERED_AT + " IS NULL OR " + DeadLetters.DEAD_LETTERED_AT + " < "
                + System.currentTimeMillis() + ")";
        if (editKey != null && !editKey.isBlank()) {
            // only that edit's dead letters (a string literal of the selector: a quote is written twice)
            selector += " AND KashEditKey = '" + editKey.replace("'", "''") + "'";
        }
        try (JMSContext ctx = connectionFactory.createContext(JMSContext.SESSION_TRANSACTED);
                JMSConsumer consumer = ctx.createConsumer(ctx.createQueue(kash.jms().dlq()), selector)) {
            for (int i = 0; i < max; i++) {
                Message m = consumer.receive(500);
                if (m == null) {
                    break;
                }
                try {
                    // a BytesMessage moved here by the broker: decoded leniently, so bytes that are not UTF-8
                    // become U+FFFD, which the JSON reader refuses (the edit is REJECTED again, not sent)
                    String body = m instanceof jakarta.jms.BytesMessage
                            ? new String(m.getBody(byte[].class), java.nio.charset.StandardCharsets.UTF_8)
                            : m.getBody(String.class);
                    outcomes.add(submit(body, DeadLetters.replayKey(m, body),
                            "dead letter " + m.getJMSMessageID(), DeadLetters.conflict(m)));
                    ctx.commit();
                } catch (RuntimeException e) {
                    ctx.rollback();
                    throw e;
                }
            }
        }
        return outcomes;
    }

    /** The edit through route replay-edit; an outcome that cannot be routed fails the replay (it is rolled back). */
    private Map<String, Object> submit(String json, String key, String origin, boolean conflict) {
        Exchange done = camel.send("direct:replay-edit", e -> {
            e.getMessage().setBody(json);
            e.getMessage().setHeader(Replays.KEY, key);
            e.getMessage().setHeader(Replays.ORIGIN, origin);
            e.getMessage().setHeader(Replays.CONFLICT, conflict);
        });
        if (done.getException() != null) {
            throw new IllegalStateException("replay of " + (key != null ? key : origin) + " could not be routed",
                    done.getException());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> outcome = done.getMessage().getBody(Map.class);
        return outcome;
    }
}
