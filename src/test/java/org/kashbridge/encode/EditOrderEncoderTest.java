package org.kashbridge.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kashbridge.model.OrderField.deliveryMethod;
import static org.kashbridge.model.OrderField.idClient;
import static org.kashbridge.model.OrderField.idUser;
import static org.kashbridge.model.OrderField.idcaisse;
import static org.kashbridge.model.OrderField.idtable;
import static org.kashbridge.model.OrderField.numcouverts;
import static org.kashbridge.model.OrderField.orderID;
import static org.kashbridge.model.OrderField.pagerNum;
import static org.kashbridge.model.OrderField.paymentAmount;
import static org.kashbridge.model.OrderField.privateComment;
import static org.kashbridge.model.OrderField.publicComment;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kashbridge.model.ClientField;
import org.kashbridge.model.OrderEdit;
import org.kashbridge.model.OrderField;
import org.kashbridge.model.OrderLine;

class EditOrderEncoderTest {

    private static OrderEdit edit(long payment, List<OrderLine> lines) {
        return OrderEdit.builder().set(orderID, 123456L).set(OrderField.payment, payment).lines(lines).build();
    }

    /** The body sent; every test also checks that the field list (records, dry runs, alerts) encodes the same. */
    private static String encode(OrderEdit e) {
        String body = EditOrderEncoder.encode(e, "SHOP1", "K3Y");
        assertEquals(EditOrderEncoder.fields(e, "SHOP1", "K3Y").encode(), body);
        return body;
    }

    @Test
    void mandatoryFieldsComeFirstInApiOrder() {
        assertEquals("shopID=SHOP1&key=K3Y&orderID=123456&payment=123456", encode(edit(123456, List.of())));
    }

    @Test
    void vendorExampleAddItemsEncodesLikeUrlSearchParams() {
        // The vendor's JavaScript example, byte for byte as URLSearchParams serialises it.
        OrderEdit e = edit(-1, List.of(OrderLine.free(new BigDecimal("12.99"), "Item"),
                OrderLine.free(new BigDecimal("9.99"), "Other item")));
        assertEquals("shopID=SHOP1&key=K3Y&orderID=123456&payment=-1&itemsList%5B%5D=Free_12.99_Item"
                + "&itemsList%5B%5D=Free_9.99_Other+item", encode(e));
    }

    @Test
    void everyLineForm() {
        assertEquals("12", ItemToken.format(OrderLine.article(12)));
        assertEquals("12_2", ItemToken.format(OrderLine.article(12, new BigDecimal("2"))));
        assertEquals("12_2_Pizza 4 fromages_14.50", ItemToken.format(OrderLine.article(12, new BigDecimal("2"),
                "Pizza 4 fromages", new BigDecimal("14.50"), List.of())));
        assertEquals("12_2_Pizza 4 fromages_14.50_3_8_9_10_11", ItemToken.format(OrderLine.article(12,
                new BigDecimal("2"), "Pizza 4 fromages", new BigDecimal("14.50"), List.of(3L, 8L, 9L, 10L, 11L))));
        assertEquals("-5_9.99_Vente libre", ItemToken.format(OrderLine.department(5, new BigDecimal("9.99"),
                "Vente libre")));
        assertEquals("Free_12.99_Item", ItemToken.format(OrderLine.free(new BigDecimal("12.99"), "Item")));
    }

    @Test
    void articleWithVariationsButNoOverridesKeepsEmptySlots() {
        assertEquals("12_1___3", ItemToken.format(OrderLine.article(12, null, null, null, List.of(3L))));
    }

    @Test
    void everyOptionalFieldOnlyWhenSetInTableOrder() {
        Map<ClientField, String> none = new EnumMap<>(ClientField.class);
        // set out of order: the form follows the API's table, not the order of setting
        OrderEdit e = OrderEdit.builder().set(deliveryMethod, 6L).set(pagerNum, 17L).set(privateComment, "private")
                .set(publicComment, "public").set(numcouverts, 4L).set(idcaisse, 2L).set(idtable, 8L).set(idClient, 99L)
                .set(idUser, 4L).set(paymentAmount, new BigDecimal("20.5")).set(OrderField.payment, 3L)
                .set(orderID, 7L).client(none).build();
        assertEquals("shopID=SHOP1&key=K3Y&orderID=7&payment=3&paymentAmount=20.5&idUser=4&idClient=99&idtable=8"
                + "&idcaisse=2&numcouverts=4&publicComment=public&privateComment=private&pagerNum=17&deliveryMethod=6",
                encode(e));
    }

