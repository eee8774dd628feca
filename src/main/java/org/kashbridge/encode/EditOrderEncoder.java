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

    public static FormFields fields(OrderEdit edit, String shopId, String apiKey) {
        FormFields form = new FormFields()
                .add("shopID", shopId)
                .add(FormFields.KEY, apiKey)
                .add("orderID", edit.orderID())
                .add("payment", edit.payment())
                .add("paymentAmount", edit.paymentAmount() == null ? null : Decimals.plain(edit.paymentAmount()))
                .add("idUser", edit.idUser())
                .add("idClient", edit.idClient());
        for (Map.Entry<ClientField, String> c : edit.client().entrySet()) {
            form.add(c.getKey().formKey(), c.getValue());
        }
        form.add("idtable", edit.idtable())
                .add("idcaisse", edit.idcaisse())
                .add("numcouverts", edit.numcouverts())
                .add("publicComment", edit.publicComment())
                .add("privateComment", edit.privateComment())
                .add("pagerNum", edit.pagerNum())
                .add("deliveryMethod", edit.deliveryMethod());
        for (OrderLine line : edit.lines()) {
            form.add("itemsList[]", ItemToken.format(line));
        }
        return form;
    }

    public static String encode(OrderEdit edit, String shopId, String apiKey) {
        return fields(edit, shopId, apiKey).encode();
    }
}
