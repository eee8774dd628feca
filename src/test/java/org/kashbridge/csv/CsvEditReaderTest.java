package org.kashbridge.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kashbridge.core.EditEnvelope;
import org.kashbridge.validate.FieldError;

class CsvEditReaderTest {

    @TempDir
    Path dir;

    private CsvEditFile read(byte[] content) throws IOException {
        Path f = dir.resolve("in.csv");
        Files.write(f, content);
        return CsvEditReader.read(f, "in.csv");
    }

    private CsvEditFile read(String content) throws IOException {
        return read(content.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> errors(EditEnvelope e) {
        return e.getInput().sourceErrors().stream().map(FieldError::toString).toList();
    }

    @Test
    void groupsNonAdjacentRowsInOrderOfFirstRow() throws IOException {
        CsvEditFile f = read("orderID,payment,item\n20,-1,1_1\n10,-2,2\n20,,3\n10,,4\n");
        assertEquals(List.of("20", "10"), f.edits().stream().map(EditEnvelope::getEditKey).toList());
        assertEquals(List.of(2, 4), f.edits().get(0).getRows());
        assertEquals(List.of("1_1", "3"), f.edits().get(0).getInput().lines().stream().map(l -> l.token()).toList());
        assertEquals("-1", f.edits().get(0).getInput().field("payment").text());
    }

    @Test
    void editIdColumnSplitsEditsOfOneOrder() throws IOException {
        CsvEditFile f = read("editId,orderID,payment,item\na,5,-2,1\nb,5,3,\na,5,,2\n");
        assertEquals(List.of("a", "b"), f.edits().stream().map(EditEnvelope::getEditKey).toList());
        assertEquals(List.of(2, 4), f.edits().get(0).getRows());
    }

    @Test
    void semicolonWithBomAndCaseInsensitiveHeader() throws IOException {
        CsvEditFile f = read("\uFEFFORDERID;Payment;ITEMTYPE;price;title\r\n7;-1;free;1.5;Tea; with lemon\r\n"
                .replace("Tea; with lemon", "\"Tea; with lemon\""));
        assertTrue(f.isReadable());
        assertEquals("7", f.edits().get(0).getInput().field("orderID").text());
        assertEquals("Tea; with lemon", f.edits().get(0).getInput().lines().get(0).title());
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndNewlines() throws IOException {
        CsvEditFile f = read("orderID,payment,publicComment,itemType,title,price\n"
                + "7,-2,\"Line one,\nline \"\"two\"\"\",free,\"A, B\",1\n8,-2,,free,C,2\n");
        assertEquals("Line one,\nline \"two\"", f.edits().get(0).getInput().field("publicComment").text());
        assertEquals(List.of(2), f.edits().get(0).getRows());
        assertEquals(List.of(3), f.edits().get(1).getRows());
    }

    @Test
    void conflictingOrderFieldsNameTheRows() throws IOException {
        CsvEditFile f = read("orderID,payment,item\n7,-1,1\n8,-1,1\n7,-2,2\n");
        assertEquals(List.of("rows 2, 4, payment: conflicting values in one edit: row 2 '-1', row 4 '-2'; the rows of "
                + "one edit must agree on order-level fields"), errors(f.edits().get(0)));
        assertEquals(List.of(), errors(f.edits().get(1)));
    }

    @Test
    void missingHeaderUnknownColumnAndEmptyFileAreUnreadable() throws IOException {
        assertEquals("no header row: the first row must name the columns (orderID, payment, item or itemType, ...), "
                + "but it reads '1001,-1,Free_1_X'", read("1001,-1,Free_1_X\n").unreadableReason());
        assertTrue(read("orderID,paymnet\n1,2\n").unreadableReason().startsWith("unknown column 'paymnet' (column 2)"));
        assertEquals("the file is empty: expected a header row naming the columns (orderID, payment, ...) and at least "
                + "one data row", read("").unreadableReason());
        assertFalse(read("\uFEFF\n\n").isReadable());
        assertEquals("the header has no orderID column", read("payment,item\n-1,1\n").unreadableReason());
    }

    @Test
    void invalidUtf8RejectsOnlyTheRowHoldingIt() throws IOException {
        byte[] good = "orderID,payment,itemType,title,price\n7,-1,free,Caf".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xE9}; // Latin-1 é, not UTF-8
        byte[] rest = ",2\n8,-1,free,Tea,1\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[good.length + bad.length + rest.length];
        System.arraycopy(good, 0, all, 0, good.length);
        System.arraycopy(bad, 0, all, good.length, bad.length);
        System.arraycopy(rest, 0, all, good.length + bad.length, rest.length);
        CsvEditFile f = read(all);
        assertEquals(List.of("row 2, title: contains bytes that are not valid UTF-8 (save the file as UTF-8)"),
                errors(f.edits().get(0)));
        assertEquals(List.of(), errors(f.edits().get(1)));
    }

    @Test
    void rowWithWrongNumberOfValuesRefusesItsWholeEdit() throws IOException {
        // order 7's second row lost a comma: order 7 must not go out with one line left out
        CsvEditFile f = read("orderID,payment,itemType,title,price\n7,-1,free,Tea,1\n7,,free,Cake 2\n8,-1,free,Tea,1\n"
                + "7,,free,Jam,3\n");
        assertNull(f.unreadableReason());
        assertEquals(List.of("7", "8"), f.edits().stream().map(EditEnvelope::getEditKey).toList());
        assertEquals(List.of(2, 3, 5), f.edits().get(0).getRows());
        assertEquals(List.of("row 3: has 4 values but the header has 5 columns (check the delimiter and the quoting): "
                + "the row cannot be read, so the whole edit of orderID '7' (read where the orderID column would be) is "
                + "refused and none of its lines is sent"), errors(f.edits().get(0)));
        assertEquals(List.of(), errors(f.edits().get(1)));
    }

    @Test
    void rowWithWrongNumberOfValuesAndNoKeyRefusesTheFile() throws IOException {
        CsvEditFile f = read("orderID,payment,itemType,title,price\n7,-1,free,Tea,1\n,free,Cake,2\n");
        assertEquals("row 3 has 4 values but the header has 5 columns (check the delimiter and the quoting), and its "
                + "orderID cannot be read either: any edit of the file may be the one missing this row's line, so "
                + "nothing in the file was sent. Correct the row and drop the file again", f.unreadableReason());
    }

    @Test
    void aBrokenRowWhoseKeyReadsDifferentlyFromEachEndRefusesBothEdits() throws IOException {
        // an unquoted comma in the comment, before the key column: counting from the left gives ' really'
        CsvEditFile f = read("publicComment,orderID,payment\nfine,7,-1\nnice, really,7,-1\nok,8,-1\n");
        assertNull(f.unreadableReason());
        assertEquals(List.of("7", "really", "8"), f.edits().stream().map(EditEnvelope::getEditKey).toList());
        String both = "row 3: has 4 values but the header has 3 columns (check the delimiter and the quoting): the row "
                + "cannot be read, and its orderID reads 'really' counting from the left but '7' counting from the "
                + "right, so the whole edits of both are refused and none of their lines is sent";
        assertEquals(List.of(both), errors(f.edits().get(0)));
        assertEquals(List.of(both), errors(f.edits().get(1)));
        assertEquals(List.of(), errors(f.edits().get(2)));
    }

    @Test
    void brokenRowOfAnExplicitEditIsNamedByItsEditId() throws IOException {
        CsvEditFile f = read("editId,orderID,payment,item\na,5,-2,1\nb,5,3,\na,5,2\n");
        assertEquals(List.of("a", "b"), f.edits().stream().map(EditEnvelope::getEditKey).toList());
        assertTrue(errors(f.edits().get(0)).get(0).contains("the whole edit of editId 'a'"), errors(f.edits().get(0))
                .toString());
        assertEquals(List.of(), errors(f.edits().get(1)));
    }

    @Test
    void rowWithoutLineIsOrderLevel() throws IOException {
        CsvEditFile f = read("orderID,payment,client.nom,itemType,price,title\n7,-2,Dupont,,,\n7,,,free,1,X\n");
        assertEquals(1, f.edits().get(0).getInput().lines().size());
        assertEquals("Dupont", f.edits().get(0).getInput().field("client.nom").text());
    }

    @Test
    void delimiterDetectionIgnoresQuotedSeparators() {
        assertEquals(';', CsvEditReader.delimiterOf("\"a,b,c\";d;e"));
        assertEquals(',', CsvEditReader.delimiterOf("orderID,payment"));
    }
}
