package org.kashbridge.rest;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.logging.Logger;

/**
 * REST ingest's HTTP surface: hands each request to routes/rest-ingest.camel.yaml (direct:rest-ingest), which
 * applies or queues its edits, and answers with what that route returns. A JAX-RS resource rather than a
 * Camel rest route because the OpenAPI document (the request schema and examples, each status) is built from it.
 */
@Path("/api/order-edits")
@SecurityRequirement(name = "apiKey")
public class OrderEditResource {

    private static final Logger LOG = Logger.getLogger(OrderEditResource.class);
    private static final String SINGLE_EXAMPLE = "{\"orderID\":123456,\"payment\":-2,\"deliveryMethod\":2,"
            + "\"items\":[{\"type\":\"article\",\"id\":12,\"quantity\":2,\"title\":\"Pizza 4 fromages\",\"price\":14.5,"
            + "\"variations\":[3,8]},{\"type\":\"department\",\"id\":5,\"price\":9.99,\"title\":\"Vente libre\"},"
            + "{\"type\":\"free\",\"price\":12.99,\"title\":\"Gift wrap\"}]}";
    private static final String TOKENS_EXAMPLE = "{\"orderID\":123456,\"payment\":-1,"
            + "\"itemsList\":[\"12_2\",\"Free_9.99_Other item\"]}";
    private static final String PAYMENT_EXAMPLE = "{\"orderID\":123456,\"payment\":3,\"paymentAmount\":20.5}";

    @Inject
    ProducerTemplate camel;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Apply one order edit (or a JSON array of edits) to Kash")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = EditSchemas.EDIT), examples = {
                    @ExampleObject(name = "typed items", value = SINGLE_EXAMPLE),
                    @ExampleObject(name = "raw tokens", value = TOKENS_EXAMPLE),
                    @ExampleObject(name = "payment only", value = PAYMENT_EXAMPLE)}))
    @APIResponse(responseCode = "200", description = "Kash accepted the edit", content = @Content(
            schema = @Schema(ref = EditSchemas.OUTCOME), examples = @ExampleObject(name = "ok",
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
    public Response submit(byte[] body,
            @Parameter(
                    description = "respond-async to queue the edit and get 202") @HeaderParam("Prefer") String prefer,
            @Parameter(description = "Names the edit: a repeated call with the same key and body is answered DUPLICATE "
                    + "with the original outcome and not sent again; the same key with another body is answered 422 "
                    + "REJECTED, a conflict naming both edits") @HeaderParam("Idempotency-Key") String idempotencyKey) {
        // JAX-RS only for the OpenAPI document and the HTTP surface: what happens to the edits is the route's
        Exchange done = camel.send("direct:rest-ingest", e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeader(RestEdits.PREFER, prefer);
            e.getMessage().setHeader(RestEdits.IDEMPOTENCY_KEY, idempotencyKey);
        });
        RestAnswer answer = done.getException() == null ? done.getMessage().getBody(RestAnswer.class) : null;
        if (answer == null) {
            LOG.errorf(done.getException(), "REST ingest: no answer from route rest-ingest");
            return Response.status(500).type(MediaType.APPLICATION_JSON).entity(Map.of("status", "FAILED", "message",
                    "the bridge could not answer this request; see its log")).build();
        }
        Response.ResponseBuilder r = Response.status(answer.status()).type(MediaType.APPLICATION_JSON)
                .entity(answer.entity());
        return answer.retryAfter() == null ? r.build() : r.header("Retry-After", answer.retryAfter()).build();
    }

    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Apply several order edits in order; the answer lists each outcome")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = EditSchemas.EDITS),
            examples = @ExampleObject(name = "two edits", value = "[" + TOKENS_EXAMPLE + "," + PAYMENT_EXAMPLE + "]")))
    @APIResponse(responseCode = "200", description = "Each edit's outcome, in order")
    public Response batch(byte[] body, @HeaderParam("Prefer") String prefer,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return submit(body, prefer, idempotencyKey);
    }
}
