package org.kashbridge.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A layout file that does not fit its schema is refused naming the key, whatever the level or the mistake. */
class LayoutSchemaTest {

    private static final String FIELDS = "fields:\n  orderID: Commande\n  payment: { value: -2 }\n";

    @TempDir
    Path dir;

    private String refusal(String yaml) throws Exception {
        Path f = dir.resolve("erp.yaml");
        Files.writeString(f, yaml);
        String message = assertThrows(LayoutException.class, () -> LayoutParser.parse("erp", f)).getMessage();
        return message.substring(message.indexOf("erp.yaml") + "erp.yaml".length());
    }

    private Layout layout(String yaml) throws Exception {
        Path f = dir.resolve("erp.yaml");
        Files.writeString(f, yaml);
        return LayoutParser.parse("erp", f);
    }

    @Test
    void anUnknownKeyIsNamedWithItsPathAndTheKeysKnownThere() throws Exception {
        assertEquals(", key skiplines: unknown key; known keys here are [articles, charset, decimalSeparator, "
                + "delimiter, description, escape, fields, filePattern, grouping, groupingSeparator, header, "
                + "ignoreLines, price, quote, skipLines, trailerCount, trailerLines, trim, type]",
                refusal("skiplines: 2\n" + FIELDS));
        assertEquals(", key fields.payment.colum: unknown key; known keys here are [column, default, length, map, "
                + "position, regex, scale, start, value]",
                refusal("fields:\n  orderID: Commande\n  payment: { colum: Mode }\n"));
        assertEquals(", key articles.files: unknown key; known keys here are [department, file, unmapped]",
                refusal("articles: { files: a.csv }\n" + FIELDS));
    }

    @Test
    void aValueOfTheWrongTypeIsNamed() throws Exception {
        assertEquals(", key skipLines: must be a whole number, got '1.5'", refusal("skipLines: 1.5\n" + FIELDS));
        assertEquals(", key skipLines: must be a whole number, got 'two'", refusal("skipLines: two\n" + FIELDS));
        assertEquals(", key header: must be true or false, got 'maybe'", refusal("header: maybe\n" + FIELDS));
        assertEquals(", key header: must be true or false, got '1'", refusal("header: 1\n" + FIELDS));
        assertEquals(", key charset: expected a single value, got a list", refusal("charset: [UTF-8]\n" + FIELDS));
        assertEquals(", key fields.payment.map: expected pairs of key: value, got a list",
                refusal("fields:\n  orderID: Commande\n  payment: { column: M, map: [CB] }\n"));
        assertEquals(", key fields.payment.position: must be a whole number >= 1, got '0'",
                refusal("header: false\nfields:\n  orderID: { position: 1 }\n  payment: { position: 0 }\n"));
    }

    @Test
    void aKeyGivenTwiceIsRefusedInsteadOfTheLastOneWinning() throws Exception {
        assertEquals(", key fields.orderID: is given twice; keep one",
                refusal("fields:\n  orderID: Commande\n  payment: { value: -2 }\n  orderID: Numero\n"));
        assertEquals(", key charset: is given twice; keep one", refusal("charset: UTF-8\ncharset: UTF-16\n" + FIELDS));
    }

    @Test
    void aYamlAliasBombIsNotExpanded() throws Exception {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            String prev = "*" + (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [").append(String.join(", ", java.util.Collections.nCopies(
                    10, prev))).append("]\n");
        }
        // 10^10 values if the aliases were expanded: Jackson reads an alias as a reference, so the file is
        // refused at once for its unknown keys, with the memory it takes to hold its text
        String refusal = refusal(bomb + FIELDS);
        assertEquals(true, refusal.startsWith(", key a: unknown key"), refusal);
    }

    @Test
    void notAMappingOrEmptyIsRefused() throws Exception {
        assertEquals(": expected a YAML mapping of settings (type, charset, fields...)", refusal(""));
        assertEquals(": expected a YAML mapping of settings (type, charset, fields...)", refusal("- a\n- b\n"));
        assertEquals(", key fields: is required: map each canonical field (orderID, payment, itemId...) to its "
                + "source", refusal("charset: UTF-8\n"));
    }

    @Test
    void aCharacterSettingLeftEmptyMeansNoneAndLeftOutMeansItsDefault() throws Exception {
        assertNull(layout("quote:\n" + FIELDS).quote());
        assertNull(layout("quote: none\n" + FIELDS).quote());
        assertEquals('"', layout(FIELDS).quote());
        assertEquals('\t', layout("delimiter: tab\n" + FIELDS).delimiter());
    }
}
