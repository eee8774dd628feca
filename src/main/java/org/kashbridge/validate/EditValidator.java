package org.kashbridge.validate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.kashbridge.encode.Decimals;
import org.kashbridge.encode.ItemToken;
import org.kashbridge.model.ClientField;
import org.kashbridge.model.LineType;
import org.kashbridge.model.OrderEdit;
import org.kashbridge.model.OrderField;
import org.kashbridge.model.OrderLine;

/**
 * The one validation every source goes through before anything is sent: text in, either a typed
 * {@link OrderEdit} or the complete list of field errors (never just the first one).
 */
public final class EditValidator {

    /**
     * The value of an optional minus and 1 to 18 digits (what fits a long), else null. One pass, no regex:
     * this runs for every value.
     */
    static Long parseInteger(String s) {
        int start = s.startsWith("-") ? 1 : 0;
        int digits = s.length() - start;
        if (digits < 1 || digits > 18) {
            return null;
        }
        long n = 0;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            n = n * 10 + (c - '0');
        }
        return start == 1 ? -n : n;
    }

    /** The result: exactly one of {@code edit} or a non-empty {@code errors}. */
    public record Result(OrderEdit edit, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private EditValidator() {
    }

    public static Result validate(EditInput input) {
        Checker c = new Checker();
        c.errors.addAll(input.sourceErrors());
        // A rejected source row may hold the missing values: do not add "is required" noise to its errors.
        c.requireFields = input.sourceErrors().isEmpty();

        EnumMap<OrderField, Object> fields = new EnumMap<>(OrderField.class);
        for (OrderField f : OrderField.values()) {
            Object v = switch (f.kind) {
                case AMOUNT -> c.decimal(input, f.name());
                case TEXT -> c.bounded(input, f.name(), text(input, f.name()), Limits.COMMENT);
                default -> c.integer(input, f);
            };
            if (v != null) {
                fields.put(f, v);
            }
            // the one rule that joins two fields, checked where its field comes so errors stay in field order
            Object payment = fields.get(OrderField.payment);
            if (f == OrderField.paymentAmount && v != null && payment != null && (Long) payment <= 0) {
                c.fail(input, OrderField.paymentAmount, "is only allowed when payment is a payment-method id (> 0), "
                        + "but payment is " + payment);
            }
        }
        Object idClient = fields.get(OrderField.idClient);
        boolean anyClient = false;
        for (String k : input.fields().keySet()) {
            anyClient |= k.startsWith("client.");
        }
        Map<ClientField, String> client = Map.of(); // most edits name no customer: no map for them
        if (anyClient) {
            client = new EnumMap<>(ClientField.class);
            for (ClientField f : ClientField.values()) {
                String v = text(input, f.path());
                if (v == null) {
                    continue;
                }
                if (f == ClientField.lat || f == ClientField.lng) {
                    BigDecimal d = c.decimalAllowingSign(input, f.path());
                    BigDecimal limit = BigDecimal.valueOf(f == ClientField.lat ? 90 : 180);
                    if (d != null && d.abs().compareTo(limit) > 0) {
                        c.fail(input, f.path(), "must be between -" + limit + " and " + limit + ", got '" + v
                                + "'");
                    }
                }
                if (c.bounded(input, f.path(), v, Limits.CLIENT_FIELD) != null) {
                    client.put(f, v);
                }
            }
        }
        if (idClient != null && !client.isEmpty()) {
            c.fail(input, OrderField.idClient.name(), "give either idClient (an existing customer) or client.* fields "
                    + "(a new customer), not both");
        }

        if (input.lines().size() > Limits.LINES) {
            c.errors.add(new FieldError(null, "items", "at most " + Limits.LINES + " lines in one edit, got "
                    + input.lines().size() + "; split the order's lines over several edits"));
            return new Result(null, List.copyOf(c.errors));
        }
        List<OrderLine> lines = new ArrayList<>(input.lines().size());
        for (int i = 0; i < input.lines().size(); i++) {
            OrderLine line = c.line(input.lines().get(i), i);
            if (line != null) {
                lines.add(line);
            }
        }

        if (!c.errors.isEmpty()) {
            return new Result(null, List.copyOf(c.errors));
        }
        return new Result(new OrderEdit(fields, client, lines), List.of());
    }

    static String text(EditInput input, String field) {
        EditInput.Value v = input.field(field);
        if (v == null || v.text() == null) {
            return null;
        }
        String t = v.text().trim();
        return t.isEmpty() ? null : t;
    }

    private static String blankToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }

    private static final class Checker {
        final List<FieldError> errors = new ArrayList<>();
        boolean requireFields = true;

        void fail(EditInput input, OrderField field, String message) {
            fail(input, field.name(), message);
        }

        void fail(EditInput input, String field, String message) {
            EditInput.Value v = input.field(field);
            errors.add(new FieldError(v == null ? null : v.where(), field, message));
        }

        /** {@code value} when within {@code max} characters, else null with the error. */
        String bounded(EditInput input, String field, String value, int max) {
            String tooLong = Limits.tooLong(value, max);
            if (tooLong != null) {
                fail(input, field, tooLong);
                return null;
            }
            return value;
        }

        /** An integer field: its kind says which values it allows, its rule what the error says. */
        Long integer(EditInput input, OrderField field) {
            String v = text(input, field.name());
            if (v == null) {
                if (field.required && requireFields) {
                    fail(input, field, "is required; it " + field.rule);
                }
                return null;
            }
            Long n = parseInteger(v);
            if (n == null || !field.kind.allows.test(n)) {
                fail(input, field, field.rule + ", got '" + v + "'");
                return null;
            }
            return n;
        }

        BigDecimal decimal(EditInput input, String field) {
            BigDecimal d = decimalAllowingSign(input, field);
            if (d != null && d.signum() < 0) {
                fail(input, field, "must not be negative, got '" + text(input, field) + "'");
                return null;
            }
            return d;
        }

        BigDecimal decimalAllowingSign(EditInput input, String field) {
            String v = text(input, field);
            if (v == null) {
                return null;
            }
            BigDecimal d = Decimals.parsePlain(v);
            if (d == null) {
                fail(input, field,
                        "must be a decimal written with a dot and no grouping (e.g. 12.50), got '" + v + "'");
            }
            return d;
        }

        /** A problem with line {@code index}: its path ("items[2].price") is spelled out only here. */
        void lineError(LineInput in, int index, String part, String message) {
            errors.add(new FieldError(in.where(), "items[" + index + "]" + part, message));
        }

        /** @param index the line's place in the edit */
        OrderLine line(LineInput in, int index) {
            String token = blankToNull(in.token());
            if (token != null) {
                String tooLong = Limits.tooLong(token, Limits.TOKEN);
                if (tooLong != null) {
                    lineError(in, index, "", tooLong);
                    return null;
                }
                try {
                    return ItemToken.parse(token);
                } catch (ItemToken.MalformedTokenException e) {
                    lineError(in, index, "", "malformed item token: " + e.getMessage());
                    return null;
                }
            }
            String typeText = blankToNull(in.type());
            if (typeText == null) {
                lineError(in, index, ".type",
                        "is required for a line: article, department or free (or give a raw item token)");
                return null;
            }
            LineType type = LineType.parse(typeText);
            if (type == null) {
                lineError(in, index, ".type",
                        "unknown item type '" + typeText + "'; use article, department or free");
                return null;
            }
            int before = errors.size();
            String id = blankToNull(in.id());
            String quantity = blankToNull(in.quantity());
            String price = blankToNull(in.price());
            String title = in.title() == null ? null : in.title().strip();
            Long parsedId = null;
            if (type == LineType.free) {
                if (id != null) {
                    lineError(in, index, ".id", "a free line has no id (use department to "
                            + "attach it to a department), got '" + id + "'");
                }
            } else if (id == null) {
                lineError(in, index, ".id", "is required for " + type + " lines");
            } else {
                parsedId = parseInteger(id);
                if (parsedId == null || parsedId <= 0) {
                    lineError(in, index, ".id", "must be a positive integer, got '" + id + "'");
                    parsedId = null;
                }
            }
            BigDecimal qty = null;
            if (quantity != null) {
                qty = Decimals.parsePlain(quantity);
                if (qty == null || qty.signum() <= 0) {
                    lineError(in, index, ".quantity",
                            "must be a number greater than 0 written with a dot, got '" + quantity + "'");
                } else if (type != LineType.article && qty.compareTo(BigDecimal.ONE) != 0) {
                    lineError(in, index, ".quantity", "a " + type + " line ("
                            + ItemToken.formOf(type) + ") has no quantity; use one line per unit or an article, got '"
                            + quantity + "'");
                }
            }
            BigDecimal unitPrice = null;
            if (price != null) {
                unitPrice = Decimals.parsePlain(price);
                if (unitPrice == null || unitPrice.signum() < 0) {
                    lineError(in, index, ".price",
                            "must be a decimal >= 0 written with a dot (e.g. 9.99), got '" + price + "'");
                }
            } else if (type != LineType.article) {
                lineError(in, index, ".price", "is required for " + type + " lines");
            }
            if (type != LineType.article && (title == null || title.isEmpty())) {
                lineError(in, index, ".title", "is required for " + type + " lines");
            } else if (title != null && !title.isEmpty() && ItemToken.sanitizeTitle(title).isBlank()) {
                // Kash separates a token's parts with '_': the title would reach it blank
                lineError(in, index, ".title", "holds nothing but '_', spaces or control characters, which Kash "
                        + "would receive as a blank title, got '" + title + "'");
            } else if (Limits.tooLong(title, Limits.TITLE) != null) {
                lineError(in, index, ".title", Limits.tooLong(title, Limits.TITLE));
            }
            List<Long> variations = new ArrayList<>();
            if (!in.variations().isEmpty()) {
                if (type != LineType.article) {
                    lineError(in, index, ".variations", "only article lines take variations");
                } else if (in.variations().size() > ItemToken.MAX_VARIATIONS) {
                    lineError(in, index, ".variations", "at most " + ItemToken.MAX_VARIATIONS
                            + " variations are allowed, got " + in.variations().size());
                } else {
                    for (String v : in.variations()) {
                        String t = blankToNull(v);
                        Long variation = t == null ? null : parseInteger(t);
                        if (variation == null || variation <= 0) {
                            lineError(in, index, ".variations",
                                    "each variation must be a positive integer id, got '" + v + "'");
                        } else {
                            variations.add(variation);
                        }
                    }
                }
            }
            if (errors.size() > before) {
                return null;
            }
            return switch (type) {
                case article -> new OrderLine(LineType.article, parsedId, qty, title == null || title.isEmpty()
                        && unitPrice == null && variations.isEmpty() ? null : title, unitPrice, variations);
                case department -> OrderLine.department(parsedId, unitPrice, title);
                case free -> OrderLine.free(unitPrice, title);
            };
        }
    }
}
