package org.kashbridge.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A validated editOrder request, independent of where it came from. Optional fields are null when
 * not set and are then not sent. {@code client} holds only the customer fields that were given.
 */
public record OrderEdit(
        long orderID,
        long payment,
        BigDecimal paymentAmount,
        Long idUser,
        Long idClient,
        Map<ClientField, String> client,
        Long idtable,
        Long idcaisse,
        Long numcouverts,
        String publicComment,
        String privateComment,
        Long pagerNum,
        Integer deliveryMethod,
        List<OrderLine> lines) {

    public OrderEdit {
        if (client == null || client.isEmpty()) {
            client = Map.of();
        } else {
            EnumMap<ClientField, String> copy = new EnumMap<>(ClientField.class);
            copy.putAll(client);
            client = Collections.unmodifiableMap(copy);
        }
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** True when the edit records a payment (a payment-method id), i.e. sending it twice moves money twice. */
    public boolean recordsPayment() {
        return payment > 0;
    }

    /**
     * True when sending the edit twice changes nothing: no payment, no line (lines are appended), no new
     * customer (it would be created twice). Only such edits are retried when a reply was lost.
     */
    public boolean safeToRepeat() {
        return payment < 0 && lines.isEmpty() && client.isEmpty();
    }
}
