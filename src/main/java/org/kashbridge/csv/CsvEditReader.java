package org.kashbridge.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.kashbridge.csv.CsvColumns.LineColumn;
import org.kashbridge.pipeline.EditEnvelope;
import org.kashbridge.pipeline.EditSource;
import org.kashbridge.validate.EditInput;
import org.kashbridge.validate.FieldError;
import org.kashbridge.validate.LineInput;
import org.kashbridge.validate.OrderField;

/**
 * Reads a canonical order-edit CSV (see README "CSV format"): header required, `,` or `;` detected
 * from the header, UTF-8 with or without BOM, RFC 4180 quoting. Rows sharing an edit key (editId, else
 * orderID) become one edit even when not adjacent; edits come out in the order of their first row.
 * Row numbers are spreadsheet rows: the header is row 1.
 */
public final class CsvEditReader {

    private static final char BOM = '\uFEFF';
    private static final char REPLACEMENT = '\uFFFD';

    private CsvEditReader() {
    }

    public static CsvEditFile read(Path path, String fileName) throws IOException {
        // Undecodable bytes become U+FFFD so the other rows can still be read; rows holding one are rejected.
        // Whether the file is valid UTF-8 is checked (a second pass) only once a U+FFFD shows up.
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(path),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16)) {
            reader.mark(1);
            if (reader.read() != BOM) {
                reader.reset();
            }
            reader.mark(1 << 16);
            String firstLine = reader.readLine();
            reader.reset();
            if (firstLine == null || firstLine.isBlank()) {
                return CsvEditFile.unreadable(fileName, "the file is empty: expected a header row naming the columns "
                        + "(orderID, payment, ...) and at least one data row");
            }
            char delimiter = delimiterOf(firstLine);
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
            try (CSVParser parser = CSVParser.parse(reader, format)) {
                return new Grouping(fileName, path).readAll(parser);
            } catch (UnreadableFileException e) {
                return CsvEditFile.unreadable(fileName, e.getMessage());
            } catch (java.io.UncheckedIOException | IllegalStateException e) {
                // commons-csv reports broken quoting this way
                return CsvEditFile.unreadable(fileName, "the file is not valid CSV: " + e.getMessage());
            }
        }
    }

    /** `;` when the header has more semicolons than commas outside quotes, else `,`. */
    static char delimiterOf(String headerLine) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    /** Groups rows into edits. Holds the rows of the file in memory: fine for ERP drops of normal size. */
    private static final class Grouping {
        private final String fileName;
        private final Path path;
        private Boolean validUtf8;
        private final Map<String, Group> groups = new LinkedHashMap<>();
        private CsvColumns columns;
        private boolean[] orderLevel;

        Grouping(String fileName, Path path) {
            this.fileName = fileName;
            this.path = path;
        }

        /** True when a value holds U+FFFD that came from undecodable bytes (not from the file's own text). */
        private boolean undecodable(String value) {
            if (value.indexOf(REPLACEMENT) < 0) {
                return false;
            }
            if (validUtf8 == null) {
                try {
                    validUtf8 = Utf8.isValid(path);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return !validUtf8;
        }

        CsvEditFile readAll(CSVParser parser) {
            for (CSVRecord record : parser) {
                int row = (int) record.getRecordNumber();
                List<String> values = record.toList();
                if (columns == null) {
                    for (String v : values) {
                        if (undecodable(v)) {
                            throw new UnreadableFileException("the header row is not valid UTF-8: save the file as UTF-8");
                        }
                    }
                    columns = CsvColumns.of(values);
                    orderLevel = new boolean[columns.names.length];
                    for (int i = 0; i < orderLevel.length; i++) {
                        orderLevel[i] = isOrderLevel(columns.names[i]);
                    }
                    continue;
                }
                row(row, values);
            }
            if (columns == null) {
                throw new UnreadableFileException("the file is empty: expected a header row and data rows");
            }
            List<EditEnvelope> edits = new ArrayList<>(groups.size());
            boolean editIds = columns.has(CsvColumns.EDIT_ID);
            for (Group g : groups.values()) {
                EditEnvelope e = g.toEnvelope(fileName);
                // editId names the edit for good; otherwise the file name and the edit key do (README: guarantees)
                edits.add(editIds ? e.withIdempotencyKey("editId:" + g.key, true)
                        : e.withIdempotencyKey("file:" + fileName + "#" + g.key, false));
            }
            return new CsvEditFile(fileName, edits, null);
        }

        private void row(int row, List<String> values) {
            String where = "row " + row;
            String key = null;
            boolean hasEditId = columns.has(CsvColumns.EDIT_ID);
            String keyColumn = hasEditId ? CsvColumns.EDIT_ID : OrderField.orderID.name();
            if (values.size() == columns.names.length) {
                key = value(values, keyColumn);
            }
            Group group = groups.computeIfAbsent(key == null ? "(" + where + ")" : key, k -> new Group(k));
            group.rows.add(row);
            if (values.size() != columns.names.length) {
                group.input.error(new FieldError(where, null, "has " + values.size() + " values but the header has "
                        + columns.names.length + " columns (check the delimiter and the quoting)"));
                return;
            }
            if (key == null) {
                group.input.error(new FieldError(where, keyColumn, "is empty: every row needs its " + keyColumn));
                return;
            }
            // A row with undecodable bytes rejects its edit; the row is still read so the report shows the rest.
            for (int i = 0; i < values.size(); i++) {
                if (undecodable(values.get(i))) {
                    group.input.error(new FieldError(where, columns.names[i],
                            "contains bytes that are not valid UTF-8 (save the file as UTF-8)"));
                }
            }
            for (int i = 0; i < values.size(); i++) {
                String name = columns.names[i];
                if (orderLevel[i]) {
                    String v = values.get(i).trim();
                    if (!v.isEmpty()) {
                        group.offer(name, v, row, where);
                    }
                }
            }
            line(group, where, values);
        }

        private void line(Group group, String where, List<String> values) {
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

        private static boolean isOrderLevel(String name) {
            return OrderField.byNameIgnoreCase(name) != null || name.startsWith("client.");
        }

        /** Trimmed value of a column, null when the column is absent or the value empty. */
        private String value(List<String> values, String column) {
            String v = rawValue(values, column);
            if (v == null) {
                return null;
            }
            v = v.trim();
            return v.isEmpty() ? null : v;
        }

        private String rawValue(List<String> values, String column) {
            Integer i = columns.index.get(column);
            return i == null ? null : values.get(i);
        }
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
            EditInput.Value first = input.field(field);
            if (first == null) {
                input.put(field, value, where);
            }
            given.computeIfAbsent(field, f -> new ArrayList<>()).add(new RowValue(row, value));
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
