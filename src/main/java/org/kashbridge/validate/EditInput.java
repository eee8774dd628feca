package org.kashbridge.validate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An order edit as a source delivered it, before validation: order-level values by canonical name
 * (orderID, payment, client.nom...), each with where it came from, and the lines in order. Problems
 * found while reading the source (a conflicting value, a bad row) are carried as {@code sourceErrors}
 * so the edit is rejected with them, and nothing is sent.
 */
public final class EditInput {

    public record Value(String text, String where) {
    }

    private final Map<String, Value> fields = new LinkedHashMap<>();
    private final List<LineInput> lines = new ArrayList<>();
    private final List<FieldError> sourceErrors = new ArrayList<>();

    public EditInput put(String field, String text, String where) {
        if (text != null) {
            fields.put(field, new Value(text, where));
        }
        return this;
    }

    public EditInput put(String field, String text) {
        return put(field, text, null);
    }

    public EditInput line(LineInput line) {
        lines.add(line);
        return this;
    }

    public EditInput error(FieldError error) {
        sourceErrors.add(error);
        return this;
    }

    public Map<String, Value> fields() {
        return fields;
    }

    public Value field(String name) {
        return fields.get(name);
    }

    public List<LineInput> lines() {
        return lines;
    }

    public List<FieldError> sourceErrors() {
        return sourceErrors;
    }
}
