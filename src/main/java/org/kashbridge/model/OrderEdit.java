package org.kashbridge.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A validated editOrder request, independent of where it came from. {@code fields} holds the order-level values
 * that were given, by {@link OrderField} (orderID and payment always; the type its kind names), in the order they
 * are sent; {@code client} only the customer fields that were given. Values are named, never positional, so no
 * two of them can be swapped.
 */
public record OrderEdit(Map<OrderField, Object> fields, Map<ClientField, String> client, List<OrderLine> lines) {

    public OrderEdit {
        EnumMap<OrderField, Object> copy = new EnumMap<>(OrderField.class);
        for (Map.Entry<OrderField, Object> f : fields.entrySet()) {
            if (f.getValue() != null) {
                if (!f.getKey().kind.type.isInstance(f.getValue())) {
                    throw new IllegalArgumentException(f.getKey() + " holds a " + f.getKey().kind.type.getSimpleName()
                            + ", not " + f.getValue().getClass().getSimpleName());
                }
                copy.put(f.getKey(), f.getValue());
            }
        }
        for (OrderField f : OrderField.values()) {
            if (f.required && !copy.containsKey(f)) {
                throw new IllegalArgumentException("an edit needs " + f);
            }
        }
        fields = Collections.unmodifiableMap(copy);
        if (client == null || client.isEmpty()) {
            client = Map.of();
        } else {
            EnumMap<ClientField, String> c = new EnumMap<>(ClientField.class);
            c.putAll(client);
            client = Collections.unmodifiableMap(c);
        }
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public long orderID() {
        return (Long) fields.get(OrderField.orderID);
    }

    public long payment() {
        return (Long) fields.get(OrderField.payment);
    }

    /** The value given for {@code field}, or null. */
    public Object value(OrderField field) {
        return fields.get(field);
    }

    public BigDecimal paymentAmount() {
        return (BigDecimal) fields.get(OrderField.paymentAmount);
    }

    /** True when the edit records a payment (a payment-method id), i.e. sending it twice moves money twice. */
    public boolean recordsPayment() {
        return payment() > 0;
    }

    /**
     * True when sending the edit twice changes nothing: no payment, no line (lines are appended), no new
     * customer (it would be created twice). Only such edits are retried when a reply was lost.
     */
    public boolean safeToRepeat() {
        return payment() < 0 && lines.isEmpty() && client.isEmpty();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an edit field by field (tests, benches); the validator fills the map itself. */
    public static final class Builder {
        private final EnumMap<OrderField, Object> fields = new EnumMap<>(OrderField.class);
        private Map<ClientField, String> client = Map.of();
        private List<OrderLine> lines = List.of();

        public Builder set(OrderField field, Object value) {
            fields.put(field, value);
            return this;
        }

        public Builder client(Map<ClientField, String> client) {
            this.client = client;
            return this;
        }

        public Builder lines(List<OrderLine> lines) {
            this.lines = lines;
            return this;
        }

        public OrderEdit build() {
            return new OrderEdit(fields, client, lines);
        }
    }
}
