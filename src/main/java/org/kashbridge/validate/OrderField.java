package org.kashbridge.validate;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Order-level editOrder fields (besides client[...]) with the kind of value each one takes. */
public enum OrderField {
    orderID(Kind.POSITIVE_ID),
    payment(Kind.PAYMENT),
    paymentAmount(Kind.AMOUNT),
    idUser(Kind.POSITIVE_ID),
    idClient(Kind.POSITIVE_ID),
    idtable(Kind.POSITIVE_ID),
    idcaisse(Kind.POSITIVE_ID),
    numcouverts(Kind.COUNT),
    publicComment(Kind.TEXT),
    privateComment(Kind.TEXT),
    pagerNum(Kind.COUNT),
    deliveryMethod(Kind.DELIVERY_METHOD);

    public enum Kind { POSITIVE_ID, PAYMENT, AMOUNT, COUNT, TEXT, DELIVERY_METHOD }

    private static final Map<String, OrderField> BY_LOWER = Stream.of(values())
            .collect(Collectors.toMap(f -> f.name().toLowerCase(Locale.ROOT), Function.identity()));

    public final Kind kind;

    OrderField(Kind kind) {
        this.kind = kind;
    }

    public static OrderField byNameIgnoreCase(String name) {
        return BY_LOWER.get(name.toLowerCase(Locale.ROOT));
    }
}
