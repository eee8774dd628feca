package org.kashbridge.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kashbridge.delivery.EditBusyException;
import org.kashbridge.jms.JmsHeaders;
import org.kashbridge.json.JsonEditReader;
import org.kashbridge.ledger.EditIdentity;
import org.kashbridge.ledger.IdempotencyGate;
import org.kashbridge.ledger.LedgerUnavailableException;
import org.kashbridge.pipeline.EditEnvelope;
import org.kashbridge.pipeline.EditSource;
import org.kashbridge.pipeline.EditStatus;
import org.kashbridge.pipeline.OutcomeRecords;
import org.kashbridge.validate.EditInput;
import org.kashbridge.validate.EditValidator;

/**
 * REST ingest: hands each edit to the same pipeline as files (direct:process-edit) and answers with its
 * outcome, or, with {@code Prefer: respond-async}, validates it, queues it on the JMS ingest queue and
 * answers 202 with a tracking id.
 */
@Path("/api/order-edits")
@SecurityRequirement(name = "apiKey")
public class OrderEditResource {

    static final String PREFER_ASYNC = "respond-async";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SINGLE_EXAMPLE = "{\"orderID\":123456,\"payment\":-2,\"deliveryMethod\":2,"
            + "\"items\":[{\"type\":\"article\",\"id\":12,\"quantity\":2,\"title\":\"Pizza 4 fromages\",\"price\":14.5,"
            + "\"variations\":[3,8]},{\"type\":\"department\",\"id\":5,\"price\":9.99,\"title\":\"Vente libre\"},"
            + "{\"type\":\"free\",\"price\":12.99,\"title\":\"Gift wrap\"}]}";
    private static final String TOKENS_EXAMPLE = "{\"orderID\":123456,\"payment\":-1,"
            + "\"itemsList\":[\"12_2\",\"Free_9.99_Other item\"]}";
    private static final String PAYMENT_EXAMPLE = "{\"orderID\":123456,\"payment\":3,\"paymentAmount\":20.5}";

