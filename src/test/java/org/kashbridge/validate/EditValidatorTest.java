package org.kashbridge.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kashbridge.model.ClientField;
import org.kashbridge.model.LineType;

class EditValidatorTest {

    private static EditInput base() {
        return new EditInput().put("orderID", "123", "row 2").put("payment", "-2", "row 2");
    }

    private static List<String> errors(EditInput in) {
        return EditValidator.validate(in).errors().stream().map(FieldError::toString).toList();
    }

    private static LineInput typed(String type, String id, String qty, String title, String price, String... vars) {
        return new LineInput("row 3", null, type, id, qty, title, price, List.of(vars));
    }

    @Test
    void paymentOnlyAndCustomerOnlyEditsAreValidWithoutItems() {
        EditValidator.Result pay = EditValidator.validate(new EditInput().put("orderID", "1").put("payment", "4")
                .put("paymentAmount", "12.50"));
        assertTrue(pay.valid());
        assertEquals(new BigDecimal("12.50"), pay.edit().paymentAmount());
        EditValidator.Result customer = EditValidator.validate(base().put("client.nom", "Dupont"));
        assertTrue(customer.valid());
        assertEquals("Dupont", customer.edit().client().get(ClientField.nom));
    }

    @Test
    void orderIdMustBeAPositiveInteger() {
        assertEquals(List.of("row 2, orderID: must be a positive integer (the id of the Kash order), got 'abc'"),
                errors(base().put("orderID", "abc", "row 2")));
        assertEquals(List.of("row 2, orderID: must be a positive integer (the id of the Kash order), got '0'"),
                errors(base().put("orderID", "0", "row 2")));
        assertEquals(List.of("orderID: is required; it must be a positive integer (the id of the Kash order)"),
                errors(new EditInput().put("payment", "-1")));
    }

    @Test
    void paymentIsMinusTwoMinusOneOrAMethodId() {
        String rule = "must be -2 (quote, not validated), -1 (validated, not paid) or a payment-method id > 0";
        assertEquals(List.of("row 2, payment: " + rule + ", got '0'"), errors(base().put("payment", "0", "row 2")));
        assertEquals(List.of("row 2, payment: " + rule + ", got '-3'"), errors(base().put("payment", "-3", "row 2")));
        assertEquals(List.of("row 2, payment: " + rule + ", got 'cash'"),
                errors(base().put("payment", "cash", "row 2")));
        assertEquals(List.of("payment: is required; it " + rule), errors(new EditInput().put("orderID", "1")));
    }

    @Test
    void paymentAmountIsANonNegativeDecimalOnlyWithAMethod() {
        assertEquals(
                List.of("paymentAmount: is only allowed when payment is a payment-method id (> 0), but payment is -2"),
                errors(base().put("paymentAmount", "10")));
        assertEquals(
                List.of("paymentAmount: must be a decimal written with a dot and no grouping (e.g. 12.50), got '12,5'"),
                errors(base().put("payment", "3").put("paymentAmount", "12,5")));
        assertEquals(List.of("paymentAmount: must not be negative, got '-1'"),
                errors(base().put("payment", "3").put("paymentAmount", "-1")));
    }

    @Test
    void deliveryMethodIsZeroToSix() {
        assertTrue(EditValidator.validate(base().put("deliveryMethod", "6")).valid());
        assertEquals(List.of("deliveryMethod: must be an integer from 0 to 6 (0 take-away, 1 delivery, 2 on site, "
                + "3 drive-thru, 4 counter, 5 relay point, 6 shipping), got '7'"),
                errors(base().put("deliveryMethod", "7")));
    }

    @Test
    void idsAndCountsAreIntegers() {
        assertEquals(List.of("idUser: must be a positive integer, got 'x'",
                "idtable: must be a positive integer, got '1.5'",
                "idcaisse: must be a positive integer, got '-4'", "numcouverts: must be an integer >= 0, got 'two'",
                "pagerNum: must be an integer >= 0, got '-1'", "idClient: must be a positive integer, got '1e3'"),
                errors(base().put("idUser", "x").put("idtable", "1.5").put("idcaisse", "-4").put("numcouverts", "two")
                        .put("pagerNum", "-1").put("idClient", "1e3")).stream()
                                .sorted((a, b) -> order(a) - order(b)).toList());
    }

    private static int order(String message) {
        List<String> fields = List.of("idUser", "idtable", "idcaisse", "numcouverts", "pagerNum", "idClient");
        for (int i = 0; i < fields.size(); i++) {
            if (message.startsWith(fields.get(i))) {
                return i;
            }
        }
        return 99;
    }

    @Test
    void idClientAndNewCustomerFieldsExcludeEachOther() {
        assertEquals(
                List.of("idClient: give either idClient (an existing customer) or client.* fields (a new customer), "
                        + "not both"),
                errors(base().put("idClient", "5").put("client.nom", "X")));
    }

    @Test
    void customerCoordinatesAreDecimals() {
        assertEquals(List.of("client.lat: must be between -90 and 90, got '91'"),
                errors(base().put("client.lat", "91")));
    }

    @Test
    void atMostFiveVariations() {
        assertEquals(List.of("row 3, items[0].variations: at most 5 variations are allowed, got 6"),
                errors(base().line(typed("article", "1", "1", "T", "1", "1", "2", "3", "4", "5", "6"))));
        assertTrue(EditValidator.validate(base().line(typed("article", "1", "1", "T", "1", "1", "2", "3", "4", "5")))
                .valid());
    }

