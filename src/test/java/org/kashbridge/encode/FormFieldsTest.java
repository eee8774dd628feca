package org.kashbridge.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The form encoder writes exactly what URLEncoder (and a browser's URLSearchParams) writes. */
class FormFieldsTest {

    @Test
    void sameBytesAsUrlEncoder() {
        List<String> samples = List.of("", "abcXYZ09.-*_", "a b", "Crème brûlée", "Mug \"Paris\", blue", "€ 12",
                "line\nbreak\ttab", "emoji 🍕 ok", "日本語", "lone \uD83D surrogate", "end \uDC00", "%&=+?#/",
                "\u0000\u007F\u0080\u07FF\u0800\uFFFF");
        for (String s : samples) {
            StringBuilder sb = new StringBuilder();
            FormFields.encode(s, sb);
            assertEquals(URLEncoder.encode(s, StandardCharsets.UTF_8), sb.toString(), s);
        }
        Random random = new Random(3);
        for (int n = 0; n < 2_000; n++) {
            char[] chars = new char[random.nextInt(12)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = (char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000));
            }
            String s = new String(chars);
            StringBuilder sb = new StringBuilder();
            FormFields.encode(s, sb);
            assertEquals(URLEncoder.encode(s, StandardCharsets.UTF_8), sb.toString());
        }
    }

    @Test
    void plainDecimals() {
        // the same value and scale as BigDecimal's own parser, short or long
        for (String ok : List.of("0", "12", "12.5", "-3.20", "007", "-0.00", "0.000001", "999999999999999999",
                "-99999999999999999.9", "1234567890123456789.25", "12345678901234567890")) {
            assertEquals(new java.math.BigDecimal(ok), Decimals.parsePlain(ok), ok);
        }
        for (String bad : List.of("", "-", ".5", "5.", "1,5", "1e3", "+1", "1.2.3", " 1", "--1", "1-", "1 ", "-.5")) {
            assertNull(Decimals.parsePlain(bad), bad);
        }
        // appended in place, the same text as plain(): scales 0-18 by hand, the rest through BigDecimal
        Random random = new Random(7);
        List<java.math.BigDecimal> values = new java.util.ArrayList<>();
        for (String v : List.of("0", "0.00", "-0.50", "12.05", "7.000", "-3.20", "1E+3", "1E-20", "0.000001",
                "999999999999999999", "-99999999999999999.9", "1234567890123456789.25", "0.123456789012345678")) {
            values.add(new java.math.BigDecimal(v));
        }
        for (int i = 0; i < 2000; i++) {
            values.add(java.math.BigDecimal.valueOf(random.nextLong() % 100_000_000_000L, random.nextInt(22) - 2));
        }
        for (java.math.BigDecimal v : values) {
            assertEquals("x" + Decimals.plain(v), Decimals.appendPlain(new StringBuilder("x"), v).toString(),
                    v.toString());
        }
    }
}
