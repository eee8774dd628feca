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
        MappedRow map(RawRecords.Raw raw) {
            String[] values = raw.values();
            if (values.length != columns.names.length) {
                return new MappedRow(raw.row(), null, List.of(new FieldError("row " + raw.row(), null, "has "
                        + values.length + " values but the header has " + columns.names.length + " columns (check "
                        + "the delimiter and the quoting)")));
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