    @Test
    void quantityAboveZeroAndPriceNotNegative() {
        assertEquals(List.of("row 3, items[0].quantity: must be a number greater than 0 written with a dot, got '0'"),
                errors(base().line(typed("article", "1", "0", null, null))));
        assertEquals(List.of("row 3, items[0].price: must be a decimal >= 0 written with a dot (e.g. 9.99), got '-1'"),
                errors(base().line(typed("free", null, null, "T", "-1"))));
        assertEquals(
                List.of("row 3, items[0].price: must be a decimal >= 0 written with a dot (e.g. 9.99), got '9,99'"),
                errors(base().line(typed("free", null, null, "T", "9,99"))));
    }

    @Test
    void lineTypesNeedTheirParts() {
        assertEquals(List.of("row 3, items[0].type: unknown item type 'souvenir'; use article, department or free"),
                errors(base().line(typed("souvenir", "1", "1", "Mug", "8"))));
        assertEquals(List.of("row 3, items[0].id: is required for article lines"),
                errors(base().line(typed("article", null, "1", null, null))));
        assertEquals(List.of("row 3, items[0].price: is required for department lines",
                "row 3, items[0].title: is required for department lines"),
                errors(base().line(typed("department", "5", null, "", null))));
        assertEquals(List.of("row 3, items[0].id: a free line has no id (use department to attach it to a department), "
                + "got '4'"), errors(base().line(typed("free", "4", null, "T", "1"))));
        assertEquals(List.of("row 3, items[0].quantity: a free line (Free_price_title) has no quantity; use one line "
                + "per unit or an article, got '2'"), errors(base().line(typed("free", null, "2", "T", "1"))));
    }

    @Test
    void rawTokensAreCheckedAgainstTheGrammar() {
        assertEquals(List.of("row 4, items[0]: malformed item token: '12_2_Title' has 3 fields; an article takes id, "
                + "id_qty or id_qty_title_price[_v1.._v5] (a title cannot contain '_')"),
                errors(base().line(LineInput.ofToken("row 4", "12_2_Title"))));
        EditValidator.Result ok = EditValidator
                .validate(base().line(LineInput.ofToken("row 4", "-5_9.99_Vente libre")));
        assertNotNull(ok.edit());
        assertEquals(LineType.department, ok.edit().lines().get(0).type());
    }

    @Test
    void reportsEveryErrorNotJustTheFirst() {
        assertEquals(3, errors(new EditInput().put("orderID", "x").put("payment", "y")
                .line(typed("nope", null, null, null, null))).size());
    }

    @Test
    void itemTypesAreReadInAnyCaseAndAnUnknownOneIsNamed() {
        EditValidator.Result r = EditValidator.validate(base().line(typed("FREE", null, null, "T", "1"))
                .line(typed("Article", "7", null, null, null)).line(typed("department", "5", null, "D", "2")));
        assertTrue(r.valid(), r.errors().toString());
        assertEquals(List.of(LineType.free, LineType.article, LineType.department),
                r.edit().lines().stream().map(l -> l.type()).toList());
        assertEquals(List.of("row 3, items[0].type: unknown item type 'gift'; use article, department or free"),
                errors(base().line(typed("gift", null, null, "T", "1"))));
    }

    @Test
    void everyTextIsBoundedAndTheErrorNamesTheFieldAndTheLength() {
        // 200 characters are fine, counted as characters: an emoji is one
        String title200 = "\uD83C\uDF55".repeat(200);
        assertTrue(EditValidator.validate(base().line(typed("free", null, null, title200, "1"))).valid());
        assertEquals(List.of("row 3, items[0].title: must be at most 200 characters, got 201"),
                errors(base().line(typed("free", null, null, "x".repeat(201), "1"))));
        assertEquals(List.of("row 2, publicComment: must be at most 2000 characters, got 2001"),
                errors(base().put("publicComment", "c".repeat(2001), "row 2")));
        assertEquals(List.of("row 2, client.nom: must be at most 200 characters, got 201"),
                errors(base().put("client.nom", "n".repeat(201), "row 2")));
        assertEquals(List.of("row 3, items[0]: must be at most 400 characters, got 401"),
                errors(base().line(LineInput.ofToken("row 3", "Free_1_" + "t".repeat(394)))));
        EditInput many = base();
        for (int i = 0; i < 501; i++) {
            many.line(LineInput.ofToken("row " + (i + 3), "12"));
        }
        assertEquals(List.of("items: at most 500 lines in one edit, got 501; split the order's lines over several "
                + "edits"), errors(many));
    }

    @Test
    void aTitleOfOnlyUnderscoresWouldReachKashBlankAndIsRefused() {
        assertEquals(List.of("row 3, items[0].title: holds nothing but '_', spaces or control characters, which Kash "
                + "would receive as a blank title, got '_'"), errors(base().line(typed("free", null, null, "_", "1"))));
        assertEquals(1, errors(base().line(typed("article", "12", "1", "_ _", "1"))).size());
        assertTrue(EditValidator.validate(base().line(typed("free", null, null, "Gift_wrap", "1"))).valid());
    }
}
