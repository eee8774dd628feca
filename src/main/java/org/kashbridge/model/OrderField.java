package org.kashbridge.model;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The order-level editOrder fields (besides client[...] and the lines), in the order they are sent: the one
 * schema the JSON reader, the CSV layouts, the validator, the encoder and the OpenAPI document all read. A new
 * Kash field of one of these kinds is one line here (and the simulator, which plays Kash, learns it too).
 */
public enum OrderField {
    orderID(Kind.POSITIVE_ID, true, "must be a positive integer (the id of the Kash order)", "Kash order to edit",
            "123456"),
    payment(Kind.PAYMENT, true, null, "-2 quote (not validated), -1 validated not paid, or a payment-method id to "
            + "record a payment", "-1"),
    paymentAmount(Kind.AMOUNT, false, null, "Amount paid, only with a payment-method id; absent = the full remaining "
            + "amount", "20.50"),
    idUser(Kind.POSITIVE_ID, false, null, "Staff user; absent = Kash's webservice user", null),
    idClient(Kind.POSITIVE_ID, false, null, "Existing customer; not together with client", null),
    idtable(Kind.POSITIVE_ID, false, null, "Table", null),
    idcaisse(Kind.POSITIVE_ID, false, null, "Cash register", null),
    numcouverts(Kind.COUNT, false, null, "Number of covers at the table", null),
    publicComment(Kind.TEXT, false, null, "Public comment", null),
    privateComment(Kind.TEXT, false, null, "Private comment", null),
    pagerNum(Kind.COUNT, false, null, "Pager (buzzer) number", null),
    deliveryMethod(Kind.DELIVERY_METHOD, false, null, "0 take-away, 1 delivery, 2 on site, 3 drive-thru, 4 counter, "
            + "5 relay point, 6 shipping", null);

    /** What a field holds: its Java type in {@link OrderEdit}, the integers it allows, and the rule it states. */
    public enum Kind {
        POSITIVE_ID(Long.class, n -> n >= 1, "must be a positive integer", 1L, null),
        PAYMENT(Long.class, n -> n == -2 || n == -1 || n > 0, "must be -2 (quote, not validated), -1 (validated, not "
                + "paid) or a payment-method id > 0", null, null),
        COUNT(Long.class, n -> n >= 0, "must be an integer >= 0", 0L, null),
        DELIVERY_METHOD(Long.class, n -> n >= 0 && n <= 6, "must be an integer from 0 to 6 (0 take-away, 1 delivery, "
                + "2 on site, 3 drive-thru, 4 counter, 5 relay point, 6 shipping)", 0L, 6L),
        /** A decimal >= 0 written with a dot. */
        AMOUNT(BigDecimal.class, null, null, 0L, null),
        TEXT(String.class, null, null, null, null);

        public final Class<?> type;
        /** For integer kinds: the values allowed. */
        public final LongPredicate allows;
        public final String rule;
        /** Bounds for the OpenAPI document (null: none), the same as {@link #allows} where it is a range. */
        public final Long minimum;
        public final Long maximum;

        Kind(Class<?> type, LongPredicate allows, String rule, Long minimum, Long maximum) {
            this.type = type;
            this.allows = allows;
            this.rule = rule;
            this.minimum = minimum;
            this.maximum = maximum;
        }
    }

    private static final Map<String, OrderField> BY_LOWER = Stream.of(values())
            .collect(Collectors.toMap(f -> f.name().toLowerCase(Locale.ROOT), Function.identity()));

    public final Kind kind;
    public final boolean required;
    /** What a valid value is, as the error for a bad one says it. */
    public final String rule;
    public final String description;
    /** An example value for the OpenAPI document (null: none). */
    public final String example;

    OrderField(Kind kind, boolean required, String rule, String description, String example) {
        this.kind = kind;
        this.required = required;
        this.rule = rule != null ? rule : kind.rule;
        this.description = description;
        this.example = example;
    }

    public static OrderField byNameIgnoreCase(String name) {
        return BY_LOWER.get(name.toLowerCase(Locale.ROOT));
    }
}
