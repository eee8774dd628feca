package org.kashbridge.json;

import static org.kashbridge.json.JsonMaps.putIfSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kashbridge.validate.EditInput;
import org.kashbridge.validate.LineInput;

/** Writes an {@link EditInput} in the JSON form {@link JsonEditReader} reads: how a file's edit is dead-lettered. */
public final class JsonEditWriter {

    private JsonEditWriter() {
    }

    public static Map<String, Object> toMap(EditInput input) {
        Map<String, Object> map = new LinkedHashMap<>();
        Map<String, Object> client = new LinkedHashMap<>();
        input.fields().forEach((k, v) -> {
            if (k.startsWith(JsonEditReader.CLIENT + ".")) {
                client.put(k.substring(JsonEditReader.CLIENT.length() + 1), v.text());
            } else {
                map.put(k, v.text());
            }
        });
        if (!client.isEmpty()) {
            map.put(JsonEditReader.CLIENT, client);
        }
        List<Object> items = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (LineInput l : input.lines()) {
            if (l.token() != null) {
                tokens.add(l.token());
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            putIfSet(item, "type", l.type());
            putIfSet(item, "id", l.id());
            putIfSet(item, "quantity", l.quantity());
            putIfSet(item, "title", l.title());
            putIfSet(item, "price", l.price());
            if (!l.variations().isEmpty()) {
                item.put("variations", l.variations());
            }
            items.add(item);
        }
        if (!items.isEmpty()) {
            map.put(JsonEditReader.ITEMS, items);
        }
        if (!tokens.isEmpty()) {
            map.put(JsonEditReader.ITEMS_LIST, tokens);
        }
        return map;
    }
}
