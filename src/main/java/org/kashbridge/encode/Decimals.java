package org.kashbridge.encode;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Decimal reading and writing in the one format Kash understands: a dot, no exponent, no grouping. */
public final class Decimals {

    private static final Pattern PLAIN = Pattern.compile("-?\\d+(\\.\\d+)?");

    private Decimals() {
    }

    /** {@code 12.5}, {@code 14.50}, {@code 10}; never {@code 1.25E1}. */
    public static String plain(BigDecimal value) {
        BigDecimal v = value.scale() < 0 ? value.setScale(0) : value;
        return v.toPlainString();
    }

    /** Parses {@code 12}, {@code 12.5}, {@code -3.20}; null when the text is anything else (comma, exponent, spaces...). */
    public static BigDecimal parsePlain(String text) {
        if (text == null || !PLAIN.matcher(text).matches()) {
            return null;
        }
        return new BigDecimal(text);
    }
}
