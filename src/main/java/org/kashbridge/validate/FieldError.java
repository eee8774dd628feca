package org.kashbridge.validate;

/**
 * One problem with one field. {@code where} says where the value came from (for a file: "row 7",
 * or "rows 3, 9" for a conflict), {@code field} is the canonical name (orderID, client.email,
 * items[2].price...).
 */
public record FieldError(String where, String field, String message) {

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (where != null && !where.isEmpty()) {
            sb.append(where).append(", ");
        }
        if (field != null && !field.isEmpty()) {
            sb.append(field).append(": ");
        }
        return sb.append(message).toString();
    }
}
