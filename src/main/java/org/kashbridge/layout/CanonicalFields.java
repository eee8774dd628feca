package org.kashbridge.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.kashbridge.model.ClientField;
import org.kashbridge.model.OrderField;

/**
 * The names of the canonical fields a file row can carry, shared by the canonical CSV header and by
 * layouts: order-level fields (orderID, payment...), client.&lt;field&gt;, the line columns and editId.
 */
public final class CanonicalFields {

    /** Line-level columns. */
    public enum LineColumn {
        item, itemType, itemId, quantity, title, price, variations
    }

    public static final String EDIT_ID = "editId";

    private CanonicalFields() {
    }

    /** The canonical spelling of a name given in any case, or null when there is no such field. */
    public static String canonical(String raw) {
        String lower = raw.trim().toLowerCase(Locale.ROOT);
        OrderField order = OrderField.byNameIgnoreCase(lower);
        if (order != null) {
            return order.name();
        }
        if (lower.startsWith("client.")) {
            ClientField c = ClientField.byNameIgnoreCase(lower.substring("client.".length()));
            return c == null ? null : c.path();
        }
        for (LineColumn l : LineColumn.values()) {
            if (l.name().equalsIgnoreCase(lower)) {
                return l.name();
            }
        }
        return EDIT_ID.equalsIgnoreCase(lower) ? EDIT_ID : null;
    }

    /** Every canonical field name, in a stable order. */
    public static List<String> all() {
        List<String> all = new ArrayList<>();
        for (OrderField f : OrderField.values()) {
            all.add(f.name());
        }
        for (ClientField c : ClientField.values()) {
            all.add(c.path());
        }
        for (LineColumn l : LineColumn.values()) {
            all.add(l.name());
        }
        all.add(EDIT_ID);
        return all;
    }

    public static String known() {
        List<String> all = new ArrayList<>();
        for (OrderField f : OrderField.values()) {
            all.add(f.name());
        }
        all.add("client.<" + ClientField.nom + "|" + ClientField.prenom + "|...|" + ClientField.lng + ">");
        for (LineColumn l : LineColumn.values()) {
            all.add(l.name());
        }
        all.add(EDIT_ID);
        return String.join(", ", all);
    }

    public static boolean isOrderLevel(String name) {
        return OrderField.byNameIgnoreCase(name) != null || name.startsWith("client.");
    }
}
