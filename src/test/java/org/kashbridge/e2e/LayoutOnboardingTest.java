package org.kashbridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * The onboarding guide (docs/files.md): the three shipped layouts read their sample files (windows-1252 with decimal
 * commas and an article cross-reference; a web-shop export found by its file name; a fixed-width file with
 * header and trailer records), and exactly these bodies reach Kash.
 */
@QuarkusTest
class LayoutOnboardingTest {

    private static final String AUTH = "shopID=test-shop&key=" + Inbox.KEY;

    @Inject
    KashSimulator simulator;

    @BeforeEach
    void layouts() {
        TestLayouts.installShipped();
    }

    @Test
    void frenchErpFileInItsLayoutFolder() {
        Inbox.dropInto("fr-erp", "commandes.csv", TestLayouts.sample("fr-erp-commandes.csv"));
        List<CSVRecord> report = Inbox.awaitReport(Inbox.done().resolve("fr-erp"), "fr-erp", "commandes.csv");

        assertEquals(List.of(
                AUTH + "&orderID=17724460&payment=3&itemsList%5B%5D=12_2_Pizza+4+fromages_14.50"
                        + "&itemsList%5B%5D=15_3_Canette+Cola_2.50",
                AUTH + "&orderID=17724461&payment=1&itemsList%5B%5D=42_1_Menu+midi_12.90"
                        + "&itemsList%5B%5D=Free_8.50_2+x+Cr%C3%A8me+br%C3%BBl%C3%A9e",
                AUTH + "&orderID=17724462&payment=-1&itemsList%5B%5D=57_1_Plateau+traiteur_1234.00"
                        + "&itemsList%5B%5D=-8_9.90_C%C3%B4tes+du+Rh%C3%B4ne"),
                Sent.bodiesFor(simulator, "17724460", "17724461", "17724462"));
        assertEquals(List.of("17724460:2 4:OK", "17724461:3 5:OK", "17724462:6 7:OK"),
                report.stream().map(r -> r.get("editKey") + ":" + r.get("rows") + ":" + r.get("status")).toList());
    }

    @Test
    void webShopFileRecognisedByItsNameAtTheTopOfTheInbox() {
        Inbox.drop("orders-web-2024-03-12.csv", TestLayouts.sample("orders-web-2024-03-12.csv"));
        List<CSVRecord> report = Inbox.awaitReport(Inbox.done(), "orders-web-2024-03-12.csv");

        assertEquals(List.of(
                AUTH + "&orderID=123&payment=3&publicComment=Please+gift-wrap%2C%0Aand+no+invoice+in+the+parcel"
                        + "&deliveryMethod=6&itemsList%5B%5D=42_2_Mug+%22Paris%22%2C+blue_12.90"
                        + "&itemsList%5B%5D=15_1_Poster+%22Tour+Eiffel%22%2C+50x70_19.00",
                AUTH + "&orderID=124&payment=7&deliveryMethod=5&itemsList%5B%5D=7_3_T-shirt+%28M%29_12.99"
                        + "&itemsList%5B%5D=8_1_Cap%2C+black_12.50",
                AUTH + "&orderID=125&payment=-1&deliveryMethod=1&itemsList%5B%5D=9_3_Coffee+beans+1kg_16.67"),
                Sent.bodiesFor(simulator, "123", "124", "125"));
        // rows count as a spreadsheet does: a quoted line break makes one row of two lines
        assertEquals(List.of("123:2 4:OK", "124:3 6:OK", "125:5:OK"),
                report.stream().map(r -> r.get("editKey") + ":" + r.get("rows") + ":" + r.get("status")).toList());
    }

    @Test
    void mainframeFixedWidthFile() {
        Inbox.dropInto("mainframe", "orders.dat", TestLayouts.sample("mainframe-orders.dat"));
        List<CSVRecord> report = Inbox.awaitReport(Inbox.done().resolve("mainframe"), "mainframe", "orders.dat");

        assertEquals(List.of(
                AUTH + "&orderID=12345&payment=-2&itemsList%5B%5D=42_2_Menu+midi_12.90"
                        + "&itemsList%5B%5D=15_6_Canette+Cola_2.50",
                AUTH + "&orderID=12346&payment=3&itemsList%5B%5D=12_1_Pizza+4+fromages_14.50",
                AUTH + "&orderID=12347&payment=-1&itemsList%5B%5D=57_1_Plateau+traiteur+%2812+p.%29_1234.00"),
                Sent.bodiesFor(simulator, "12345", "12346", "12347"));
        assertEquals(List.of("0000012345:3 5:OK", "0000012346:4:OK", "0000012347:6:OK"),
                report.stream().map(r -> r.get("editKey") + ":" + r.get("rows") + ":" + r.get("status")).toList());
    }
}
