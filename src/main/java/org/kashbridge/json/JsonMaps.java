package org.kashbridge.json;

import java.util.Map;

/** The one rule for optional values in the JSON the bridge writes (edits, records, replies): absent when unset. */
public final class JsonMaps {

    private JsonMaps() {
    }

    /** Puts {@code value} unless it is null or an empty text: a record never carries "" for "not given". */
    public static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null && !(value instanceof CharSequence s && s.isEmpty())) {
            map.put(key, value);
        }
    }
}
