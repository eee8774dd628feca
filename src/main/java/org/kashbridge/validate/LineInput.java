package org.kashbridge.validate;

import java.util.List;

/**
 * One line as the source gave it, still as text: either a raw Kash {@code token}, or a {@code type}
 * (article | department | free) with its parts. {@code where} locates it for messages (e.g. "row 4").
 */
public record LineInput(String where, String token, String type, String id, String quantity, String title,
        String price, List<String> variations) {

    public LineInput {
        variations = variations == null ? List.of() : List.copyOf(variations);
    }

    public static LineInput ofToken(String where, String token) {
        return new LineInput(where, token, null, null, null, null, null, List.of());
    }
}
