package org.kashbridge.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kashbridge.core.EditEnvelope;
import org.kashbridge.csv.CsvEditFile;
import org.kashbridge.csv.CsvEditReader;
import org.kashbridge.support.TestLayouts;
import org.kashbridge.validate.EditValidator;

/** Layout mistakes and bad ERP data are reported naming the layout file, key, row and column. */
class LayoutErrorsTest {

    @TempDir
    Path dir;

    private static final String FR = """
            charset: %s
            delimiter: ";"
            decimalSeparator: ","
            groupingSeparator: " "
            fields:
              orderID: "N° commande"
              payment:
                column: "Règlement"
                map: { CB: 3, Espèces: 1 }
              itemType: { value: free }
              title: "Libellé"
              price: "Prix TTC"
            """;

    private Layout layout(String yaml) throws Exception {
        Path f = dir.resolve("erp.yaml");
        Files.writeString(f, yaml);
        return LayoutParser.parse("erp", f);
    }

    private CsvEditFile read(Layout l, String content, Charset cs) throws Exception {
        Path f = dir.resolve("in.csv");
        Files.write(f, content.getBytes(cs));
        return CsvEditReader.read(f, "erp/in.csv", l);
    }

    private static String errors(EditEnvelope e) {
        EditValidator.Result r = EditValidator.validate(e.getInput());
        return r.valid() ? "" : r.errors().toString();
    }

    @Test
    void wrongCharsetDeclarationRejectsOnlyTheRowsWithUndecodableBytes() throws Exception {
        // the layout says UTF-8, the ERP wrote windows-1252: the header and row 3 are plain ASCII
        Layout l = layout(FR.formatted("UTF-8").replace("N° commande", "Commande"));
        CsvEditFile f = read(l, "Commande;Règlement;Libellé;Prix TTC\r\n1;CB;Crème;2,50\r\n2;CB;Tea;1,00\r\n",
                Charset.forName("windows-1252"));
        // the header holds "Règlement" in windows-1252: the file cannot be read at all
        assertFalse(f.isReadable());
        assertTrue(f.unreadableReason().contains("header row (row 1) is not valid UTF-8"), f.unreadableReason());
        assertTrue(f.unreadableReason().contains("erp.yaml) declares charset UTF-8"), f.unreadableReason());

        Layout ascii = layout(FR.formatted("UTF-8").replace("N° commande", "Commande").replace("Règlement", "Mode")
                .replace("Libellé", "Titre"));
        f = read(ascii, "Commande;Mode;Titre;Prix TTC\r\n1;CB;Crème;2,50\r\n2;CB;Tea;1,00\r\n",
                Charset.forName("windows-1252"));
        assertEquals(2, f.edits().size());
        String e = errors(f.edits().get(0));
        assertTrue(e.contains("row 2, title: column 'Titre' contains bytes that are not valid UTF-8"), e);
        assertTrue(e.contains("declares charset UTF-8; is the file saved in another charset?"), e);
        assertEquals("", errors(f.edits().get(1)));
    }

    @Test
    void missingMappedColumnRefusesTheFileNamingTheKey() throws Exception {
        CsvEditFile f = read(layout(FR.formatted("UTF-8")), "N° commande;Règlement;Libellé;Prix\n1;CB;Tea;1\n",
                StandardCharsets.UTF_8);
        assertFalse(f.isReadable());
        assertTrue(f.unreadableReason().contains("erp.yaml), key fields.price: the file's header has no column "
                + "'Prix TTC'; its columns are ['N° commande', 'Règlement', 'Libellé', 'Prix']"), f.unreadableReason());
    }

    @Test
    void valueMapMissAndBadAmountRejectTheirRowOnly() throws Exception {
        CsvEditFile f = read(layout(FR.formatted("windows-1252")),
                "N° commande;Règlement;Libellé;Prix TTC\n1;Bitcoin;Tea;1,00\n2;CB;Tea;12,34,5\n3;Espèces;Thé;1 234,50\n",
                Charset.forName("windows-1252"));
        assertEquals(3, f.edits().size());
        String miss = errors(f.edits().get(0));
        assertTrue(miss.contains("row 2, payment: column 'Règlement' value 'Bitcoin' is not in the value map [CB, "
                + "Espèces]"), miss);
        assertTrue(miss.contains("key fields.payment.map"), miss);
        String amount = errors(f.edits().get(1));
        assertTrue(amount.contains("row 3, price: column 'Prix TTC' value '12,34,5' is not an amount written with "
                + "decimal separator ',' and grouping separator ' '"), amount);
        assertEquals("", errors(f.edits().get(2)));
    }

