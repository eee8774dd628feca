package org.kashbridge.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.kashbridge.core.EditEnvelope;
import org.kashbridge.csv.CsvEditFile;
import org.kashbridge.csv.CsvEditReader;
import org.kashbridge.encode.EditOrderEncoder;
import org.kashbridge.validate.EditValidator;

/** The three shipped layouts read their sample files into exactly these form bodies. */
class LayoutSamplesTest {

    static List<String> bodies(String layout, String sample) throws Exception {
        Layout l = LayoutParser.parse(layout, Path.of("config/layouts", layout + ".yaml"));
        CsvEditFile f = CsvEditReader.read(Path.of("samples/layouts", sample), layout + "/" + sample, l);
        return f.edits().stream().map(LayoutSamplesTest::body).collect(Collectors.toList());
    }

    static String body(EditEnvelope e) {
        EditValidator.Result r = EditValidator.validate(e.getInput());
        return r.valid() ? EditOrderEncoder.encode(r.edit(), "shop", "KEY") : "REJECTED " + e.getEditKey() + ": "
                + r.errors();
    }

    @Test
    void frenchErpWindows1252DecimalCommasAndCrossReference() throws Exception {
        assertEquals(List.of(
                "shopID=shop&key=KEY&orderID=17724460&payment=3&itemsList%5B%5D=12_2_Pizza+4+fromages_14.50"
                        + "&itemsList%5B%5D=15_3_Canette+Cola_2.50",
                // DES-JOUR is not in the cross-reference: a free line with the ERP's title and the line's total
                "shopID=shop&key=KEY&orderID=17724461&payment=1&itemsList%5B%5D=42_1_Menu+midi_12.90"
                        + "&itemsList%5B%5D=Free_8.50_2+x+Cr%C3%A8me+br%C3%BBl%C3%A9e",
                // "1 234,00" with a grouping space; VIN-ROUGE is mapped to a department (idRayon 8)
                "shopID=shop&key=KEY&orderID=17724462&payment=-1&itemsList%5B%5D=57_1_Plateau+traiteur_1234.00"
                        + "&itemsList%5B%5D=-8_9.90_C%C3%B4tes+du+Rh%C3%B4ne"),
                bodies("fr-erp", "fr-erp-commandes.csv"));
    }

    @Test
    void webShopQuotedTitlesRegexLineTotalsInterleaved() throws Exception {
        assertEquals(List.of(
                "shopID=shop&key=KEY&orderID=123&payment=3&publicComment=Please+gift-wrap%2C%0Aand+no+invoice+in+the"
                        + "+parcel&deliveryMethod=6&itemsList%5B%5D=42_2_Mug+%22Paris%22%2C+blue_12.90"
                        + "&itemsList%5B%5D=15_1_Poster+%22Tour+Eiffel%22%2C+50x70_19.00",
                "shopID=shop&key=KEY&orderID=124&payment=7&deliveryMethod=5&itemsList%5B%5D=7_3_T-shirt+%28M%29_12.99"
                        + "&itemsList%5B%5D=8_1_Cap%2C+black_12.50",
                // 50.00 for 3: unit price 16.67 (half-up to the cent)
                "shopID=shop&key=KEY&orderID=125&payment=-1&deliveryMethod=1&itemsList%5B%5D=9_3_Coffee+beans+1kg_16.67"),
                bodies("web-shop", "orders-web-2024-03-12.csv"));
    }

    @Test
    void mainframeFixedWidthHeaderTrailerImpliedDecimals() throws Exception {
        assertEquals(List.of(
                "shopID=shop&key=KEY&orderID=12345&payment=-2&itemsList%5B%5D=42_2_Menu+midi_12.90"
                        + "&itemsList%5B%5D=15_6_Canette+Cola_2.50",
                "shopID=shop&key=KEY&orderID=12346&payment=3&itemsList%5B%5D=12_1_Pizza+4+fromages_14.50",
                "shopID=shop&key=KEY&orderID=12347&payment=-1&itemsList%5B%5D=57_1_Plateau+traiteur+%2812+p.%29_1234.00"),
                bodies("mainframe", "mainframe-orders.dat"));
    }
}
