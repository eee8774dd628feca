package org.kashbridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.kashbridge.simulator.KashSimulator;
import org.kashbridge.support.Inbox;
import org.kashbridge.support.Sent;
import org.kashbridge.support.TestLayouts;

/**
 * A broken layout never stops the application: a file dropped for it goes to failed/ with the layout's
 * error (file and key) in its report, nothing is sent, and once the layout is fixed the next file goes
 * through without a restart. A folder with no layout is refused the same way.
 */
@QuarkusTest
class BrokenLayoutTest {

    @Inject
    KashSimulator simulator;

    @Test
    void brokenLayoutRefusesItsFilesUntilFixed() {
        TestLayouts.write("shop2", """
                fields:
                  orderID: { column: Order, regex: "SO-(\\\\d+" }
                  payment: { value: -2 }
                  item: Item
                """);
        Inbox.dropInto("shop2", "a.csv", "Order,Item\nSO-88800101,Free_1.00_Tea\n".getBytes());
        List<CSVRecord> report = Inbox.awaitReport(Inbox.failed().resolve("shop2"), "shop2", "a.csv");
        String message = report.get(0).get("message");
        assertTrue(message.contains("shop2.yaml, key fields.orderID.regex: not a valid regular expression"), message);
        assertEquals(0, Sent.count(simulator, "88800101"));

        TestLayouts.write("shop2", """
                fields:
                  orderID: { column: Order, regex: "SO-(\\\\d+)" }
                  payment: { value: -2 }
                  item: Item
                """);
        Inbox.dropInto("shop2", "b.csv", "Order,Item\nSO-88800101,Free_1.00_Tea\n".getBytes());
        report = Inbox.awaitReport(Inbox.done().resolve("shop2"), "shop2", "b.csv");
        assertEquals("OK", report.get(0).get("status"));
        assertEquals(1, Sent.count(simulator, "88800101"));
    }

    @Test
    void folderWithoutALayout() {
        Inbox.dropInto("nosuch", "c.csv", "orderID,payment\n88800102,-2\n".getBytes());
        List<CSVRecord> report = Inbox.awaitReport(Inbox.failed().resolve("nosuch"), "nosuch", "c.csv");
        assertTrue(report.get(0).get("message").contains("there is no layout named nosuch"),
                report.get(0).get("message"));
        assertEquals(0, Sent.count(simulator, "88800102"));
    }
}
