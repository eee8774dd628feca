package org.kashbridge.csv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kashbridge.core.EditEnvelope;

/**
 * Edits grouped into lanes, one per order, each in file order: lanes run in parallel (three per
 * kash.concurrency call slot), the edits of one lane one after another.
 */
final class Lanes {

    private Lanes() {
    }

    static List<List<EditEnvelope>> of(List<EditEnvelope> edits) {
        Map<String, List<EditEnvelope>> lanes = new LinkedHashMap<>();
        for (EditEnvelope e : edits) {
            var orderID = e.getInput().field("orderID");
            String lane = orderID == null ? "edit:" + e.getEditKey() : orderID.text().trim();
            lanes.computeIfAbsent(lane, k -> new ArrayList<>()).add(e);
        }
        return new ArrayList<>(lanes.values());
    }
}