    @Inject
    ProducerTemplate camel;
    @Inject
    OutcomeRecords records;
    @ConfigProperty(name = "kash.jms.queue")
    String queue;
    /** How long a call waits for its turn (a concurrent call of the same key, the order's earlier edit, the ledger). */
    @ConfigProperty(name = "kash.rest.wait", defaultValue = "20s")
    java.time.Duration concurrentWait;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Apply one order edit (or a JSON array of edits) to Kash")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OrderEditDocument.class), examples = {
                @ExampleObject(name = "typed items", value = SINGLE_EXAMPLE),
                @ExampleObject(name = "raw tokens", value = TOKENS_EXAMPLE),
                @ExampleObject(name = "payment only", value = PAYMENT_EXAMPLE)}))
    @APIResponse(responseCode = "200", description = "Kash accepted the edit", content = @Content(
            schema = @Schema(implementation = OrderEditDocument.Outcome.class), examples = @ExampleObject(name = "ok",
                    value = "{\"status\":\"OK\",\"editKey\":\"rest-1\",\"orderID\":123456,"
                            + "\"quote\":\"https://kash.click/...pdf\",\"paymentLink\":\"https://...\"}")))
    @APIResponse(responseCode = "202", description = "Prefer: respond-async: validated and queued; the outcome goes "
            + "to the results queue")
    @APIResponse(responseCode = "400", description = "Invalid edit (field errors); Kash was not called")
    @APIResponse(responseCode = "401", description = "Missing or wrong X-API-Key / Basic credentials")
    @APIResponse(responseCode = "409", description = "The same Idempotency-Key (or editId) is being sent by a "
            + "concurrent request, or an earlier edit of the order still is, past KASH_REST_WAIT: nothing was sent for "
            + "this request; try again after Retry-After")
    @APIResponse(responseCode = "413", description = "Body larger than KASH_API_MAX_BODY")
    @APIResponse(responseCode = "422", description = "Kash refused the edit (success:false); message is Kash's")
    @APIResponse(responseCode = "502", description = "Kash failed technically (HTTP error, unreadable reply)")
    @APIResponse(responseCode = "503", description = "The ledger does not answer (nothing was sent) or the outcome "
            + "could not be routed; try again after Retry-After")
    @APIResponse(responseCode = "504", description = "Kash did not answer in time")
    public Response submit(String body,
            @Parameter(description = "respond-async to queue the edit and get 202") @HeaderParam("Prefer") String prefer,
            @Parameter(description = "Names the edit: a repeated call with the same key is answered DUPLICATE with the "
                    + "original outcome and not sent again") @HeaderParam("Idempotency-Key") String idempotencyKey) {
        JsonNode node;
        try {
            node = JSON.readTree(body == null ? "" : body);
        } catch (Exception e) {
            node = null;
        }
        if (node == null || node.isMissingNode()) {
            return Response.status(400).type(MediaType.APPLICATION_JSON).entity(Map.of("status", "REJECTED",
                    "message", "the body is not valid JSON")).build();
        }
        boolean async = prefer != null && prefer.toLowerCase().contains(PREFER_ASYNC);
        if (node.isArray()) {
            return batch(node, async, idempotencyKey);
        }
        return async ? queue(node, idempotencyKey, null) : apply(node, idempotencyKey, null);
    }

    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Apply several order edits in order; the answer lists each outcome")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                    implementation = OrderEditDocument.class),
            examples = @ExampleObject(name = "two edits", value = "[" + TOKENS_EXAMPLE + "," + PAYMENT_EXAMPLE + "]")))
    @APIResponse(responseCode = "200", description = "Each edit's outcome, in order")
    public Response batch(String body, @HeaderParam("Prefer") String prefer,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return submit(body, prefer, idempotencyKey);
    }

    private Response batch(JsonNode array, boolean async, String idempotencyKey) {
        List<Object> outcomes = new ArrayList<>();
        int i = 0;
        for (JsonNode node : array) {
            // one key for the batch names each edit by its position in it
            Integer index = i++;
            Response r = async ? queue(node, idempotencyKey, index) : apply(node, idempotencyKey, index);
            outcomes.add(r.getEntity());
        }
        return Response.status(async ? 202 : 200).type(MediaType.APPLICATION_JSON).entity(outcomes).build();
    }

    private Response apply(JsonNode node, String idempotencyKey, Integer index) {
        EditEnvelope envelope = envelope(node, idempotencyKey, index)
                .withDeadline(System.currentTimeMillis() + concurrentWait.toMillis());
        Exchange done = camel.send("direct:process-edit", e -> e.getMessage().setBody(envelope));
        Exception failure = done.getException();
        if (failure instanceof EditBusyException busy) {
            // the same key in flight elsewhere (Stripe answers the same), or the order's earlier edit still going
            return Response.status(409).header("Retry-After", "1").type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("status", "CONFLICT", "editKey", envelope.getEditKey(), "message", busy.getMessage()))
                    .build();
        }
        if (failure != null) {
            boolean ledgerDown = failure instanceof LedgerUnavailableException;
            return Response.status(503).header("Retry-After", ledgerDown ? "5" : "10").type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("status", "FAILED", "editKey", envelope.getEditKey(), "message", ledgerDown
                            ? failure.getMessage() : "the edit could not be routed: " + failure.getMessage())).build();
        }
        return Response.status(statusOf(envelope)).type(MediaType.APPLICATION_JSON).entity(records.reply(envelope))
                .build();
    }

    private Response queue(JsonNode node, String idempotencyKey, Integer index) {
        EditEnvelope envelope = envelope(node, idempotencyKey, index);
        EditValidator.Result result = EditValidator.validate(envelope.getInput());
        if (!result.valid()) {
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("status", EditStatus.REJECTED.name());
            reply.put("editKey", envelope.getEditKey());
            reply.put("errors", OutcomeRecords.errors(result.errors()));
            return Response.status(400).type(MediaType.APPLICATION_JSON).entity(reply).build();
        }
        String trackingId = envelope.getEditKey();
        EditIdentity.Key key = EditIdentity.rest(idempotencyKey, JsonEditReader.editId(envelope.getInput()), index);
        camel.send("jms:queue:" + queue, ExchangePattern.InOnly, e -> {
            e.getMessage().setBody(node.toString());
            e.getMessage().setHeader("JMSCorrelationID", trackingId);
            if (key != null) {
                // the caller's key goes with the edit; without one, the edit is named by its content as sync REST's
                e.getMessage().setHeader(JmsHeaders.EDIT_ID, key.value().substring("editId:".length()));
            }
        });
        return Response.status(202).type(MediaType.APPLICATION_JSON).entity(Map.of("status", "ACCEPTED", "editKey",
                trackingId, "trackingId", trackingId)).build();
    }

    private static EditEnvelope envelope(JsonNode node, String idempotencyKey, Integer index) {
        EditInput input = JsonEditReader.read(node);
        EditIdentity.Key key = EditIdentity.rest(idempotencyKey, JsonEditReader.editId(input), index);
        String editKey = key != null ? key.value().substring("editId:".length()) : "rest-" + UUID.randomUUID();
        // without a key, the ledger names the edit by its content: the same edit posted twice is applied once
        return new EditEnvelope(editKey, new EditSource("rest", "POST /api/order-edits", null), input)
                .withOriginal(node.toString()).withIdentity(key);
    }

    static int statusOf(EditEnvelope envelope) {
        return switch (envelope.getOutcome().status()) {
            case OK, DUPLICATE, WOULD_SEND -> 200;
            case AMBIGUOUS -> 504;
            case REJECTED -> envelope.getEdit() == null ? 400 : 422;
            case FAILED -> IdempotencyGate.isHeldBack(envelope.getOutcome()) ? 409
                    : envelope.getOutcome().message() != null && envelope.getOutcome().message().contains("Timeout") ? 504
                            : 502;
        };
    }
}
