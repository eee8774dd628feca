package org.kashbridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kashbridge.simulator.KashSimulator;
import org.kashbridge.support.Inbox;
import org.kashbridge.support.Sent;

/**
 * An ERP that writes orders.csv every day: a file edit without editId is named by the file's content, never by
 * its name. Same name and new content is sent; the same content again, under any name, is a duplicate.
 */
@QuarkusTest
class SameFileNameDailyTest {

    @Inject
    KashSimulator simulator;

    static String day(String title) {
        return "orderID,payment,itemType,title,price\n7301,-2,free," + title + ",2.50\n";
    }

    @Test
    void sameNameNewContentIsSentAndSameContentIsNot() {
        Inbox.drop("daily-orders.csv", day("Tea"));
        assertEquals("OK", Inbox.awaitReport(Inbox.done(), "daily-orders.csv").get(0).get("status"));
        // Tuesday: the same name, new content
        Inbox.drop("daily-orders.csv", day("Coffee"));
        assertEquals("OK", Inbox.awaitReport(Inbox.done(), "daily-orders-1.csv").get(0).get("status"));
        List<String> bodies = Sent.to(simulator, "7301").stream().map(KashSimulator.Request::body).toList();
        assertEquals(2, bodies.size(), bodies.toString());
        assertTrue(bodies.get(0).contains("Free_2.50_Tea") && bodies.get(1).contains("Free_2.50_Coffee"),
                bodies.toString());
        // Tuesday's exact file again, under its name and under another
        Inbox.drop("daily-orders.csv", day("Coffee"));
        assertEquals("DUPLICATE", Inbox.awaitReport(Inbox.done(), "daily-orders-2.csv").get(0).get("status"));
        Inbox.drop("orders-tuesday-copy.csv", day("Coffee"));
        assertEquals("DUPLICATE", Inbox.awaitReport(Inbox.done(), "orders-tuesday-copy.csv").get(0).get("status"));
        assertEquals(2, Sent.count(simulator, "7301"));
        assertEquals(List.of("Free_2.50_Tea", "Free_2.50_Coffee"), simulator.order(7301).lines);
    }
}
