package org.kashbridge.csv;

import java.util.ArrayList;
import java.util.List;

import org.kashbridge.layout.Layout;
import org.kashbridge.validate.FieldError;

/** Turns the raw records of one file into canonical rows; one per file, bound to its header. */
abstract class RowMapper {

    final Decoding decoding;

    RowMapper(Decoding decoding) {
        this.decoding = decoding;
    }

    abstract CsvColumns columns();

    abstract MappedRow map(RawRecords.Raw raw);

    /**
     * The key columns (orderID, and editId when the file has it) of a row that cannot be split into the
     * header's columns, read from where they would be, counting from the left or from the right end of the row;
     * null when one of them cannot be read that way.
     */
    abstract String[] keysOf(RawRecords.Raw raw, boolean fromRight);

    /**
     * A row with more or fewer values than the header: none of its values can be trusted to be in its
     * column, so it is never taken as a line. The edit it belongs to is refused whole, so that an order is never
     * sent with a line left out. Its key is read where the key column would be counting from the left (right when
     * the value lost or added lies after it) and from the right (right when it lies before): when the two readings
     * differ, the edits of both are refused (or, where adjacent rows make an edit, the whole file: which rows
     * follow which edit cannot be told); when neither can be read, any edit of the file may be the incomplete
     * one, and the whole file is refused.
     */
    final MappedRow unsplit(RawRecords.Raw raw, String problem, org.kashbridge.layout.Layout.Grouping grouping) {
        String keyColumn = explicitKeys() ? CsvColumns.EDIT_ID : "orderID";
        String[] left = keysOf(raw, false);
        String[] right = keysOf(raw, true);
        String l = keyOf(left, keyColumn);
        String r = keyOf(right, keyColumn);
        if (l == null && r == null) {
            throw new UnreadableFileException("row " + raw.row() + " " + problem + ", and its " + keyColumn
                    + " cannot be read either: any edit of the file may be the one missing this row's line, so "
                    + "nothing in the file was sent. Correct the row and drop the file again");
        }
        if (l == null || r == null || java.util.Arrays.equals(left, right)) {
            String[] keys = l != null ? left : right;
            // read from one end only: the file's reader checks that another row has this key (CsvEditReader)
            String oneEnd = l == null ? "right" : r == null ? "left" : null;
            return new MappedRow(raw.row(), keys, List.of(new FieldError("row " + raw.row(), null, problem
                    + ": the row cannot be read, so the whole edit of " + keyColumn + " '" + (l != null ? l : r)
                    + "' (read where the " + keyColumn + " column would be) is refused and none of its lines is "
                    + "sent")), null, new MappedRow.Unsplit(problem, keyColumn, oneEnd));
        }
        if (grouping == org.kashbridge.layout.Layout.Grouping.ADJACENT) {
            throw new UnreadableFileException("row " + raw.row() + " " + problem + ", and its " + keyColumn
                    + " reads '" + l + "' counting from the left but '" + r + "' counting from the right: which "
                    + "edit it and the rows after it belong to cannot be told, so nothing in the file was sent. "
                    + "Correct the row and drop the file again");
        }
        String both = problem + ": the row cannot be read, and its " + keyColumn + " reads '" + l + "' counting "
                + "from the left but '" + r + "' counting from the right, so the whole edits of both are refused "
                + "and none of their lines is sent";
        List<FieldError> errors = List.of(new FieldError("row " + raw.row(), null, both));
        MappedRow.Unsplit unsplit = new MappedRow.Unsplit(problem, keyColumn, null);
        return new MappedRow(raw.row(), null, errors, List.of(new MappedRow(raw.row(), left, errors, null, unsplit),
                new MappedRow(raw.row(), right, errors, null, unsplit)), unsplit);
    }

    private String keyOf(String[] keys, String keyColumn) {
        Integer at = columns().index.get(keyColumn);
        if (keys == null || at == null || keys[at] == null) {
            return null;
        }
        String k = keys[at].strip();
        return k.isEmpty() ? null : k;
    }

    /** True when rows name their edit with editId (a key chosen by the sender, not derived from the file). */
    boolean explicitKeys() {
        return columns().has(CsvColumns.EDIT_ID);
    }

    static RowMapper of(Layout layout, List<String> header, int headerRow, Decoding decoding) {
        if (header != null) {
            for (String h : header) {
                if (decoding.undecodable(h)) {
                    throw new UnreadableFileException("the header row (row " + headerRow + ") is not valid "
                            + decoding.charset().name() + ": " + (layout.isCanonical() ? "save the file as UTF-8"
                                    : layout.describe() + " declares charset " + decoding.charset().name()
                                            + "; is the file saved in another charset?"));
                }
            }
        }
        return layout.isCanonical() ? new Canonical(header, decoding) : new LayoutRowMapper(layout, header, decoding);
    }

    /** "contains bytes that are not valid UTF-8 ..." for a value of the given source. */
    String undecodableMessage(String source, Layout layout) {
        String cs = decoding.charset().name();
        return (source == null ? "" : source + " ") + "contains bytes that are not valid " + cs
                + (layout == null || layout.isCanonical() ? " (save the file as " + cs + ")"
                        : " (" + layout.describe() + " declares charset " + cs + "; is the file saved in another "
                                + "charset?)");
    }

    /** The canonical CSV: the header names canonical columns, values are taken as they are. */
    static final class Canonical extends RowMapper {
        private final CsvColumns columns;

        Canonical(List<String> header, Decoding decoding) {
            super(decoding);
            if (header == null) {
                throw new UnreadableFileException("the file is empty: expected a header row naming the columns "
                        + "(orderID, payment, ...) and at least one data row");
            }
            this.columns = CsvColumns.of(header);
        }

        @Override
        CsvColumns columns() {
            return columns;
        }

        @Override
        String[] keysOf(RawRecords.Raw raw, boolean fromRight) {
            String[] keys = new String[columns.names.length];
            for (String k : List.of("orderID", CsvColumns.EDIT_ID)) {
                Integer column = columns.index.get(k);
                if (column == null) {
                    continue;
                }
                int i = fromRight ? raw.size() - (columns.names.length - column) : column;
                if (i < 0 || i >= raw.size() || raw.get(i).isBlank() || decoding.undecodable(raw.get(i))) {
                    return null;
                }
                keys[column] = raw.get(i).strip();
            }
            return keys;
        }

        @Override
        MappedRow map(RawRecords.Raw raw) {
            String[] values = raw.values();
            if (values.length != columns.names.length) {
                return unsplit(raw, "has " + values.length + " values but the header has " + columns.names.length
                        + " columns (check the delimiter and the quoting)", org.kashbridge.layout.Layout.Grouping.KEY);
            }
            List<FieldError> errors = List.of();
            for (int i = 0; i < values.length; i++) {
                if (decoding.undecodable(values[i])) {
                    if (errors.isEmpty()) {
                        errors = new ArrayList<>(1);
                    }
                    errors.add(new FieldError("row " + raw.row(), columns.names[i], undecodableMessage(null, null)));
                }
            }
            return new MappedRow(raw.row(), values, errors);
        }
    }
}
