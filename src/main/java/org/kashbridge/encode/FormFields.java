package org.kashbridge.encode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
        StringBuilder sb = new StringBuilder(64 * fields.size());
        for (Field f : fields) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(encode(f.name())).append('=').append(encode(f.value()));
        }
        return sb.toString();
    }

    /** URLEncoder's output, without its allocations for the common case of nothing to encode. */
    private static String encode(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '-' || c == '*' || c == '_';
            if (!safe) {
                return URLEncoder.encode(s, StandardCharsets.UTF_8);
            }
        }
        return s;
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
