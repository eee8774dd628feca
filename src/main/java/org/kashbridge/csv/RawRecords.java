package org.kashbridge.csv;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.kashbridge.layout.Layout;

/**
 * Streams the records of a file as its layout describes them (charset, byte-order mark, lines to skip,
 * header, trailer lines, ignored lines), one at a time: the file is never held in memory. A delimited
 * record is its values; a fixed-width record is its one line. Row numbers count as a spreadsheet does:
 * the first line of the file is row 1.
 */
final class RawRecords implements Closeable {

    /** One record: its row number and values (a fixed-width record has one value, the line). */
    record Raw(int row, String[] values) {
        int size() {
            return values.length;
        }

        String get(int i) {
            return values[i];
        }
    }

    private final BufferedReader reader;
    private final Layout layout;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final ArrayDeque<Raw> held = new ArrayDeque<>();
    private final List<String> header;
    private int lineNumber;
    private boolean exhausted;

    /**
     * @param delimiter the delimiter to use (the layout's, or the one the canonical reader detected)
     */
    RawRecords(Path file, Layout layout, Decoding decoding, char delimiter) throws IOException {
        this.layout = layout;
        this.reader = new BufferedReader(decoding.boundedReader(
                layout.type() == Layout.Type.DELIMITED ? layout.quote() : null,
                layout.type() == Layout.Type.DELIMITED ? layout.escape() : null, delimiter), 1 << 16);
        try {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            for (int i = 0; i < layout.skipLines(); i++) {
                if (reader.readLine() == null) {
                    break;
                }
                lineNumber++;
            }
            if (layout.type() == Layout.Type.DELIMITED) {
                CSVFormat.Builder format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                        .setQuote(layout.quote()).setEscape(layout.escape());
                parser = CSVParser.parse(reader, format.get());
                records = parser.iterator();
                Raw first = layout.header() ? nextDelimited(false) : null;
                header = first == null ? null : List.of(first.values());
            } else {
                parser = null;
                records = null;
                header = null;
            }
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** The header row's values; null when the layout has none or the file is empty. */
    List<String> header() {
        return header;
    }

    /** Row number of the header (for messages). */
    int headerRow() {
        return layout.skipLines() + 1;
    }

    /** The next record, or null at the end (trailer lines held back and dropped). */
    Raw next() throws IOException {
        while (held.size() <= layout.trailerLines()) {
            Raw r = layout.type() == Layout.Type.DELIMITED ? nextDelimited(true) : nextLine();
            if (r == null) {
                exhausted = true;
                break;
            }
            held.addLast(r);
        }
        if (exhausted && held.size() <= layout.trailerLines()) {
            return null;
        }
        return held.pollFirst();
    }

    /** The trailer records dropped at the end (available once {@link #next()} returned null). */
    List<Raw> trailer() {
        return List.copyOf(held);
    }

    private Raw nextDelimited(boolean data) {
        while (records.hasNext()) {
            CSVRecord rec = records.next();
            // the record's own array (no copy; the record is dropped here): toList() goes through a stream
            String[] values = rec.values();
            int row = layout.skipLines() + (int) rec.getRecordNumber();
            if (data && layout.ignoreLines() != null
                    && layout.ignoreLines().matcher(String.join(String.valueOf(layout.delimiter()), values)).find()) {
                continue;
            }
            return new Raw(row, values);
        }
        return null;
    }

    private Raw nextLine() throws IOException {
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank() || (layout.ignoreLines() != null && layout.ignoreLines().matcher(line).find())) {
                continue;
            }
            return new Raw(lineNumber, new String[] {line});
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        if (parser != null) {
            parser.close();
        }
        reader.close();
    }
}