    @Test
    void layoutMistakesNameTheFileAndKey() throws Exception {
        LayoutException e = assertThrows(LayoutException.class, () -> layout(FR.formatted("UTF-9")));
        assertTrue(e.getMessage().contains("erp.yaml, key charset: unknown charset 'UTF-9'"), e.getMessage());
        e = assertThrows(LayoutException.class, () -> layout(FR.formatted("UTF-8").replace("title:", "titel:")));
        assertTrue(e.getMessage().contains("key fields.titel: unknown field 'titel'"), e.getMessage());
        e = assertThrows(LayoutException.class, () -> layout(FR.formatted("UTF-8") + "  orderID2: {column: x}\n"));
        assertTrue(e.getMessage().contains("key fields.orderID2"), e.getMessage());
        e = assertThrows(LayoutException.class, () -> layout(FR.formatted("UTF-8")
                .replace("orderID: \"N° commande\"", "orderID: {column: x, regex: \"SO-(\\\\d+\"}")));
        assertTrue(e.getMessage().contains("key fields.orderID.regex: not a valid regular expression"), e.getMessage());
        e = assertThrows(LayoutException.class, () -> layout(FR.formatted("UTF-8") + "skiplines: 2\n"));
        assertTrue(e.getMessage().contains("key skiplines: unknown key"), e.getMessage());
        e = assertThrows(LayoutException.class, () -> layout("type: fixed-width\nfields:\n  orderID: {column: A}\n"));
        assertTrue(e.getMessage().contains("key fields.orderID"), e.getMessage());
        e = assertThrows(LayoutException.class, () -> layout(FR.formatted("UTF-8")
                + "articles: { file: missing.csv }\n"));
        assertTrue(e.getMessage().contains("key articles.file: the cross-reference"), e.getMessage());
    }

    @Test
    void unmappedArticleCanBeRejected() throws Exception {
        Files.writeString(dir.resolve("codes.csv"), "code;idArticle\nA1;11\n");
        Layout l = layout("""
                fields:
                  orderID: order
                  payment: { value: -1 }
                  itemId: code
                  quantity: qty
                articles: { file: codes.csv, unmapped: reject }
                """);
        CsvEditFile f = read(l, "order,code,qty\n5,A1,2\n5,ZZ,1\n6,A1,1\n", StandardCharsets.UTF_8);
        assertEquals(2, f.edits().size());
        String e = errors(f.edits().get(0));
        assertTrue(e.contains("row 3, itemId: article code 'ZZ' is not in the cross-reference"), e);
        assertEquals("", errors(f.edits().get(1)));
    }

    @Test
    void trailerCountMismatchRefusesTheWholeFile() throws Exception {
        Layout l = layout("""
                type: fixed-width
                skipLines: 1
                trailerLines: 1
                trailerCount: { start: 4, length: 3 }
                fields:
                  orderID: { start: 1, length: 3 }
                  payment: { value: -2 }
                """);
        CsvEditFile ok = read(l, "HDR\n001\n002\nTRL002\n", StandardCharsets.UTF_8);
        assertEquals(2, ok.edits().size());
        CsvEditFile cut = read(l, "HDR\n001\n002\nTRL003\n", StandardCharsets.UTF_8);
        assertFalse(cut.isReadable());
        assertTrue(cut.unreadableReason().contains("the trailer (row 4) says 3 records but the file holds 2"),
                cut.unreadableReason());
    }

    @Test
    void adjacentGroupingMakesARepeatedOrderASecondEdit() throws Exception {
        Layout l = layout("""
                grouping: adjacent
                fields:
                  orderID: order
                  payment: pay
                """);
        CsvEditFile f = read(l, "order,pay\n5,-2\n5,-2\n6,-1\n5,3\n", StandardCharsets.UTF_8);
        assertEquals(List.of("5@2", "6@4", "5@5"), f.edits().stream().map(EditEnvelope::getEditKey).toList());
    }

    private static final String UK_HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,"
            + "Country\n";

