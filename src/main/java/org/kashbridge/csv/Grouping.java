package org.kashbridge.csv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.kashbridge.csv.CanonicalFields.LineColumn;
import org.kashbridge.pipeline.EditEnvelope;
import org.kashbridge.pipeline.EditSource;
import org.kashbridge.validate.EditInput;
import org.kashbridge.validate.FieldError;
import org.kashbridge.validate.LineInput;

/**
 * Pass two: groups the staged rows of one bucket into edits (rows sharing an edit key, wherever they are),
 * in the order of each edit's first row. Order-level values given on several rows must agree.
 */
final class Grouping {

    private final CsvColumns columns;
    private final boolean[] orderLevel;
    private final String keyColumn;
    private final boolean explicitKeys;
    private final String fileName;
    private final Map<String, Group> groups = new LinkedHashMap<>();

    Grouping(CsvColumns columns, boolean explicitKeys, String fileName) {
        this.columns = columns;
        this.explicitKeys = explicitKeys;
        this.keyColumn = explicitKeys ? CsvColumns.EDIT_ID : "orderID";
        this.fileName = fileName;
        orderLevel = new boolean[columns.names.length];
        for (int i = 0; i < orderLevel.length; i++) {
            orderLevel[i] = CanonicalFields.isOrderLevel(columns.names[i]);
        }
    }

    /** The edit key of a row (editId, else orderID), null when it has none. */
    static String keyOf(CsvColumns columns, boolean explicitKeys, MappedRow row) {
        if (row.values() == null) {
            return null;
        }
        Integer i = columns.index.get(explicitKeys ? CsvColumns.EDIT_ID : "orderID");
        if (i == null || row.values()[i] == null) {
            return null;
        }
        String v = row.values()[i].trim();
        return v.isEmpty() ? null : v;
    }

    void add(String editKey, MappedRow mapped) {
        int row = mapped.row();
        String where = "row " + row;
        Group group = groups.computeIfAbsent(editKey, Group::new);
        group.rows.add(row);
        for (FieldError e : mapped.errors()) {
            group.input.error(e);
        }
        String[] values = mapped.values();
        if (values == null) {
            return;
        }
        if (keyOf(columns, explicitKeys, mapped) == null) {
            if (mapped.errors().stream().noneMatch(e -> keyColumn.equals(e.field()))) {
                group.input.error(new FieldError(where, keyColumn, "is empty: every row needs its " + keyColumn));
            }
            return;
        }
        for (int i = 0; i < values.length; i++) {
            if (orderLevel[i] && values[i] != null) {
                String v = values[i].trim();
                if (!v.isEmpty()) {
                    group.offer(columns.names[i], v, row, where);
                }
            }
        }
        line(group, where, values);
    }

    /** The edits of the rows added so far, in the order of their first row; idempotency keys set. */
    List<EditEnvelope> edits(String fileId) {
        List<EditEnvelope> edits = new ArrayList<>(groups.size());
        for (Group g : groups.values()) {
            EditEnvelope e = g.toEnvelope(fileName);
            // editId names the edit for good; otherwise the file and the edit key do (README: guarantees)
            edits.add(explicitKeys ? e.withIdempotencyKey("editId:" + g.key, true)
                    : e.withIdempotencyKey("file:" + fileId + "#" + g.key, false));
        }
        return edits;
    }

    private void line(Group group, String where, String[] values) {
        String token = value(values, LineColumn.item.name());
        String type = value(values, LineColumn.itemType.name());
        String id = value(values, LineColumn.itemId.name());
        String quantity = value(values, LineColumn.quantity.name());
        String title = rawValue(values, LineColumn.title.name());
        String price = value(values, LineColumn.price.name());
        String variations = value(values, LineColumn.variations.name());
        boolean typedParts = type != null || id != null || quantity != null || price != null || variations != null
                || (title != null && !title.isBlank());
        if (token == null && !typedParts) {
            return; // an order-level row
        }
        if (token != null && typedParts) {
            group.input.error(new FieldError(where, LineColumn.item.name(), "give either item (a raw Kash token) "
                    + "or itemType with itemId/quantity/title/price/variations on a row, not both"));
            return;
        }
        if (token != null) {
            group.input.line(LineInput.ofToken(where, token));
            return;
        }
        List<String> vars = variations == null ? List.of() : List.of(variations.split("\\|", -1));
        group.input.line(new LineInput(where, null, type, id, quantity, title, price, vars));
    }

    /** Trimmed value of a column, null when the column is absent or the value empty. */
    private String value(String[] values, String column) {
        String v = rawValue(values, column);
        if (v == null) {
            return null;
        }
        v = v.trim();
        return v.isEmpty() ? null : v;
    }

    private String rawValue(String[] values, String column) {
        Integer i = columns.index.get(column);
        return i == null ? null : values[i];
    }

    private record RowValue(int row, String value) {
    }

    /** The rows of one edit. */
    private static final class Group {
        final String key;
        final List<Integer> rows = new ArrayList<>();
        final EditInput input = new EditInput();
        /** Every non-empty order-level value given, per field, to find conflicts. */
        final Map<String, List<RowValue>> given = new LinkedHashMap<>();

        Group(String key) {
            this.key = key;
        }

        void offer(String field, String value, int row, String where) {
            if (input.field(field) == null) {
                input.put(field, value, where);
            }
            given.computeIfAbsent(field, f -> new ArrayList<>(2)).add(new RowValue(row, value));
        }

        EditEnvelope toEnvelope(String fileName) {
            for (Map.Entry<String, List<RowValue>> e : given.entrySet()) {
                List<RowValue> vs = e.getValue();
                boolean conflict = false;
                for (RowValue v : vs) {
                    conflict |= !v.value().equals(vs.get(0).value());
                }
                if (conflict) {
                    String parts = vs.stream().map(v -> "row " + v.row() + " '" + v.value() + "'")
                            .collect(Collectors.joining(", "));
                    String where = "rows " + vs.stream().map(v -> String.valueOf(v.row())).distinct()
                            .collect(Collectors.joining(", "));
                    input.error(new FieldError(where, e.getKey(), "conflicting values in one edit: " + parts
                            + "; the rows of one edit must agree on order-level fields"));
                }
            }
            StringBuilder detail = new StringBuilder(rows.size() == 1 ? "row " : "rows ");
            for (int i = 0; i < rows.size(); i++) {
                detail.append(i == 0 ? "" : ", ").append(rows.get(i));
            }
            return new EditEnvelope(key, new EditSource("file", fileName, detail.toString()), input, rows);
        }
    }
}
