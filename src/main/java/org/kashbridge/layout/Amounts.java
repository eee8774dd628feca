package org.kashbridge.layout;

/**
 * Reads an amount written the way an ERP writes it ({@code 1 234,50}, {@code 1.234,50}, {@code 12,5})
 * and returns it the way Kash reads it ({@code 1234.50}), or null when the text is not such an amount.
 * Grouping separators must separate groups of three digits, and at most one decimal separator may
 * appear, so {@code 12,34,5} or {@code 1 23,4} are refused rather than guessed at.
 */
public final class Amounts {

    private Amounts() {
    }

    /**
     * @param decimal the decimal separator ('.' or ',')
     * @param grouping the grouping separator, or 0 for none; a space also accepts the no-break spaces
     *                 French software writes (U+00A0, U+202F)
     */
    public static String normalise(String text, char decimal, char grouping) {
        String s = text.strip();
        if (s.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            if (s.charAt(0) == '-') {
                out.append('-');
            }
            i = 1;
        }
        int digitsInGroup = 0;
        boolean grouped = false;
        boolean firstGroup = true;
        boolean fraction = false;
        int fractionDigits = 0;
        int intDigits = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
                if (fraction) {
                    fractionDigits++;
                } else {
                    digitsInGroup++;
                    intDigits++;
                }
            } else if (!fraction && c == decimal) {
                if (intDigits == 0 || (grouped && digitsInGroup != 3)) {
                    return null;
                }
                fraction = true;
                out.append('.');
            } else if (!fraction && grouping != 0 && isGrouping(c, grouping)) {
                // the first group holds 1 to 3 digits, every later one exactly 3
                if (firstGroup ? digitsInGroup < 1 || digitsInGroup > 3 : digitsInGroup != 3) {
                    return null;
                }
                firstGroup = false;
                grouped = true;
                digitsInGroup = 0;
            } else {
                return null;
            }
        }
        if (intDigits == 0 || (fraction && fractionDigits == 0) || (!fraction && grouped && digitsInGroup != 3)) {
            return null;
        }
        return out.toString();
    }

    private static boolean isGrouping(char c, char grouping) {
        return c == grouping || (grouping == ' ' && (c == '\u00A0' || c == '\u202F'));
    }
}
