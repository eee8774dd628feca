package org.kashbridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.kashbridge.simulator.KashSimulator;
import org.kashbridge.support.Inbox;

/** With several edits in flight, one order's edits still reach Kash one after another, in file order. */
@QuarkusTest
class ConcurrentLanesTest {

    @Inject
    KashSimulator simulator;

    @org.junit.jupiter.api.AfterEach
    void noDelay() {
        simulator.faults(new org.kashbridge.simulator.FaultPlan());
    }

    @Test
    void editsOfOneOrderKeepFileOrderWhileOrdersRunInParallel() {
        // each call takes a while, so calls of different orders overlap when, and only when, they run in parallel
        org.kashbridge.simulator.FaultPlan slow = new org.kashbridge.simulator.FaultPlan();
        slow.delayMs = 50;
        simulator.faults(slow);
        simulator.restartInFlightCount();
        StringBuilder csv = new StringBuilder("editId,orderID,payment,itemType,title,price\n");
        for (int step = 0; step < 5; step++) {
            for (int order = 0; order < 12; order++) {
                long id = 31_000 + order;
                csv.append("e").append(id).append('-').append(step).append(',').append(id).append(",-2,free,Step ")
                        .append(step).append(",1\n");
            }
        }
        Inbox.drop("lanes.csv", csv.toString());
        List<CSVRecord> report = Inbox.awaitReport(Inbox.done(), "lanes.csv");
        assertEquals(60, report.stream().filter(r -> r.get("status").equals("OK")).count());
        // the report keeps file order
        assertEquals("e31000-0", report.get(0).get("editKey"));
        assertEquals("e31011-4", report.get(59).get("editKey"));
        for (int order = 0; order < 12; order++) {
            assertEquals(List.of("Free_1_Step 0", "Free_1_Step 1", "Free_1_Step 2", "Free_1_Step 3", "Free_1_Step 4"),
                    simulator.order(31_000 + order).lines, "order " + (31_000 + order));
        }
        // orders ran side by side (8 call slots in the test profile), never one edit at a time
        org.junit.jupiter.api.Assertions.assertTrue(simulator.maxInFlight() >= 4,
                "most editOrder calls in flight at once: " + simulator.maxInFlight());
    }
}