    @Test
    void everyOrderFieldReachesTheWireUnderItsOwnName() {
        for (OrderField f : OrderField.values()) {
            Object value = switch (f.kind) {
                case TEXT -> "t x";
                case AMOUNT -> new BigDecimal("1.50");
                case PAYMENT -> 3L;
                default -> 4L;
            };
            OrderEdit e = OrderEdit.builder().set(orderID, 9L).set(OrderField.payment, 3L).set(f, value).build();
            String wire = "&" + f.name() + "=" + (value instanceof String ? "t+x" : value.toString());
            assertTrue(encode(e).contains(wire), f + ": " + encode(e));
        }
    }

    @Test
    void anEditRefusesAValueOfTheWrongTypeAndAMissingRequiredField() {
        assertThrows(IllegalArgumentException.class, () -> OrderEdit.builder().set(orderID, 7L)
                .set(OrderField.payment, -1L).set(idtable, "8").build(), "a table id as text");
        assertThrows(IllegalArgumentException.class, () -> OrderEdit.builder().set(orderID, 7L).build(),
                "no payment");
    }

    @Test
    void clientFieldsUseBracketKeysInDocumentedOrder() {
        Map<ClientField, String> c = new EnumMap<>(ClientField.class);
        c.put(ClientField.lng, "2.35");
        c.put(ClientField.nom, "Dupont");
        c.put(ClientField.email, "m@example.com");
        c.put(ClientField.prenom, "Marie");
        OrderEdit e = OrderEdit.builder().set(orderID, 7L).set(OrderField.payment, -2L).set(idtable, 3L).client(c)
                .build();
        assertEquals("shopID=SHOP1&key=K3Y&orderID=7&payment=-2&client%5Bnom%5D=Dupont&client%5Bprenom%5D=Marie"
                + "&client%5Bemail%5D=m%40example.com&client%5Blng%5D=2.35&idtable=3", encode(e));
    }

    @Test
    void decimalsAlwaysPlainWithADot() {
        assertEquals("12.5", Decimals.plain(new BigDecimal("1.25E1")));
        assertEquals("1000", Decimals.plain(new BigDecimal("1E+3")));
        assertEquals("0.0000001", Decimals.plain(new BigDecimal("1E-7")));
        assertEquals("14.50", Decimals.plain(new BigDecimal("14.50")));
        OrderEdit e = OrderEdit.builder().set(orderID, 7L).set(OrderField.payment, 3L)
                .set(paymentAmount, new BigDecimal("1.25E1"))
                .lines(List.of(OrderLine.free(new BigDecimal("1E+3"), "Big")))
                .build();
        assertEquals("shopID=SHOP1&key=K3Y&orderID=7&payment=3&paymentAmount=12.5&itemsList%5B%5D=Free_1000_Big",
                encode(e));
    }

    @Test
    void nonAsciiAndReservedCharactersArePercentEncodedAsUtf8() {
        OrderEdit e = OrderEdit.builder().set(orderID, 7L).set(OrderField.payment, -2L)
                .set(publicComment, "Crème brûlée & café = 5€ + 1/2 ?").set(privateComment, "100% #1 ~*")
                .lines(List.of(OrderLine.free(new BigDecimal("3"), "Thé à la menthe"))).build();
        assertEquals("shopID=SHOP1&key=K3Y&orderID=7&payment=-2"
                + "&publicComment=Cr%C3%A8me+br%C3%BBl%C3%A9e+%26+caf%C3%A9+%3D+5%E2%82%AC+%2B+1%2F2+%3F"
                + "&privateComment=100%25+%231+%7E*"
                + "&itemsList%5B%5D=Free_3_Th%C3%A9+%C3%A0+la+menthe", encode(e));
    }

    @Test
    void underscoresAndLineBreaksInTitlesBecomeSpaces() {
        assertEquals("Free_2.50_Gift wrap  deluxe", ItemToken.format(OrderLine.free(new BigDecimal("2.50"),
                "Gift_wrap\r\ndeluxe")));
        assertEquals("-5_1_A B C", ItemToken.format(OrderLine.department(5, BigDecimal.ONE, "A_B_C")));
        assertEquals("12_1_snake case_2", ItemToken.format(OrderLine.article(12, BigDecimal.ONE, "snake_case",
                new BigDecimal("2"), List.of())));
        // and the result is still one well-formed token
        assertEquals(OrderLine.free(new BigDecimal("2.50"), "Gift wrap  deluxe"),
                ItemToken.parse(ItemToken.format(OrderLine.free(new BigDecimal("2.50"), "Gift_wrap\r\ndeluxe"))));
    }

    @Test
    void maskedFieldsHideOnlyTheKey() {
        FormFields f = EditOrderEncoder.fields(edit(-1, List.of()), "SHOP1", "K3Y").masked();
        assertEquals("shopID=SHOP1&key=****&orderID=123456&payment=-1", f.encode());
    }
}
