package org.kashbridge.validate;

/**
 * One problem with one field. {@code where} says where the value came from (for a file: "row 7",
 * or "rows 3, 9" for a conflict), {@code field} is the canonical name (orderID, client.email,
 * items[2].price...).
 */
public record FieldError(String where, String field, String message) {

    @Override
    public String toString() {
        boolean hasWhere = where != null && !where.isEmpty();
        boolean hasField = field != null && !field.isEmpty();
        StringBuilder sb = new StringBuilder();
        if (hasWhere) {
            sb.append(where).append(hasField ? ", " : ": ");
        }
        if (hasField) {
            sb.append(field).append(": ");
        }
        return sb.append(message).toString();
    }
}
