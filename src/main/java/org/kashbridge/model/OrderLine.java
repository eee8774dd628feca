package org.kashbridge.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * One itemsList[] line. Optional parts are null when absent; for articles an empty (non-null) title
 * or a null price inside the long form are sent as empty fields, as Kash's own client does.
 */
public record OrderLine(LineType type, Long id, BigDecimal quantity, String title, BigDecimal price,
        List<Long> variations) {

    public OrderLine {
        variations = variations == null ? List.of() : List.copyOf(variations);
    }

    public static OrderLine article(long id) {
        return new OrderLine(LineType.article, id, null, null, null, List.of());
    }

    public static OrderLine article(long id, BigDecimal quantity) {
        return new OrderLine(LineType.article, id, quantity, null, null, List.of());
    }

    public static OrderLine article(long id, BigDecimal quantity, String title, BigDecimal price,
            List<Long> variations) {
        return new OrderLine(LineType.article, id, quantity, title, price, variations);
    }

    public static OrderLine department(long departmentId, BigDecimal price, String title) {
        return new OrderLine(LineType.department, departmentId, null, title, price, List.of());
    }

    public static OrderLine free(BigDecimal price, String title) {
        return new OrderLine(LineType.free, null, null, title, price, List.of());
    }
}
