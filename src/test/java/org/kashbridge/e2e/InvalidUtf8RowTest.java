package org.kashbridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.kashbridge.simulator.KashSimulator;
import org.kashbridge.support.Inbox;

/** A row with bytes that are not UTF-8 is rejected with its row and column; the other rows go through. */
@QuarkusTest
class InvalidUtf8RowTest {

    @Inject
    KashSimulator simulator;

    @Test
    void onlyTheBadRowIsRejected() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write("orderID,payment,itemType,title,price\n7001,-2,free,Caf".getBytes(StandardCharsets.UTF_8));
        file.write(0xE9); // 'é' in windows-1252
        file.write(",2.00\n7002,-2,free,Th\u00e9,1.50\n".getBytes(StandardCharsets.UTF_8));
        Inbox.drop("latin1-row.csv", file.toByteArray());
        List<CSVRecord> report = Inbox.awaitReport(Inbox.done(), "latin1-row.csv");
        assertEquals("REJECTED", report.get(0).get("status"));
        assertEquals("row 2, title: contains bytes that are not valid UTF-8 (save the file as UTF-8)",
                report.get(0).get("message"));
        assertEquals("OK", report.get(1).get("status"));
        assertEquals(List.of("shopID=test-shop&key=" + Inbox.KEY + "&orderID=7002&payment=-2"
                + "&itemsList%5B%5D=Free_1.50_Th%C3%A9"), simulator.received().stream().map(KashSimulator.Request::body)
                        .filter(b -> b.contains("orderID=700")).toList());
    }
}
