package org.kashbridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.kashbridge.bench.EditGenerator;
import org.kashbridge.simulator.KashSimulator;
import org.kashbridge.support.Inbox;

/**
 * A file bigger than one batch (the test profile's kash.inbox.batch-bytes is 64 KB), its edits' rows far
 * apart: staged on disk, every edit reaches Kash exactly once with its lines in file order, and the
 * report lists every edit in file order.
 */
@QuarkusTest
class BigFileTest {

    @Inject
    KashSimulator simulator;

    @Test
    void stagedFileSendsEveryEditOnceWithItsLinesInOrder() {
        List<EditGenerator.Edit> edits = EditGenerator.edits(11, 2_500, 3, 0.2, 77_000_000);
        String csv = EditGenerator.csvInterleaved(edits, 500);
        assertTrue(csv.length() > 2 * 65_536, "bytes: " + csv.length());
        Inbox.drop("big.csv", csv);
        List<CSVRecord> report = Inbox.awaitReport(Inbox.done(), "big.csv");

        assertEquals(2_500, report.size());
        List<Integer> firstRows = report.stream().map(r -> Integer.parseInt(r.get("rows").split(" ")[0])).toList();
        assertEquals(firstRows.stream().sorted().toList(), firstRows, "report in file order");
        assertTrue(report.stream().allMatch(r -> r.get("status").equals("OK")));

        Map<String, List<String>> sent = simulator.received().stream().map(KashSimulator.Request::body)
                .filter(b -> b.contains("&orderID=77"))
                .collect(Collectors.groupingBy(b -> b.replaceAll(".*&orderID=(\\d+)&.*", "$1")));
        assertEquals(2_500, sent.size());
        for (EditGenerator.Edit e : edits) {
            List<String> bodies = sent.get(String.valueOf(e.orderID()));
            assertEquals(1, bodies.size(), "order " + e.orderID());
            StringBuilder lines = new StringBuilder();
            for (int l = 0; l < e.titles().size(); l++) {
                lines.append("&itemsList%5B%5D=Free_").append(e.prices().get(l)).append("_")
                        .append(e.titles().get(l).replace(' ', '+'));
            }
            assertTrue(bodies.get(0).endsWith(lines.toString()), bodies.get(0) + " vs " + lines);
        }
    }
}
