package org.kashbridge.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kashbridge.csv.CsvEditFile;
import org.kashbridge.csv.CsvEditReader;
import org.kashbridge.encode.EditOrderEncoder;
import org.kashbridge.validate.EditValidator;

/** The less common layout settings, each shown on a small file. */
class LayoutFormatsTest {

    @TempDir
    Path dir;

    private List<String> bodies(String yaml, byte[] content) throws Exception {
        Path layout = dir.resolve("l.yaml");
        Files.writeString(layout, yaml);
        Path file = dir.resolve("in.txt");
        Files.write(file, content);
        CsvEditFile f = CsvEditReader.read(file, "l/in.txt", LayoutParser.parse("l", layout));
        return f.edits().stream().map(e -> {
            EditValidator.Result r = EditValidator.validate(e.getInput());
            return r.valid() ? EditOrderEncoder.encode(r.edit(), "s", "k") : "REJECTED " + r.errors();
        }).toList();
    }

    @Test
    void utf16WithBomTabsNoHeaderPositionsSkipTrailerAndIgnoredLines() throws Exception {
        String yaml = """
                charset: UTF-16
                delimiter: tab
                header: false
                skipLines: 2
                trailerLines: 1
                ignoreLines: "^SUBTOTAL"
                fields:
                  orderID: { position: 1 }
                  payment: { position: 2, map: { open: -2, "*": -1 } }
                  itemType: { value: free }
                  title: { position: 3 }
                  price: { position: 4, default: "0" }
                """;
        String text = "Export v2\nGenerated 2024-03-12\n"
                + "7\topen\tTé\t1.50\n"
                + "SUBTOTAL\t\t\t1.50\n"
                + "8\tclosed\tGift\t\n"
                + "TOTAL\t2 rows\n";
        byte[] bytes = text.getBytes(Charset.forName("UTF-16")); // big-endian with a byte-order mark
        assertEquals(List.of("shopID=s&key=k&orderID=7&payment=-2&itemsList%5B%5D=Free_1.50_T%C3%A9",
                "shopID=s&key=k&orderID=8&payment=-1&itemsList%5B%5D=Free_0_Gift"), bodies(yaml, bytes));
    }

    @Test
    void rowGroupingMakesEveryRowAnEdit() throws Exception {
        String yaml = """
                grouping: row
                fields:
                  orderID: order
                  payment: { value: 4 }
                  paymentAmount: amount
                """;
        assertEquals(List.of("shopID=s&key=k&orderID=5&payment=4&paymentAmount=10.00",
                "shopID=s&key=k&orderID=5&payment=4&paymentAmount=2.50"),
                bodies(yaml, "order,amount\n5,10.00\n5,2.50\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void departmentRuleForUnmappedCodesAndDepartmentCodesInTheCrossReference() throws Exception {
        Files.writeString(dir.resolve("codes.csv"), "code,idArticle,idRayon\nA,11,\nWINE,,8\n");
        String yaml = """
                decimalSeparator: ","
                delimiter: ";"
                articles: { file: codes.csv, unmapped: department, department: 3 }
                fields:
                  orderID: order
                  payment: { value: -2 }
                  itemId: code
                  title: label
                  quantity: qty
                  price: unit
                """;
        String csv = "order;code;label;qty;unit\n9;A;Apple;2;0,50\n9;WINE;Red;1;9,90\n9;ZZ;Misc;3;1,10\n";
        assertEquals(List.of("shopID=s&key=k&orderID=9&payment=-2&itemsList%5B%5D=11_2_Apple_0.50"
                + "&itemsList%5B%5D=-8_9.90_Red&itemsList%5B%5D=-3_3.30_3+x+Misc"),
                bodies(yaml, csv.getBytes(StandardCharsets.UTF_8)));
    }
}
