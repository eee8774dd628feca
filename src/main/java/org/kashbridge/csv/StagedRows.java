package org.kashbridge.csv;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.kashbridge.validate.FieldError;

/**
 * Pass one of a file: its mapped rows partitioned into buckets by order, so that pass two can group the
 * rows of one bucket in memory while every row of an order (adjacent or not) is in the same bucket. One
 * bucket stays in memory; several are spilled to files in a work folder, which is how a million-line
 * file is grouped with a small heap.
 */
final class StagedRows implements Closeable {

    /** A mapped row with the edit it belongs to. */
    record Staged(String editKey, MappedRow row) {
    }

    private final int buckets;
    private final Path dir;
    private final List<Staged> memory;
    private final DataOutputStream[] out;
    private int rows;

    /** @param dir where spill files go (created when needed); unused with one bucket */
    StagedRows(int buckets, Path dir) throws IOException {
        this.buckets = buckets;
        this.dir = dir;
        if (buckets == 1) {
            memory = new ArrayList<>();
            out = null;
        } else {
            memory = null;
            Files.createDirectories(dir);
            out = new DataOutputStream[buckets];
            for (int i = 0; i < buckets; i++) {
                out[i] = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(bucket(i)), 1 << 15));
            }
        }
    }

    int buckets() {
        return buckets;
    }

    int rows() {
        return rows;
    }

    void add(String lane, String editKey, MappedRow row) throws IOException {
        rows++;
        if (memory != null) {
            memory.add(new Staged(editKey, row));
            return;
        }
        DataOutputStream o = out[Math.floorMod(lane.hashCode(), buckets)];
        o.writeInt(row.row());
        writeString(o, editKey);
        String[] values = row.values();
        o.writeInt(values == null ? -1 : values.length);
        if (values != null) {
            for (String v : values) {
                writeString(o, v);
            }
        }
        o.writeInt(row.errors().size());
        for (FieldError e : row.errors()) {
            writeString(o, e.where());
            writeString(o, e.field());
            writeString(o, e.message());
        }
    }

    /** Ends pass one. */
    void finish() throws IOException {
        if (out != null) {
            for (DataOutputStream o : out) {
                o.close();
            }
        }
    }

    /** The rows of one bucket in file order, handed out once: its spill file is gone afterwards. */
    List<Staged> rowsOf(int index) throws IOException {
        if (memory != null) {
            return memory;
        }
        List<Staged> rowsOf = read(index);
        Files.deleteIfExists(bucket(index));
        return rowsOf;
    }

    /** Every row staged, bucket by bucket, left in place for pass two (after {@link #finish()}). */
    void scan(java.util.function.Consumer<Staged> each) throws IOException {
        if (memory != null) {
            memory.forEach(each);
            return;
        }
        for (int i = 0; i < buckets; i++) {
            read(i).forEach(each);
        }
    }

    private List<Staged> read(int index) throws IOException {
        List<Staged> rowsOf = new ArrayList<>();
        Path file = bucket(index);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 15))) {
            while (true) {
                int row;
                try {
                    row = in.readInt();
                } catch (EOFException end) {
                    break;
                }
                String key = readString(in);
                int n = in.readInt();
                String[] values = null;
                if (n >= 0) {
                    values = new String[n];
                    for (int i = 0; i < n; i++) {
                        values[i] = readString(in);
                    }
                }
                int errors = in.readInt();
                List<FieldError> errs = new ArrayList<>(errors);
                for (int i = 0; i < errors; i++) {
                    errs.add(new FieldError(readString(in), readString(in), readString(in)));
                }
                rowsOf.add(new Staged(key, new MappedRow(row, values, errs)));
            }
        }
        return rowsOf;
    }

    private Path bucket(int i) {
        return dir.resolve("bucket-" + i + ".rows");
    }

    private static void writeString(DataOutputStream o, String s) throws IOException {
        if (s == null) {
            o.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        o.writeInt(b.length);
        o.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = in.readNBytes(n);
        return new String(b, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            for (DataOutputStream o : out) {
                o.close();
            }
            for (int i = 0; i < buckets; i++) {
                Files.deleteIfExists(bucket(i));
            }
        }
    }
}
