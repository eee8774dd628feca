package org.kashbridge.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.kashbridge.model.ClientField;
import org.kashbridge.validate.OrderField;

/**
 * The canonical CSV header: which column holds which field. Names are matched case-insensitively;
 * an unknown or repeated name is an error, so a typo never silently drops a value.
 */
final class CsvColumns {

    /** Line-level columns. */
    enum LineColumn { item, itemType, itemId, quantity, title, price, variations }

    static final String EDIT_ID = "editId";

    /** Canonical field name per column index (orderID, client.nom, item, editId...). */
    final String[] names;
    final Map<String, Integer> index = new HashMap<>();

    private CsvColumns(String[] names) {
        this.names = names;
        for (int i = 0; i < names.length; i++) {
            index.put(names[i], i);
        }
    }

    boolean has(String canonical) {
        return index.containsKey(canonical);
    }

    /** Maps a header record; throws {@link UnreadableFileException} saying what to fix. */
    static CsvColumns of(List<String> header) {
        String[] names = new String[header.size()];
        List<String> unknown = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String raw = header.get(i) == null ? "" : header.get(i).trim();
            String canonical = canonical(raw);
            if (canonical == null) {
                unknown.add("'" + raw + "' (column " + (i + 1) + ")");
                continue;
            }
            Integer before = seen.put(canonical, i);
            if (before != null) {
                throw new UnreadableFileException("column " + canonical + " appears twice in the header (columns "
                        + (before + 1) + " and " + (i + 1) + ")");
            }
            names[i] = canonical;
        }
        if (seen.isEmpty()) {
            throw new UnreadableFileException("no header row: the first row must name the columns (orderID, payment, "
                    + "item or itemType, ...), but it reads '" + String.join(",", header) + "'");
        }
        if (!unknown.isEmpty()) {
            throw new UnreadableFileException("unknown column " + String.join(", ", unknown) + " in the header; known "
                    + "columns are " + known());
        }
        if (!seen.containsKey(org.kashbridge.validate.OrderField.orderID.name())) {
            throw new UnreadableFileException("the header has no orderID column");
        }
        if (seen.containsKey(LineColumn.item.name()) && seen.containsKey(LineColumn.itemType.name())) {
            // Both are allowed in one file, one per row: nothing to check here.
        }
        return new CsvColumns(names);
    }

    static String canonical(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        OrderField order = OrderField.byNameIgnoreCase(lower);
        if (order != null) {
            return order.name();
        }
        if (lower.startsWith("client.")) {
            ClientField c = ClientField.byNameIgnoreCase(lower.substring("client.".length()));
            return c == null ? null : c.path();
        }
        for (LineColumn l : LineColumn.values()) {
            if (l.name().equalsIgnoreCase(lower)) {
                return l.name();
            }
        }
        return EDIT_ID.equalsIgnoreCase(lower) ? EDIT_ID : null;
    }

    static String known() {
        List<String> all = new ArrayList<>();
        for (OrderField f : OrderField.values()) {
            all.add(f.name());
        }
        all.add("client.<" + ClientField.nom + "|" + ClientField.prenom + "|...|" + ClientField.lng + ">");
        for (LineColumn l : LineColumn.values()) {
            all.add(l.name());
        }
        all.add(EDIT_ID);
        return String.join(", ", all);
    }
}