    @Test
    void rowWithAMissingCommaRefusesTheWholeInvoice() throws Exception {
        CsvEditFile f = read(layout(TestLayouts.UK_RETAIL), UK_HEADER
                + "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom\n"
                + "536381,22139,RETROSPOT TEA SET CERAMIC 11 PC,23,12/1/2010 9:41,4.25,15311,United Kingdom\n"
                + "536381,84854,GIRLY PINK TREASURE BOX,12,12/1/2010 9:41,1.25,United Kingdom\n"
                + "536381,22411,JUMBO SHOPPER VINTAGE RED PAISLEY,10,12/1/2010 9:41,1.95,15311,United Kingdom\n",
                StandardCharsets.UTF_8);
        assertEquals(List.of("536365", "536381"), f.edits().stream().map(EditEnvelope::getEditKey).toList());
        assertEquals("", errors(f.edits().get(0)));
        assertEquals(List.of(3, 4, 5), f.edits().get(1).getRows());
        assertEquals(
                "[row 4: has 7 values but the header has 8 columns (check the delimiter and the quoting; layout erp "
                        + "(" + dir.resolve("erp.yaml")
                        + ")): the row cannot be read, so the whole edit of orderID '536381' (read "
                        + "where the orderID column would be) is refused and none of its lines is sent]",
                errors(f.edits().get(1)));
    }

    @Test
    void aRowThatLostItsInvoiceNumberRefusesTheFile() throws Exception {
        // the key is the first column and the value lost is the key itself: counting from the left reads the
        // StockCode, counting from the right finds nothing; no invoice 22139 exists, so 536381 would have gone out
        // without its line
        CsvEditFile f = read(layout(TestLayouts.UK_RETAIL), UK_HEADER
                + "536381,84854,GIRLY PINK TREASURE BOX,12,12/1/2010 9:41,1.25,15311,United Kingdom\n"
                + "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom\n"
                + "22139,RETROSPOT TEA SET CERAMIC 11 PC,23,12/1/2010 9:41,4.25,15311,United Kingdom\n"
                + "536381,22411,JUMBO SHOPPER VINTAGE RED PAISLEY,10,12/1/2010 9:41,1.95,15311,United Kingdom\n",
                StandardCharsets.UTF_8);
        assertEquals(
                "row 4 has 7 values but the header has 8 columns (check the delimiter and the quoting; layout erp ("
                        + dir.resolve("erp.yaml")
                        + ")), and its orderID can be read only counting from the left ('22139'), "
                        + "which no row of the file that can be read has: it may be another column's value and the row any "
                        + "edit's line, so nothing in the file was sent. Correct the row and drop the file again",
                f.unreadableReason());
    }

    @Test
    void aKeyReadFromOneEndIsTakenWhenAnotherRowHasItBeforeOrAfter() throws Exception {
        // the broken row comes first, its invoice's other rows later: still its invoice, refused whole
        CsvEditFile f = read(layout(TestLayouts.UK_RETAIL), UK_HEADER
                + "536381,84854,GIRLY PINK TREASURE BOX,12,12/1/2010 9:41,1.25,United Kingdom\n"
                + "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom\n"
                + "536381,22411,JUMBO SHOPPER VINTAGE RED PAISLEY,10,12/1/2010 9:41,1.95,15311,United Kingdom\n",
                StandardCharsets.UTF_8);
        assertEquals(null, f.unreadableReason());
        assertEquals(List.of("536381", "536365"), f.edits().stream().map(EditEnvelope::getEditKey).toList());
        assertTrue(errors(f.edits().get(0)).contains("the whole edit of orderID '536381'"));
        assertEquals("", errors(f.edits().get(1)));
    }

