package org.kashbridge.csv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.kashbridge.core.EditEnvelope;
import org.kashbridge.core.EditIdentity;
import org.kashbridge.core.EditSource;
import org.kashbridge.layout.CanonicalFields;
import org.kashbridge.layout.CanonicalFields.LineColumn;
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
    private final int keyIndex;
    private final String keyColumn;
    private final boolean explicitKeys;
    private final String fileName;
    private final Map<String, Group> groups;
    /** Index of each line column in the row, -1 when the file has no such column. */
    private final int item;
    private final int itemType;
    private final int itemId;
    private final int quantity;
    private final int title;
    private final int price;
    private final int variations;

    /** @param rows how many rows will be added: the map of edits is sized once, never rehashed */
    Grouping(CsvColumns columns, boolean explicitKeys, String fileName, int rows) {
        this.columns = columns;
        this.groups = new LinkedHashMap<>(Math.max(16, rows + rows / 3 + 1));
        this.explicitKeys = explicitKeys;
        this.keyColumn = explicitKeys ? CsvColumns.EDIT_ID : "orderID";
        this.fileName = fileName;
        keyIndex = keyIndex(columns, explicitKeys);
        orderLevel = new boolean[columns.names.length];
        for (int i = 0; i < orderLevel.length; i++) {
            orderLevel[i] = CanonicalFields.isOrderLevel(columns.names[i]);
        }
        item = indexOf(LineColumn.item);
        itemType = indexOf(LineColumn.itemType);
        itemId = indexOf(LineColumn.itemId);
        quantity = indexOf(LineColumn.quantity);
        title = indexOf(LineColumn.title);
        price = indexOf(LineColumn.price);
        variations = indexOf(LineColumn.variations);
    }

    private int indexOf(LineColumn c) {
        Integer i = columns.index.get(c.name());
        return i == null ? -1 : i;
    }

    /** The column holding the edit key (editId, else orderID), -1 when there is none. */
    static int keyIndex(CsvColumns columns, boolean explicitKeys) {
        Integer i = columns.index.get(explicitKeys ? CsvColumns.EDIT_ID : "orderID");
        return i == null ? -1 : i;
    }

    /** The edit key of a row, null when it has none. */
    static String keyOf(int keyIndex, MappedRow row) {
        if (row.values() == null || keyIndex < 0 || row.values()[keyIndex] == null) {
            return null;
        }
        String v = row.values()[keyIndex].trim();
        return v.isEmpty() ? null : v;
    }

    void add(String editKey, MappedRow mapped) {
        int row = mapped.row();
        String where = "row " + row;
        Group group = groups.computeIfAbsent(editKey, k -> new Group(k, columns.names.length));
        group.rows.add(row);
        for (FieldError e : mapped.errors()) {
            group.input.error(e);
        }
        String[] values = mapped.values();
        if (values == null) {
            return;
        }
        if (keyOf(keyIndex, mapped) == null) {
            if (mapped.errors().stream().noneMatch(e -> keyColumn.equals(e.field()))) {
                group.input.error(new FieldError(where, keyColumn, "is empty: every row needs its " + keyColumn));
            }
            return;
        }
        for (int i = 0; i < values.length; i++) {
            // the rows of one edit share its key by construction: the key column cannot conflict
            if (orderLevel[i] && values[i] != null && (i != keyIndex || group.given[i] == null)) {
                String v = values[i].trim();
                if (!v.isEmpty()) {
                    group.offer(i, columns.names[i], v, row, where);
                }
            }
        }
        line(group, where, values);
    }

    /** The edits of the rows added so far, in the order of their first row; ledger keys set ({@link EditIdentity}). */
    List<EditEnvelope> edits(String fileId) {
        List<EditEnvelope> edits = new ArrayList<>(groups.size());
        for (Group g : groups.values()) {
            EditEnvelope e = g.toEnvelope(fileName);
            edits.add(e.withIdentity(explicitKeys ? EditIdentity.editId(g.key) : EditIdentity.fileEdit(fileId, g.key)));
        }
        return edits;
    }

    private void line(Group group, String where, String[] values) {
        String token = value(values, item);
        String type = value(values, itemType);
        String id = value(values, itemId);
        String qty = value(values, quantity);
        String name = title < 0 ? null : values[title];
        String amount = value(values, price);
        String vars = value(values, variations);
        boolean typedParts = type != null || id != null || qty != null || amount != null || vars != null
                || (name != null && !name.isBlank());
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
        List<String> variationIds = vars == null ? List.of() : List.of(vars.split("\\|", -1));
        group.input.line(new LineInput(where, null, type, id, qty, name, amount, variationIds));
    }

    /** Trimmed value of a column, null when the column is absent or the value empty. */
    private static String value(String[] values, int column) {
        if (column < 0 || values[column] == null) {
            return null;
        }
        String v = values[column].trim();
        return v.isEmpty() ? null : v;
    }

    /**
     * The values one order-level field was given on the rows of an edit: the first, the rows that
     * repeat it, and any different ones (a conflict). Rows repeating the first value, the usual case,
     * cost one int each.
     */
    private static final class FieldValues {
        final String first;
        /** The rows giving the first value: the first of them, then the others (an array only once needed). */
        final int firstRow;
        int[] sameRows;
        int same;
        List<Integer> otherRows;
        List<String> otherValues;

        FieldValues(String first, int row) {
            this.first = first;
            this.firstRow = row;
        }

        void add(String value, int row) {
            if (value.equals(first)) {
                if (sameRows == null) {
                    sameRows = new int[4];
                } else if (same == sameRows.length) {
                    sameRows = java.util.Arrays.copyOf(sameRows, same * 2);
                }
                sameRows[same++] = row;
            } else {
                if (otherRows == null) {
                    otherRows = new ArrayList<>();
                    otherValues = new ArrayList<>();
                }
                otherRows.add(row);
                otherValues.add(value);
            }
        }

        boolean conflict() {
            return otherRows != null;
        }

        /** Every row with its value, in row order: "row 2 '-2', row 5 '3'". */
        String describe() {
            java.util.TreeMap<Integer, String> all = new java.util.TreeMap<>();
            all.put(firstRow, first);
            for (int i = 0; i < same; i++) {
                all.put(sameRows[i], first);
            }
            for (int i = 0; i < otherRows.size(); i++) {
                all.put(otherRows.get(i), otherValues.get(i));
            }
            return all.entrySet().stream().map(e -> "row " + e.getKey() + " '" + e.getValue() + "'")
                    .collect(Collectors.joining(", "));
        }

        String rows() {
            java.util.TreeSet<Integer> all = new java.util.TreeSet<>();
            all.add(firstRow);
            for (int i = 0; i < same; i++) {
                all.add(sameRows[i]);
            }
            all.addAll(otherRows);
            return "rows " + all.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
    }

    /** The rows of one edit. */
    private static final class Group {
        final String key;
        final List<Integer> rows = new ArrayList<>();
        final EditInput input = new EditInput();
        /** Every non-empty order-level value given, per column, to find conflicts. */
        final FieldValues[] given;
        final String[] names;

        Group(String key, int columns) {
            this.key = key;
            this.given = new FieldValues[columns];
            this.names = new String[columns];
        }

        void offer(int column, String field, String value, int row, String where) {
            FieldValues v = given[column];
            if (v == null) {
                input.put(field, value, where);
                given[column] = new FieldValues(value, row);
                names[column] = field;
            } else {
                v.add(value, row);
            }
        }

        EditEnvelope toEnvelope(String fileName) {
            for (int i = 0; i < given.length; i++) {
                FieldValues vs = given[i];
                if (vs != null && vs.conflict()) {
                    input.error(new FieldError(vs.rows(), names[i], "conflicting values in one edit: "
                            + vs.describe() + "; the rows of one edit must agree on order-level fields"));
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
