package org.kashbridge.encode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ordered list of form fields (repeated names allowed), rendered as
 * application/x-www-form-urlencoded UTF-8 exactly as a browser's URLSearchParams would.
 */
public final class FormFields {

    public static final String MASK = "****";
    public static final String KEY = "key";
    public static final String ITEMS = "itemsList[]";
    private static final String ITEMS_ENCODED = "itemsList%5B%5D";

    public record Field(String name, String value) {
    }

    private final List<Field> fields = new ArrayList<>();

    public FormFields add(String name, Object value) {
        if (value != null) {
            fields.add(new Field(name, String.valueOf(value)));
        }
        return this;
    }

    public List<Field> fields() {
        return Collections.unmodifiableList(fields);
    }

    public String encode() {
        Writer w = new Writer(64 * fields.size());
        for (Field f : fields) {
            w.add(f.name(), f.value());
        }
        return w.toString();
    }

    /** Appends fields to an encoded body as they come, without keeping them. */
    static final class Writer {
        private final StringBuilder sb;

        Writer(int capacity) {
            sb = new StringBuilder(capacity);
        }

        /** Like {@link FormFields#add}: a null value is left out. */
        Writer add(String name, Object value) {
            if (value == null) {
                return this;
            }
            if (sb.length() > 0) {
                sb.append('&');
            }
            if (name.equals(ITEMS)) {
                sb.append(ITEMS_ENCODED); // on every line: spare it the escaping loop
            } else {
                encode(name, sb);
            }
            sb.append('=');
            if (value instanceof Long || value instanceof Integer) {
                sb.append(((Number) value).longValue()); // digits and '-' need no escaping
            } else {
                encode(String.valueOf(value), sb);
            }
            return this;
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /**
     * Appends what {@code URLEncoder.encode(s, UTF_8)} returns (letters, digits and {@code .-*_} as they are,
     * space as {@code +}, every other UTF-8 byte as {@code %XX}) without its intermediate objects.
     */
    static void encode(String s, StringBuilder sb) {
        int n = s.length();
        int safe = 0;
        while (safe < n && isSafe(s.charAt(safe))) {
            safe++;
        }
        if (safe == n) {
            // most values (ids, amounts, item tokens without spaces): one bulk copy instead of a char at a time
            sb.append(s);
            return;
        }
        sb.append(s, 0, safe);
        for (int i = safe; i < n; i++) {
            char c = s.charAt(i);
            if (isSafe(c)) {
                sb.append(c);
            } else if (c == ' ') {
                sb.append('+');
            } else if (c < 0x80) {
                percent(sb, c);
            } else if (c < 0x800) {
                percent(sb, 0xC0 | (c >> 6));
                percent(sb, 0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                percent(sb, 0xF0 | (cp >> 18));
                percent(sb, 0x80 | ((cp >> 12) & 0x3F));
                percent(sb, 0x80 | ((cp >> 6) & 0x3F));
                percent(sb, 0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                // a lone surrogate is not text: URLEncoder writes it as '?', so do we
                percent(sb, '?');
            } else {
                percent(sb, 0xE0 | (c >> 12));
                percent(sb, 0x80 | ((c >> 6) & 0x3F));
                percent(sb, 0x80 | (c & 0x3F));
            }
        }
    }

    /** The characters URLEncoder leaves as they are: letters, digits and {@code .-*_}. */
    private static final boolean[] SAFE = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            SAFE[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '-' || c == '*' || c == '_';
        }
    }

    private static boolean isSafe(char c) {
        return c < 128 && SAFE[c];
    }

    private static void percent(StringBuilder sb, int b) {
        sb.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }

    /** The same fields with the API key replaced by {@value #MASK}: what archives, reports and dry runs show. */
    public FormFields masked() {
        FormFields copy = new FormFields();
        for (Field f : fields) {
            copy.fields.add(KEY.equals(f.name()) ? new Field(KEY, MASK) : f);
        }
        return copy;
    }

    /** Fields as a JSON-friendly map; a repeated name becomes a list, in order. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Field f : fields) {
            map.merge(f.name(), f.value(), (a, b) -> {
                @SuppressWarnings("unchecked")
                List<Object> list = a instanceof List<?> l ? (List<Object>) l : new ArrayList<>(List.of(a));
                list.add(b);
                return list;
            });
        }
        for (Map.Entry<String, Object> e : map.entrySet()) {
            if (e.getKey().endsWith("[]") && !(e.getValue() instanceof List<?>)) {
                e.setValue(List.of(e.getValue()));
            }
        }
        return map;
    }
}