    @Test
    void withAdjacentGroupingTheKeyReadFromOneEndMustBeANeighboursKey() throws Exception {
        Layout l = layout("""
                grouping: adjacent
                fields:
                  orderID: order
                  payment: pay
                  itemType: { value: free }
                  title: title
                  price: price
                """);
        String header = "order,pay,title,price\n";
        // order 5 appears twice further down (another edit under adjacent grouping): a neighbour must have the key
        CsvEditFile lost = read(l, header + "5,-2,Tea,1\n6,-1,Jam,2\n-1,Cake,2\n6,,Bun,1\n", StandardCharsets.UTF_8);
        assertTrue(lost.unreadableReason() != null && lost.unreadableReason().contains("its orderID can be read only "
                + "counting from the left ('-1'), which neither row next to it has"),
                String.valueOf(lost.unreadableReason()));
        CsvEditFile kept = read(l, header + "5,-2,Tea,1\n6,-1,Jam,2\n6,Cake,2\n6,,Bun,1\n7,-1,Pie,1\n",
                StandardCharsets.UTF_8);
        assertEquals(null, kept.unreadableReason());
        assertEquals(List.of("5@2", "6@3", "7@6"), kept.edits().stream().map(EditEnvelope::getEditKey).toList());
        assertTrue(errors(kept.edits().get(1)).contains("the whole edit of orderID '6'"));
        // a row without a key between: the broken row's neighbour is that row, not the one before it
        CsvEditFile between = read(l, header + "6,-1,Jam,2\n,-1,Bun,1\n6,Cake,2\n7,-1,Pie,1\n", StandardCharsets.UTF_8);
        assertTrue(between.unreadableReason() != null && between.unreadableReason().contains("('6'), which neither row "
                + "next to it has"), String.valueOf(between.unreadableReason()));
        CsvEditFile last = read(l, header + "5,-2,Tea,1\n6,-1,Jam,2\n9,Cake,2\n", StandardCharsets.UTF_8);
        assertTrue(last.unreadableReason() != null && last.unreadableReason().contains("('9'), which neither row next "
                + "to it has"), String.valueOf(last.unreadableReason()));
    }

    @Test
    void withoutAHeaderEveryRecordMustHaveAsManyValuesAsTheFirst() throws Exception {
        Layout l = layout("""
                header: false
                fields:
                  orderID: { position: 1 }
                  payment: { position: 2 }
                  itemType: { value: free }
                  title: { position: 3 }
                  price: { position: 4 }
                """);
        // order 8's second record lost its price: by position, nothing else would have noticed
        CsvEditFile f = read(l, "7,-1,Tea,1.50\n8,-1,Jam,2\n8,,Cake\n9,-1,Bun,1\n", StandardCharsets.UTF_8);
        assertEquals(null, f.unreadableReason());
        assertEquals(List.of("7", "8", "9"), f.edits().stream().map(EditEnvelope::getEditKey).toList());
        assertEquals("", errors(f.edits().get(0)));
        assertTrue(errors(f.edits().get(1)).contains("row 3: has 3 values but the first record has 4 (a file without a "
                + "header: every record must have as many) (check the delimiter and the quoting; layout erp"),
                errors(f.edits().get(1)));
        assertTrue(errors(f.edits().get(1)).contains("the whole edit of orderID '8'"), errors(f.edits().get(1)));
        assertEquals("", errors(f.edits().get(2)));
    }

    @Test
    void cancellationRowIsRefusedNamingItsQuantity() throws Exception {
        CsvEditFile f = read(layout(TestLayouts.UK_RETAIL), UK_HEADER
                + "C536383,35004C,SET OF 3 COLOURED  FLYING DUCKS,-1,12/1/2010 9:49,4.65,15311,United Kingdom\n",
                StandardCharsets.UTF_8);
        assertEquals("[row 2, quantity: column 'Quantity' value '-1' is negative: a Kash order line sells a quantity "
                + "above 0, so returns and cancellation documents are refused (layout erp (" + dir.resolve("erp.yaml")
                + "), key fields.quantity; docs/files.md, \"Negative quantities\")]", errors(f.edits().get(0)));
    }

    @Test
    void cancellationsLeftOutByIgnoreLinesAreNotRead() throws Exception {
        CsvEditFile f = read(layout("ignoreLines: \"^C\"\n" + TestLayouts.UK_RETAIL), UK_HEADER
                + "C536383,35004C,SET OF 3 COLOURED  FLYING DUCKS,-1,12/1/2010 9:49,4.65,15311,United Kingdom\n"
                + "536384,82484,WOOD BLACK BOARD ANT WHITE FINISH,3,12/1/2010 9:53,6.45,18074,United Kingdom\n",
                StandardCharsets.UTF_8);
        assertEquals(List.of("536384"), f.edits().stream().map(EditEnvelope::getEditKey).toList());
        assertEquals("", errors(f.edits().get(0)));
    }
}
