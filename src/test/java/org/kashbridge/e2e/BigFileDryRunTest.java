package org.kashbridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.kashbridge.bench.EditGenerator;
import org.kashbridge.support.Inbox;

/**
 * A 100,000-line file (30,000 edits, rows of one edit thousands of lines apart) goes through the inbox:
 * dry run, so the test measures the reading, grouping and reporting, not the simulator. Memory under
 * -Xmx256m for a million lines is measured by bench/run.sh, not here.
 */
@QuarkusTest
class BigFileDryRunTest {

    @Test
    void hundredThousandLines() {
        List<EditGenerator.Edit> edits = EditGenerator.edits(5, 30_000, 4, 0.15, 66_000_000);
        String csv = EditGenerator.csvInterleaved(edits, 5_000);
        assertTrue(csv.lines().count() > 100_000);
        Inbox.dropInto("dry-run", "hundred-k.csv", csv.getBytes());
        List<CSVRecord> report = Inbox.awaitReport(Inbox.dir("kash.dry-run.dir"), "dry-run", "hundred-k.csv");

        assertEquals(30_000, report.size());
        Set<String> keys = new HashSet<>();
        int previous = 0;
        for (CSVRecord r : report) {
            assertEquals("WOULD_SEND", r.get("status"), r.toString());
            assertTrue(keys.add(r.get("editKey")));
            int first = Integer.parseInt(r.get("rows").split(" ")[0]);
            assertTrue(first > previous, "file order");
            previous = first;
        }
        EditGenerator.Edit e = edits.get(12_345);
        CSVRecord r = report.stream().filter(x -> x.get("editKey").equals(String.valueOf(e.orderID()))).findFirst()
                .orElseThrow();
        StringBuilder form = new StringBuilder("shopID=test-shop&key=****&orderID=" + e.orderID());
        if (e.payment()) {
            form.append("&payment=3&paymentAmount=1.00");
        } else {
            form.append("&payment=-2");
            for (int l = 0; l < e.titles().size(); l++) {
                form.append("&itemsList%5B%5D=Free_").append(e.prices().get(l)).append('_')
                        .append(e.titles().get(l).replace(' ', '+'));
            }
        }
        assertEquals(form.toString(), r.get("form"));
        assertEquals(e.payment() ? 1 : 4, r.get("rows").split(" ").length);
    }
}
