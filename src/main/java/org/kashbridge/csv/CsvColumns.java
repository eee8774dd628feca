package org.kashbridge.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kashbridge.layout.CanonicalFields;
import org.kashbridge.model.OrderField;

/**
 * The canonical CSV header: which column holds which field. Names are matched case-insensitively;
 * an unknown or repeated name is an error, so a typo never silently drops a value.
 */
final class CsvColumns {

    static final String EDIT_ID = CanonicalFields.EDIT_ID;

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
            String canonical = CanonicalFields.canonical(raw);
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
                    + "columns are " + CanonicalFields.known());
        }
        if (!seen.containsKey(org.kashbridge.model.OrderField.orderID.name())) {
            throw new UnreadableFileException("the header has no orderID column");
        }
        return new CsvColumns(names);
    }

    /** Columns already in canonical names (a layout's output). */
    static CsvColumns ofCanonical(List<String> names) {
        return new CsvColumns(names.toArray(String[]::new));
    }
}
