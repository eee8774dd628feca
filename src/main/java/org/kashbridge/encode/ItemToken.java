package org.kashbridge.encode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.kashbridge.model.LineType;
import org.kashbridge.model.OrderLine;

/**
 * The itemsList[] token grammar, both ways. Kash splits a token on {@code _} and documents no escape,
 * so titles are sanitised on the way out: every {@code _} and every control character (line breaks,
 * tabs) becomes a space. Parsing is strict: anything the grammar does not allow is an error.
 */
public final class ItemToken {

    public static final int MAX_VARIATIONS = 5;
    private static final Pattern ID = Pattern.compile("[1-9]\\d{0,17}");
    private static final Pattern AMOUNT = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern UNSAFE_IN_TITLE = Pattern.compile("[_\\p{Cntrl}]");

    private ItemToken() {
    }

    /** Thrown when a token does not follow the grammar; the message says which part and why. */
    public static final class MalformedTokenException extends IllegalArgumentException {
        public MalformedTokenException(String message) {
            super(message);
        }
    }

    public static String sanitizeTitle(String title) {
        if (title == null) {
            return "";
        }
        char[] chars = null;
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            if (c == '_' || Character.isISOControl(c)) {
                if (chars == null) {
                    chars = title.toCharArray();
                }
                chars[i] = ' ';
            }
        }
        return chars == null ? title : new String(chars);
    }

    public static String format(OrderLine line) {
        return switch (line.type()) {
            case department -> Decimals.appendPlain(new StringBuilder(32).append('-').append(line.id()).append('_'),
                    line.price()).append('_').append(sanitizeTitle(line.title())).toString();
            case free -> Decimals.appendPlain(new StringBuilder(32).append("Free_"), line.price()).append('_')
                    .append(sanitizeTitle(line.title())).toString();
            case article -> formatArticle(line);
        };
    }

    private static String formatArticle(OrderLine line) {
        StringBuilder sb = new StringBuilder().append(line.id());
        boolean longForm = line.title() != null || line.price() != null || !line.variations().isEmpty();
        if (line.quantity() == null && !longForm) {
            return sb.toString();
        }
        sb.append('_');
        if (line.quantity() == null) {
            sb.append('1');
        } else {
            Decimals.appendPlain(sb, line.quantity());
        }
        if (longForm) {
            sb.append('_').append(sanitizeTitle(line.title()));
            sb.append('_');
            if (line.price() != null) {
                Decimals.appendPlain(sb, line.price());
            }
            for (Long v : line.variations()) {
                sb.append('_').append(v);
            }
        }
        return sb.toString();
    }

    /** Parses one token into a line, or throws {@link MalformedTokenException} naming what is wrong. */
    public static OrderLine parse(String token) {
        if (token == null || token.isEmpty()) {
            throw new MalformedTokenException("empty item token");
        }
        String[] parts = token.split("_", -1);
        if (parts[0].equals("Free")) {
            expectParts(token, parts, 3, "Free_price_title");
            return OrderLine.free(amount(parts[1], "price", false), title(parts[2], true));
        }
        if (parts[0].startsWith("-")) {
            expectParts(token, parts, 3, "-idRayon_price_title");
            return OrderLine.department(id(parts[0].substring(1), "department id"), amount(parts[1], "price", false),
                    title(parts[2], true));
        }
        long id = id(parts[0], "article id");
        switch (parts.length) {
            case 1:
                return OrderLine.article(id);
            case 2:
                return OrderLine.article(id, quantity(parts[1]));
            case 3:
                throw new MalformedTokenException("'" + token + "' has 3 fields; an article takes id, id_qty or "
                        + "id_qty_title_price[_v1.._v5] (a title cannot contain '_')");
            default:
                if (parts.length > 4 + MAX_VARIATIONS) {
                    throw new MalformedTokenException("'" + token + "' has " + (parts.length - 4)
                            + " variations; at most " + MAX_VARIATIONS + " are allowed (a title cannot contain '_')");
                }
                List<Long> variations = new ArrayList<>();
                for (int i = 4; i < parts.length; i++) {
                    variations.add(id(parts[i], "variation id"));
                }
                return OrderLine.article(id, quantity(parts[1]), title(parts[2], false),
                        amount(parts[3], "price", true),
                        variations);
        }
    }

    private static void expectParts(String token, String[] parts, int expected, String form) {
        if (parts.length != expected) {
            throw new MalformedTokenException("'" + token + "' has " + parts.length + " fields; " + form + " takes "
                    + expected + " (a title cannot contain '_')");
        }
    }

    private static long id(String text, String what) {
        if (!ID.matcher(text).matches()) {
            throw new MalformedTokenException(what + " '" + text + "' is not a positive integer");
        }
        return Long.parseLong(text);
    }

    private static BigDecimal quantity(String text) {
        if (!AMOUNT.matcher(text).matches() || new BigDecimal(text).signum() <= 0) {
            throw new MalformedTokenException("quantity '" + text + "' is not a number greater than 0");
        }
        return new BigDecimal(text);
    }

    private static BigDecimal amount(String text, String what, boolean mayBeEmpty) {
        if (mayBeEmpty && text.isEmpty()) {
            return null;
        }
        if (!AMOUNT.matcher(text).matches()) {
            throw new MalformedTokenException(what + " '" + text + "' is not a decimal >= 0 written with a dot");
        }
        return new BigDecimal(text);
    }

    private static String title(String text, boolean required) {
        if (required && text.isBlank()) {
            throw new MalformedTokenException("title is empty");
        }
        if (UNSAFE_IN_TITLE.matcher(text).find()) {
            throw new MalformedTokenException("title contains a control character");
        }
        return text;
    }

    /** For messages: the form name of a line type. */
    public static String formOf(LineType type) {
        return switch (type) {
            case article -> "id_qty_title_price_v1..v5";
            case department -> "-idRayon_price_title";
            case free -> "Free_price_title";
        };
    }
}
