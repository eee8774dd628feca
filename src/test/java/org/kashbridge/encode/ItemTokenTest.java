package org.kashbridge.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kashbridge.model.OrderLine;

class ItemTokenTest {

    @Test
    void parsesEveryDocumentedExample() {
        assertEquals(OrderLine.article(12, new BigDecimal("2"), "Pizza 4 fromages", new BigDecimal("14.50"),
                List.of(3L, 8L)), ItemToken.parse("12_2_Pizza 4 fromages_14.50_3_8"));
        assertEquals(OrderLine.department(5, new BigDecimal("9.99"), "Vente libre"),
                ItemToken.parse("-5_9.99_Vente libre"));
        assertEquals(OrderLine.free(new BigDecimal("12.99"), "Item"), ItemToken.parse("Free_12.99_Item"));
        assertEquals(OrderLine.article(42, new BigDecimal("1"), "Menu midi", new BigDecimal("12.90"), List.of()),
                ItemToken.parse("42_1_Menu midi_12.90"));
        assertEquals(OrderLine.article(7), ItemToken.parse("7"));
        assertEquals(OrderLine.article(7, new BigDecimal("3")), ItemToken.parse("7_3"));
    }

    @Test
    void roundTripsEveryForm() {
        for (String t : List.of("12", "12_2", "12_2_T_1.5", "12_2_T_1.5_1_2_3_4_5", "-5_9.99_X", "Free_0_Y",
                "12_1__")) {
            assertEquals(t, ItemToken.format(ItemToken.parse(t)));
        }
    }

    @Test
    void rejectsWhatTheGrammarDoesNotAllow() {
        assertEquals("'12_2_Title' has 3 fields; an article takes id, id_qty or id_qty_title_price[_v1.._v5] "
                + "(a title cannot contain '_')",
                assertThrows(ItemToken.MalformedTokenException.class,
                        () -> ItemToken.parse("12_2_Title")).getMessage());
        assertEquals("'Free_9.99_Other_item' has 4 fields; Free_price_title takes 3 (a title cannot contain '_')",
                assertThrows(ItemToken.MalformedTokenException.class, () -> ItemToken.parse("Free_9.99_Other_item"))
                        .getMessage());
        assertEquals("price '9,99' is not a decimal >= 0 written with a dot", assertThrows(
                ItemToken.MalformedTokenException.class, () -> ItemToken.parse("Free_9,99_X")).getMessage());
        assertEquals("quantity '0' is not a number greater than 0", assertThrows(
                ItemToken.MalformedTokenException.class, () -> ItemToken.parse("12_0")).getMessage());
        assertEquals("'1_1_T_1_1_2_3_4_5_6' has 6 variations; at most 5 are allowed (a title cannot contain '_')",
                assertThrows(ItemToken.MalformedTokenException.class, () -> ItemToken.parse("1_1_T_1_1_2_3_4_5_6"))
                        .getMessage());
        assertEquals("article id 'abc' is not a positive integer", assertThrows(
                ItemToken.MalformedTokenException.class, () -> ItemToken.parse("abc")).getMessage());
        assertEquals("title is empty", assertThrows(ItemToken.MalformedTokenException.class,
                () -> ItemToken.parse("-5_1_")).getMessage());
    }
}
