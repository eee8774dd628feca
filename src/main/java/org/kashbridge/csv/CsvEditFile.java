package org.kashbridge.csv;

import java.util.List;

import org.kashbridge.core.EditEnvelope;

/**
 * A dropped file after reading: the edits it holds in the order of their first row, or, when the file
 * cannot be read at all, the reason.
 */
public record CsvEditFile(String fileName, List<EditEnvelope> edits, String unreadableReason) {

    public boolean isReadable() {
        return unreadableReason == null;
    }

    /** The edits in lanes, one per order (see {@link Lanes}). */
    public List<List<EditEnvelope>> getLanes() {
        return Lanes.of(edits);
    }

    static CsvEditFile unreadable(String fileName, String reason) {
        return new CsvEditFile(fileName, List.of(), reason);
    }
}
