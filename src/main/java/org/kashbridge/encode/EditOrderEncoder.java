package org.kashbridge.encode;

import java.util.Map;

import org.kashbridge.model.ClientField;
import org.kashbridge.model.OrderEdit;
import org.kashbridge.model.OrderLine;

/**
 * Turns an {@link OrderEdit} into the editOrder form: shopID, key, orderID, payment, then each optional
 * field only when set (in the API's table order), the client[...] fields, and itemsList[] in line order.
 */
public final class EditOrderEncoder {

    private EditOrderEncoder() {
    }

    /** Where the fields go, in form order: a {@link FormFields} list, or straight into the encoded body. */
    interface Sink {
        void add(String name, Object value);
    }

    public static FormFields fields(OrderEdit edit, String shopId, String apiKey) {
        FormFields form = new FormFields();
        write(edit, shopId, apiKey, form::add);
        return form;
    }

    /** The form body, written in one pass (no field list): this runs for every edit sent. */
    public static String encode(OrderEdit edit, String shopId, String apiKey) {
        FormFields.Writer body = new FormFields.Writer(96 + 48 * edit.lines().size());
        write(edit, shopId, apiKey, body::add);
        return body.toString();
    }

    private static void write(OrderEdit edit, String shopId, String apiKey, Sink form) {
        form.add("shopID", shopId);
        form.add(FormFields.KEY, apiKey);
        form.add("orderID", edit.orderID());
        form.add("payment", edit.payment());
        form.add("paymentAmount", edit.paymentAmount() == null ? null : Decimals.plain(edit.paymentAmount()));
        form.add("idUser", edit.idUser());
        form.add("idClient", edit.idClient());
        for (Map.Entry<ClientField, String> c : edit.client().entrySet()) {
            form.add(c.getKey().formKey(), c.getValue());
        }
        form.add("idtable", edit.idtable());
        form.add("idcaisse", edit.idcaisse());
        form.add("numcouverts", edit.numcouverts());
        form.add("publicComment", edit.publicComment());
        form.add("privateComment", edit.privateComment());
        form.add("pagerNum", edit.pagerNum());
        form.add("deliveryMethod", edit.deliveryMethod());
        for (OrderLine line : edit.lines()) {
            form.add(FormFields.ITEMS, ItemToken.format(line));
        }
    }
}
