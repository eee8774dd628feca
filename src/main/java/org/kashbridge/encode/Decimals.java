package org.kashbridge.encode;

import java.math.BigDecimal;

/** Decimal reading and writing in the one format Kash understands: a dot, no exponent, no grouping. */
public final class Decimals {

    private Decimals() {
    }

    private static final long[] POWERS = new long[19];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    /** {@code 12.5}, {@code 14.50}, {@code 10}; never {@code 1.25E1}. */
    public static String plain(BigDecimal value) {
        BigDecimal v = value.scale() < 0 ? value.setScale(0) : value;
        return v.toPlainString();
    }

    /**
     * Appends {@link #plain(BigDecimal)} without building it as a string first (this runs for every amount
     * of every line): digits from the unscaled long when it has at most 18 of them.
     */
    public static StringBuilder appendPlain(StringBuilder sb, BigDecimal value) {
        int scale = value.scale();
        if (scale < 0 || scale > 18 || value.precision() > 18) {
            return sb.append(plain(value));
        }
        if (scale == 0) {
            return sb.append(value.longValue());
        }
        long unscaled = value.movePointRight(scale).longValue();
        if (unscaled < 0) {
            sb.append('-');
            unscaled = -unscaled;
        }
        long fraction = unscaled % POWERS[scale];
        sb.append(unscaled / POWERS[scale]).append('.');
        for (long p = POWERS[scale - 1]; p > 1 && fraction < p; p /= 10) {
            sb.append('0');
        }
        return sb.append(fraction);
    }

    /**
     * Parses {@code 12}, {@code 12.5}, {@code -3.20}; null when the text is anything else (comma, exponent,
     * spaces...). One pass that builds the unscaled value: {@code new BigDecimal(String)} is only needed past
     * 18 digits. The result equals {@code new BigDecimal(text)}, scale included.
     */
    public static BigDecimal parsePlain(String text) {
        if (text == null) {
            return null;
        }
        int n = text.length();
        int i = n > 0 && text.charAt(0) == '-' ? 1 : 0;
        long unscaled = 0;
        int digits = 0;
        int scale = -1;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                unscaled = unscaled * 10 + (c - '0');
                digits++;
                if (scale >= 0) {
                    scale++;
                }
            } else if (c == '.' && scale < 0 && digits > 0) {
                scale = 0;
            } else {
                return null;
            }
        }
        if (digits == 0 || scale == 0) {
            return null; // no digits, or nothing after the dot
        }
        if (digits > 18) {
            return new BigDecimal(text);
        }
        return BigDecimal.valueOf(text.charAt(0) == '-' ? -unscaled : unscaled, Math.max(scale, 0));
    }
}
