package org.kashbridge.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.kashbridge.core.EditEnvelope;
import org.kashbridge.layout.FieldRule;
import org.kashbridge.layout.Layout;

/**
 * Reads a dropped file into edits, in two passes so that no file is ever held in memory whole. Pass one
 * streams the records through the layout (the canonical CSV of docs/files.md, or an ERP layout) and stages
 * the mapped rows by order; pass two ({@link StagedFile#batches()}) groups each bucket's rows into edits:
 * rows sharing an edit key (editId, else orderID) are one edit even when not adjacent.
 */
public final class CsvEditReader {

    private CsvEditReader() {
    }

    /**
     * Pass one.
     *
     * @param fileName how reports and messages name the file (for layouts: "layout/file.csv")
     * @param workDir where the row buckets of big files are spilled
     * @param batchBytes about how many bytes of file go into one in-memory batch
     */
    public static StagedFile stage(Path path, Layout layout, String fileName, Path workDir, long batchBytes)
            throws IOException {
        return stage(path, layout, fileName, workDir, batchBytes, DEFAULT_MAX_RECORD, null);
    }

    /** The longest record (line, or row with quoted line breaks) when no setting says otherwise. */
    public static final int DEFAULT_MAX_RECORD = 100_000;

    /**
     * Pass one, bounded: a record longer than {@code maxRecord} characters refuses the file before it is held
     * in memory; a file that no longer matches {@code readLocked} once read (written to, cut, replaced) throws
     * {@link FileStamp.ChangedException}, so it is read again whole, later.
     */
    static StagedFile stage(Path path, Layout layout, String fileName, Path workDir, long batchBytes, int maxRecord,
            FileStamp readLocked) throws IOException {
        Decoding decoding = new Decoding(path, layout.charset(), maxRecord);
        char delimiter = layout.delimiter();
        if (layout.isCanonical()) {
            String first;
            try {
                first = firstLine(decoding, layout);
            } catch (UnreadableFileException e) {
                return StagedFile.unreadable(fileName, e.getMessage());
            }
            if (first == null || first.isBlank()) {
                return StagedFile.unreadable(fileName, "the file is empty: expected a header row naming the columns "
                        + "(orderID, payment, ...) and at least one data row");
            }
            delimiter = delimiterOf(first);
        }
        long size = Files.size(path);
        long perBatch = Math.max(1, batchBytes);
        int buckets = (int) Math.min(4096, Math.max(1, size / perBatch + (size % perBatch == 0 ? 0 : 1)));
        StagedRows rows = new StagedRows(buckets, workDir);
        try (RawRecords records = new RawRecords(path, layout, decoding, delimiter)) {
            RowMapper mapper = RowMapper.of(layout, records.header(), records.headerRow(), decoding);
            CsvColumns columns = mapper.columns();
            boolean explicit = mapper.explicitKeys();
            Integer orderIndex = columns.index.get("orderID");
            int keyIndex = Grouping.keyIndex(columns, explicit);
            String previousKey = null;
            String previousEdit = null;
            OneEndedKeys oneEnded = new OneEndedKeys(layout.grouping());
            int read = 0;
            for (RawRecords.Raw raw = records.next(); raw != null; raw = records.next()) {
                read++;
                for (MappedRow row : mapper.map(raw).staged()) {
                    String key = Grouping.keyOf(keyIndex, row);
                    oneEnded.row(row, key);
                    String editKey;
                    if (key == null) {
                        editKey = "(row " + row.row() + ")";
                    } else if (layout.grouping() == Layout.Grouping.KEY) {
                        editKey = key;
                    } else if (layout.grouping() == Layout.Grouping.ADJACENT && key.equals(previousKey)) {
                        editKey = previousEdit;
                    } else {
                        editKey = key + "@" + row.row();
                    }
                    previousKey = key;
                    previousEdit = editKey;
                    String order = row.values() == null || orderIndex == null || row.values()[orderIndex] == null ? null
                            : row.values()[orderIndex].trim();
                    rows.add(order == null || order.isEmpty() ? editKey : order, editKey, row);
                }
            }
            rows.finish();
            oneEnded.finish(rows, keyIndex);
            checkTrailerCount(layout, records.trailer(), read);
            // edits without editId are named by the file's content, never by its name (EditIdentity)
            String digest = digest(path);
            if (readLocked != null) {
                readLocked.unchanged(path, fileName); // both reads saw the file the read lock let through
            }
            return new StagedFile(fileName, digest, rows, columns, explicit);
        } catch (UnreadableFileException e) {
            rows.close();
            return StagedFile.unreadable(fileName, e.getMessage());
        } catch (UncheckedIOException | IllegalStateException e) {
            // commons-csv reports broken quoting this way
            rows.close();
            return StagedFile.unreadable(fileName, "the file is not valid CSV: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            rows.close();
            throw e;
        }
    }

    /** 128 bits of SHA-256 of the file's bytes, in hex. */
    static String digest(Path path) throws IOException {
        java.security.MessageDigest sha = org.kashbridge.core.EditIdentity.sha256();
        try (java.io.InputStream in = Files.newInputStream(path)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
        }
        return java.util.HexFormat.of().formatHex(sha.digest(), 0, 16);
    }

    /**
     * A trailer that states the number of records proves the file arrived whole: a mismatch refuses the
     * file before anything in it is sent.
     */
    private static void checkTrailerCount(Layout layout, List<RawRecords.Raw> trailer, int records) {
        FieldRule rule = layout.trailerCount();
        if (rule == null) {
            return;
        }
        if (trailer.isEmpty()) {
            throw new UnreadableFileException("the file has no trailer line (" + layout.describe() + ", key "
                    + "trailerLines): it may be incomplete");
        }
        RawRecords.Raw last = trailer.get(trailer.size() - 1);
        String text;
        if (layout.type() == Layout.Type.FIXED_WIDTH) {
            text = rule.slice(last.get(0)).strip();
        } else {
            text = rule.position() <= last.size() ? last.get(rule.position() - 1).strip() : "";
        }
        long stated;
        try {
            stated = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UnreadableFileException("the trailer (row " + last.row() + ") holds no record count at "
                    + rule.source() + ", but '" + text + "' (" + layout.describe() + ", key trailerCount)");
        }
        if (stated != records) {
            throw new UnreadableFileException("the trailer (row " + last.row() + ") says " + stated + " records but "
                    + "the file holds " + records + ": the file is incomplete or was cut; nothing in it was sent. "
                    + "Export it again (" + layout.describe() + ", key trailerCount)");
        }
    }

    /** The whole file's edits in memory (tests, benchmarks): canonical layout. */
    public static CsvEditFile read(Path path, String fileName) throws IOException {
        return read(path, fileName, Layout.canonical());
    }

    /** The whole file's edits in memory (tests, benchmarks, small files). */
    public static CsvEditFile read(Path path, String fileName, Layout layout) throws IOException {
        try (StagedFile staged = stage(path, layout, fileName, null, Long.MAX_VALUE)) {
            if (!staged.isReadable()) {
                return CsvEditFile.unreadable(fileName, staged.unreadableReason());
            }
            List<EditEnvelope> edits = new ArrayList<>();
            for (Iterator<List<EditEnvelope>> it = staged.batches(); it.hasNext();) {
                edits.addAll(it.next());
            }
            return new CsvEditFile(fileName, edits, null);
        }
    }

    private static String firstLine(Decoding decoding, Layout layout) throws IOException {
        try (BufferedReader r = new BufferedReader(decoding.boundedReader(layout.quote(), layout.escape(), ','))) {
            String line = r.readLine();
            return line != null && !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
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
}
