package org.kashbridge.encode;

import java.math.BigDecimal;

/** Decimal reading and writing in the one format Kash understands: a dot, no exponent, no grouping. */
public final class Decimals {


    private Decimals() {
    }

    /** {@code 12.5}, {@code 14.50}, {@code 10}; never {@code 1.25E1}. */
    public static String plain(BigDecimal value) {
        BigDecimal v = value.scale() < 0 ? value.setScale(0) : value;
        return v.toPlainString();
    }

    /** Parses {@code 12}, {@code 12.5}, {@code -3.20}; null when the text is anything else (comma, exponent, spaces...). */
    public static BigDecimal parsePlain(String text) {
        if (text == null || !isPlain(text)) {
            return null;
        }
        return new BigDecimal(text);
    }

    /** {@code -?\d+(\.\d+)?}, checked by hand: this runs for every amount of every line. */
    static boolean isPlain(String s) {
        int i = s.startsWith("-") ? 1 : 0;
        int digits = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (digits == 0) {
            return false;
        }
        if (i == s.length()) {
            return true;
        }
        if (s.charAt(i) != '.') {
            return false;
        }
        int fraction = 0;
        for (i++; i < s.length(); i++, fraction++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return fraction > 0;
    }
}
