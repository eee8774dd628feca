package org.kashbridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * A real retail export with a row that lost a comma and a cancellation document: the invoice of the broken
 * row never reaches Kash (not even without that line), the cancellation is refused naming its quantity, and
 * the other invoices go out whole.
 */
@QuarkusTest
class MalformedExportTest {

    private static final String FILE = """
            InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
            536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom
            536381,22139,RETROSPOT TEA SET CERAMIC 11 PC,23,12/1/2010 9:41,4.25,15311,United Kingdom
            536381,84854,GIRLY PINK TREASURE BOX,12,12/1/2010 9:41,1.25,United Kingdom
            536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850,United Kingdom
            C536383,35004C,SET OF 3 COLOURED  FLYING DUCKS,-1,12/1/2010 9:49,4.65,15311,United Kingdom
            536381,22411,JUMBO SHOPPER VINTAGE RED PAISLEY,10,12/1/2010 9:41,1.95,15311,United Kingdom
            """;

    @Inject
    KashSimulator simulator;

    @Test
    void brokenRowRefusesItsWholeInvoiceAndCancellationNamesItsQuantity() throws Exception {
        TestLayouts.write("uk-retail", TestLayouts.UK_RETAIL);
        Inbox.dropInto("uk-retail", "online-retail.csv", FILE.getBytes(StandardCharsets.UTF_8));
        List<CSVRecord> report = Inbox.awaitReport(Inbox.done().resolve("uk-retail"), "uk-retail", "online-retail.csv");

        assertEquals(List.of("shopID=test-shop&key=" + Inbox.KEY + "&orderID=536365&payment=-1"
                + "&itemsList%5B%5D=Free_15.30_6+x+WHITE+HANGING+HEART+T-LIGHT+HOLDER"
                + "&itemsList%5B%5D=Free_20.34_6+x+WHITE+METAL+LANTERN"),
                Sent.bodiesFor(simulator, "536365"));
        assertEquals(0, Sent.count(simulator, "536381"), "an invoice with an unreadable row is never sent");
        assertEquals(0, Sent.count(simulator, "536383"));

        assertEquals(List.of("536365:2 5:OK", "536381:3 4 7:REJECTED", "536383:6:REJECTED"),
                report.stream().map(r -> r.get("editKey") + ":" + r.get("rows") + ":" + r.get("status")).toList());
        String broken = report.get(1).get("message");
        assertTrue(broken.contains("row 4: has 7 values but the header has 8 columns")
                && broken.contains("the whole edit of orderID '536381'")
                && broken.contains("none of its lines is sent"),
                broken);
        String cancelled = report.get(2).get("message");
        assertTrue(cancelled.contains("row 6, quantity: column 'Quantity' value '-1' is negative"), cancelled);
        assertTrue(!cancelled.contains("price"), "names what the file says, not a derived price: " + cancelled);
        assertTrue(Files.exists(Inbox.done().resolve("uk-retail").resolve("online-retail.csv")));
    }
}
