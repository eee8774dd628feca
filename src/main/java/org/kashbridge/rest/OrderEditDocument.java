package org.kashbridge.rest;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON contract of an order edit, for the OpenAPI document only: requests are read by
 * {@link org.kashbridge.json.JsonEditReader}, and OpenApiContractTest keeps the two in step.
 */
@Schema(name = "OrderEdit", description = "One editOrder call. Unknown fields are rejected. Numbers may be sent as "
        + "JSON numbers or strings; decimals use a dot.")
public record OrderEditDocument(
        @Schema(description = "Your id for this edit; also its idempotency key") String editId,
        @Schema(required = true, description = "Kash order to edit", example = "123456") Long orderID,
        @Schema(required = true, description = "-2 quote (not validated), -1 validated not paid, or a payment-method "
                + "id to record a payment", example = "-1") Long payment,
        @Schema(description = "Amount paid, only with a payment-method id; absent = the full remaining amount")
        BigDecimal paymentAmount,
        Long idUser,
        @Schema(description = "Existing customer; not together with client") Long idClient,
        Long idtable,
        Long idcaisse,
        Long numcouverts,
        String publicComment,
        String privateComment,
        Long pagerNum,
        @Schema(description = "0 take-away, 1 delivery, 2 on site, 3 drive-thru, 4 counter, 5 relay point, 6 shipping",
                minimum = "0", maximum = "6") Integer deliveryMethod,
        @Schema(description = "A new customer to create and attach") Client client,
        @Schema(description = "Lines to append, typed; or use itemsList") List<Item> items,
        @Schema(description = "Lines to append as raw Kash tokens, e.g. 12_2 or Free_9.99_Other item")
        List<String> itemsList) {

    @Schema(name = "Client", description = "Kash's client[...] fields")
    public record Client(String nom, String prenom, String email, String telephone, String adresseligne1,
            String adresseligne2, String commentaireadresse, String codepostal, String ville, String pays,
            String numtva, String rcs, String codeBarre, String telephone2, BigDecimal lat, BigDecimal lng) {
    }

    @Schema(name = "Item", description = "article: id, optional quantity/title/price/variations; department: id "
            + "(department), price, title; free: price, title. '_' in titles is sent as a space.")
    public record Item(
            @Schema(required = true, enumeration = {"article", "department", "free"}) String type,
            Long id,
            BigDecimal quantity,
            String title,
            BigDecimal price,
            @Schema(description = "Up to five variation choice ids", maxItems = 5) List<Long> variations) {
    }

    @Schema(name = "EditOutcome", description = "What happened to an edit")
    public record Outcome(
            // every EditStatus, and ACCEPTED for an edit queued by Prefer: respond-async (OpenApiContractTest)
            @Schema(enumeration = {"OK", "REJECTED", "FAILED", "AMBIGUOUS", "DUPLICATE", "WOULD_SEND",
                    "ACCEPTED"}) String status,
            String editKey, Long orderID, String invoice, String quote, String paymentLink, String message,
            String trackingId, List<Error> errors) {
    }

    @Schema(name = "FieldError")
    public record Error(String field, String where, String message) {
    }
}
