package org.kashbridge.validate;

/**
 * Bounds on what one edit may hold, the same on every source (docs/api.md, "Limits"): far above what a till order
 * holds, low enough that no edit costs memory, a ledger row or a Kash request out of proportion. Lengths count
 * characters (code points), after trimming.
 */
public final class Limits {

    /** A line's title. */
    public static final int TITLE = 200;
    /** publicComment, privateComment. */
    public static final int COMMENT = 2000;
    /** Each client.* field. */
    public static final int CLIENT_FIELD = 200;
    /** A raw itemsList token. */
    public static final int TOKEN = 400;
    /** Lines of one edit. */
    public static final int LINES = 500;

    private Limits() {
    }

    /** "at most 200 characters, got 201" when {@code text} is longer than {@code max}, else null. */
    static String tooLong(String text, int max) {
        if (text == null || text.length() <= max) {
            return null;
        }
        int n = text.codePointCount(0, text.length());
        return n <= max ? null : "must be at most " + max + " characters, got " + n;
    }
}
