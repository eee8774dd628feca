package org.kashbridge.encode;

import java.math.BigDecimal;
import java.util.Map;

import org.kashbridge.model.ClientField;
import org.kashbridge.model.OrderEdit;
import org.kashbridge.model.OrderField;
import org.kashbridge.model.OrderLine;

/**
 * Turns an {@link OrderEdit} into the editOrder form: shopID, key, then each order field that is set in
 * {@link OrderField} order (the API's table order: orderID, payment, ...) with the client[...] fields after
 * idClient, and itemsList[] in line order.
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
        for (OrderField f : OrderField.values()) {
            Object v = edit.value(f);
            if (v != null) {
                form.add(f.name(), v instanceof BigDecimal d ? Decimals.plain(d) : v);
            }
            if (f == OrderField.idClient) {
                // the customer fields come where the API's table has them, after idClient
                for (Map.Entry<ClientField, String> c : edit.client().entrySet()) {
                    form.add(c.getKey().formKey(), c.getValue());
                }
            }
        }
        for (OrderLine line : edit.lines()) {
            form.add(FormFields.ITEMS, ItemToken.format(line));
        }
    }
}
