package org.kashbridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kashbridge.simulator.KashSimulator;
import org.kashbridge.support.Inbox;
import org.kashbridge.support.Sent;
import org.kashbridge.support.TestLayouts;

/**
 * A file dropped into a dry-run folder is read, validated and encoded like any other, and its report
 * shows the exact form body of each edit (key masked), but nothing reaches Kash and the ledger is left
 * alone: the same file dropped for real afterwards is sent.
 */
@QuarkusTest
class DryRunTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");

    @Inject
    KashSimulator simulator;

    @BeforeEach
    void layouts() {
        TestLayouts.installShipped();
    }

    @Test
    void layoutDryRunShowsFormBodiesAndSendsNothing() throws Exception {
        byte[] file = ("N° commande;Date;Code article;Libellé;Qté;Prix TTC;Mode de règlement\r\n"
                + "88800001;12/03/2024;PIZ-4F;Pizza 4 fromages;2;14,50;CB\r\n"
                + "88800002;12/03/2024;MEN-MIDI;Menu midi;1;12,90;Bitcoin\r\n"
                + "88800001;12/03/2024;XX-1;Thé glacé;1;3,00;CB\r\n").getBytes(CP1252);
        Inbox.dropInto("fr-erp/dry-run", "essai.csv", file);
        List<CSVRecord> report = Inbox.awaitReport(Inbox.dir("kash.dry-run.dir").resolve("fr-erp"), "fr-erp/dry-run",
                "essai.csv");

        assertEquals(2, report.size());
        assertEquals("WOULD_SEND", report.get(0).get("status"));
        assertEquals("shopID=test-shop&key=****&orderID=88800001&payment=3"
                + "&itemsList%5B%5D=12_2_Pizza+4+fromages_14.50&itemsList%5B%5D=Free_3.00_Th%C3%A9+glac%C3%A9",
                report.get(0).get("form"));
        assertEquals("REJECTED", report.get(1).get("status"));
        assertTrue(report.get(1).get("message").contains("row 3, payment: column 'Mode de règlement' value 'Bitcoin' "
                + "is not in the value map"), report.get(1).get("message"));
        assertEquals("", report.get(1).get("form"));
        assertEquals(0, Sent.count(simulator, "88800001"));
        String everything = Files.readString(Inbox.dir("kash.dry-run.dir").resolve("fr-erp/essai.csv.result.csv"));
        assertFalse(everything.contains(Inbox.KEY));

        // the dry run left no trace in the ledger: dropped for real, the edit is sent once
        Inbox.dropInto("fr-erp", "essai.csv", file);
        List<CSVRecord> live = Inbox.awaitReport(Inbox.done().resolve("fr-erp"), "fr-erp", "essai.csv");
        assertEquals("OK", live.get(0).get("status"));
        assertEquals(1, Sent.count(simulator, "88800001"));
        assertEquals(0, Sent.count(simulator, "88800002"));
    }

    @Test
    void canonicalDryRunFolder() {
        Inbox.dropInto("dry-run", "try.csv", "orderID,payment,item\n88800010,-2,Free_1.50_Tea\n".getBytes());
        List<CSVRecord> report = Inbox.awaitReport(Inbox.dir("kash.dry-run.dir"), "dry-run", "try.csv");
        assertEquals("shopID=test-shop&key=****&orderID=88800010&payment=-2&itemsList%5B%5D=Free_1.50_Tea",
                report.get(0).get("form"));
        assertEquals(0, Sent.count(simulator, "88800010"));
    }
}
