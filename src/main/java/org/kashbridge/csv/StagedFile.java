package org.kashbridge.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.kashbridge.core.EditEnvelope;

/**
 * A file after pass one: either the reason it cannot be read at all (then nothing in it is sent), or its
 * rows staged by order, handed out as batches of edits one bucket at a time.
 */
public final class StagedFile implements Closeable {

    private final String fileName;
    private final String fileId;
    private final String unreadableReason;
    private final StagedRows rows;
    private final CsvColumns columns;
    private final boolean explicitKeys;

    StagedFile(String fileName, String fileId, StagedRows rows, CsvColumns columns, boolean explicitKeys) {
        this.fileName = fileName;
        this.fileId = fileId;
        this.unreadableReason = null;
        this.rows = rows;
        this.columns = columns;
        this.explicitKeys = explicitKeys;
    }

    private StagedFile(String fileName, String reason) {
        this.fileName = fileName;
        this.fileId = fileName;
        this.unreadableReason = reason;
        this.rows = null;
        this.columns = null;
        this.explicitKeys = false;
    }

    static StagedFile unreadable(String fileName, String reason) {
        return new StagedFile(fileName, reason);
    }

    public boolean isReadable() {
        return unreadableReason == null;
    }

    public String unreadableReason() {
        return unreadableReason;
    }

    public String fileName() {
        return fileName;
    }

    /** Data rows read (after skipped, ignored and trailer lines). */
    public int rowCount() {
        return rows == null ? 0 : rows.rows();
    }

    public int bucketCount() {
        return rows == null ? 0 : rows.buckets();
    }

    /** The edits bucket by bucket; every edit of an order is in the same batch, in file order. */
    public Iterator<List<EditEnvelope>> batches() {
        int n = rows == null ? 0 : rows.buckets();
        return new Iterator<>() {
            int next;

            @Override
            public boolean hasNext() {
                return next < n;
            }

            @Override
            public List<EditEnvelope> next() {
                if (next >= n) {
                    throw new NoSuchElementException();
                }
                try {
                    List<StagedRows.Staged> bucket = rows.rowsOf(next++);
                    Grouping g = new Grouping(columns, explicitKeys, fileName, bucket.size());
                    for (StagedRows.Staged s : bucket) {
                        g.add(s.editKey(), s.row());
                    }
                    return g.edits(fileId);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    @Override
    public void close() throws IOException {
        if (rows != null) {
            rows.close();
        }
    }
}
