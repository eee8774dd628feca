package org.kashbridge.csv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kashbridge.pipeline.EditEnvelope;

/**
 * A dropped file after reading: the edits it holds in the order of their first row, or, when the file
 * cannot be read at all, the reason.
 */
public record CsvEditFile(String fileName, List<EditEnvelope> edits, String unreadableReason) {

    public boolean isReadable() {
        return unreadableReason == null;
    }

    /**
     * The edits grouped into lanes, one per order, each in file order: lanes run in parallel
     * (kash.concurrency), the edits of one lane one after another.
     */
    public List<List<EditEnvelope>> getLanes() {
        Map<String, List<EditEnvelope>> lanes = new LinkedHashMap<>();
        for (EditEnvelope e : edits) {
            var orderID = e.getInput().field("orderID");
            String lane = orderID == null ? "edit:" + e.getEditKey() : orderID.text().trim();
            lanes.computeIfAbsent(lane, k -> new ArrayList<>()).add(e);
        }
        return new ArrayList<>(lanes.values());
    }

    static CsvEditFile unreadable(String fileName, String reason) {
        return new CsvEditFile(fileName, List.of(), reason);
    }
}
