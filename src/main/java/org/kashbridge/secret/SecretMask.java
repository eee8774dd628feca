package org.kashbridge.secret;

/** Removes a secret from any text before it is written anywhere (records, reports, messages). */
public final class SecretMask {

    private SecretMask() {
    }

    public static String apply(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        String masked = text.replace(secret, "****");
        // The secret may also appear form-encoded (e.g. in an echoed request body).
        String encoded = java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8);
        return encoded.equals(secret) ? masked : masked.replace(encoded, "****");
    }
}
