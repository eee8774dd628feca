package org.kashbridge.kash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.kashbridge.core.EditOutcome;

/**
 * Reads editOrder's reply the way the vendor's own examples do: as text first, then as JSON.
 * success:true is OK, success:false a business rejection with Kash's {@code result} message; a non-2xx
 * status, a body that is not JSON or JSON without {@code success} is a technical failure carrying the
 * status and a bounded excerpt of the body.
 */
public final class KashReplyReader {

    static final int EXCERPT_LIMIT = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private KashReplyReader() {
    }

    public static EditOutcome read(Integer status, String body) {
        String text = body == null ? "" : body;
        if (status == null || status < 200 || status > 299) {
            return EditOutcome.failed("Kash answered HTTP " + status, status, excerpt(text));
        }
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (Exception e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            return EditOutcome.failed("Kash answered HTTP " + status + " with a body that is not a JSON object",
                    status, excerpt(text));
        }
        JsonNode success = json.get("success");
        if (success == null || !success.isBoolean()) {
            return EditOutcome.failed("Kash's reply has no success field", status, excerpt(text));
        }
        if (!success.booleanValue()) {
            String result = textOf(json, "result");
            return EditOutcome.rejectedByKash(result == null ? "Kash refused the edit without a message" : result,
                    status);
        }
        JsonNode orderID = json.get("orderID");
        Long id = orderID != null && orderID.canConvertToLong() ? orderID.asLong()
                : orderID != null && orderID.asText().matches("\\d+") ? Long.valueOf(orderID.asText()) : null;
        return EditOutcome.success(id, textOf(json, "invoice"), textOf(json, "quote"), textOf(json, "paymentLink"));
    }

    private static String textOf(JsonNode json, String field) {
        JsonNode n = json.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    /** At most {@value #EXCERPT_LIMIT} characters, control characters flattened, so logs and records stay readable. */
    public static String excerpt(String text) {
        String flat = text.replaceAll("\\p{Cntrl}+", " ").trim();
        return flat.length() <= EXCERPT_LIMIT ? flat : flat.substring(0, EXCERPT_LIMIT) + "... (" + flat.length()
                + " characters)";
    }
}
