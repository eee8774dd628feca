package org.kashbridge.csv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

import org.kashbridge.encode.Decimals;
import org.kashbridge.layout.Amounts;
import org.kashbridge.layout.ArticleXref;
import org.kashbridge.layout.CanonicalFields;
import org.kashbridge.layout.CanonicalFields.LineColumn;
import org.kashbridge.layout.FieldRule;
import org.kashbridge.layout.Layout;
import org.kashbridge.validate.FieldError;

/**
 * Maps the records of an ERP file onto canonical fields as its layout says: picks each field's column
 * (or slice, or constant), applies the regex, the value map and the amount format, turns line totals into
 * unit prices and article codes into Kash ids. Every problem is a row error naming the field, the
 * source column and the layout key; the row's edit is then rejected and the rest of the file goes on.
 */
final class LayoutRowMapper extends RowMapper {

    private static final List<String> AMOUNTS = List.of("price", "paymentAmount", "quantity");

    private final Layout layout;
    private final CsvColumns columns = CsvColumns.ofCanonical(CanonicalFields.all());
    private final int[] sourceIndex;
    /** Per rule: whether its field is an amount (price, paymentAmount, quantity). */
    private final boolean[] amount;
    /**
     * How many values a row has: the header's, or, in a delimited file without one, the first record's (any row
     * that differs cannot be told apart from a row that lost or gained a value); -1 when rows are not counted.
     */
    private int headerSize;
    private final boolean countedFromFirst;
    private final int type = columns.index.get(LineColumn.itemType.name());
    private final int id = columns.index.get(LineColumn.itemId.name());
    private final int quantity = columns.index.get(LineColumn.quantity.name());
    private final int title = columns.index.get(LineColumn.title.name());
    private final int price = columns.index.get(LineColumn.price.name());
    private final boolean explicitKeys;

    LayoutRowMapper(Layout layout, List<String> header, Decoding decoding) {
        super(decoding);
        this.layout = layout;
        this.headerSize = header == null ? -1 : header.size();
        this.countedFromFirst = header == null && layout.type() == Layout.Type.DELIMITED;
        if (layout.header() && header == null) {
            throw new UnreadableFileException("the file is empty: " + layout.describe() + " expects a header row"
                    + (layout.skipLines() > 0 ? " after " + layout.skipLines() + " skipped lines" : ""));
        }
        sourceIndex = new int[layout.fields().size()];
        amount = new boolean[sourceIndex.length];
        for (int i = 0; i < sourceIndex.length; i++) {
            FieldRule r = layout.fields().get(i);
            sourceIndex[i] = r.column() != null ? headerIndex(header, r) : r.position() - 1;
            amount[i] = AMOUNTS.contains(r.field());
        }
        explicitKeys = layout.rule(CanonicalFields.EDIT_ID) != null;
    }

    private int headerIndex(List<String> header, FieldRule r) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().equalsIgnoreCase(r.column().strip())) {
                return i;
            }
        }
        throw new UnreadableFileException(layout.describe() + ", key " + r.key() + ": the file's header has no "
                + "column '" + r.column() + "'; its columns are " + header.stream().map(h -> "'" + h.strip() + "'")
                        .toList());
    }

    @Override
    CsvColumns columns() {
        return columns;
    }

    @Override
    boolean explicitKeys() {
        return explicitKeys;
    }

    @Override
    String[] keysOf(RawRecords.Raw raw, boolean fromRight) {
        String[] keys = new String[columns.names.length];
        List<FieldError> errors = new ArrayList<>(0);
        for (int i = 0; i < sourceIndex.length; i++) {
            FieldRule r = layout.fields().get(i);
            if (r.field().equals("orderID") || r.field().equals(CanonicalFields.EDIT_ID)) {
                int index = fromRight ? raw.size() - (headerSize - sourceIndex[i]) : sourceIndex[i];
                if (r.constant() == null && (index < 0 || index >= raw.size())) {
                    return null;
                }
                String v = extract(r, index, false, raw, "row " + raw.row(), errors);
                if (v == null || !errors.isEmpty()) {
                    return null;
                }
                keys[columns.index.get(r.field())] = v;
            }
        }
        return keys;
    }

    @Override
    MappedRow map(RawRecords.Raw raw) {
        String where = "row " + raw.row();
        List<FieldError> errors = new ArrayList<>(0);
        if (countedFromFirst && headerSize < 0) {
            headerSize = raw.size();
        }
        if (headerSize >= 0 && raw.size() != headerSize) {
            return unsplit(raw, "has " + raw.size() + " values but " + (countedFromFirst ? "the first record has "
                    + headerSize + " (a file without a header: every record must have as many)"
                    : "the header has "
                            + headerSize + " columns")
                    + " (check the delimiter and the quoting; " + layout.describe() + ")", layout.grouping());
        }
        String[] out = new String[columns.names.length];
        for (int i = 0; i < sourceIndex.length; i++) {
            FieldRule r = layout.fields().get(i);
            String v = extract(r, sourceIndex[i], amount[i], raw, where, errors);
            if (v != null) {
                out[columns.index.get(r.field())] = v;
            }
        }
        lines(out, where, errors);
        return new MappedRow(raw.row(), out, errors);
    }

    /** One field's value after trimming, default, regex, value map and amount format; null when absent or wrong. */
    private String extract(FieldRule r, int index, boolean isAmount, RawRecords.Raw raw, String where,
            List<FieldError> errors) {
        String v;
        if (r.constant() != null) {
            v = r.constant();
        } else if (layout.type() == Layout.Type.FIXED_WIDTH) {
            v = r.slice(raw.get(0));
        } else if (index < raw.size()) {
            v = raw.get(index);
        } else {
            errors.add(new FieldError(where, r.field(), "has no " + r.source() + ": the row has only "
                    + raw.size() + " values (" + layout.describe() + ", key " + r.key() + ")"));
            return null;
        }
        if (decoding.undecodable(v)) {
            errors.add(new FieldError(where, r.field(), undecodableMessage(r.source(), layout)));
            return null;
        }
        if (layout.trim()) {
            v = v.strip();
        }
        if (v.isEmpty()) {
            v = r.defaultValue();
            if (v == null) {
                return null;
            }
        }
        String original = v;
        if (r.regex() != null) {
            Matcher m = r.regex().matcher(v);
            if (!m.find()) {
                errors.add(new FieldError(where, r.field(), r.source() + " value '" + original + "' does not match "
                        + "the regular expression '" + r.regex().pattern() + "' (" + layout.describe() + ", key "
                        + r.key() + ".regex)"));
                return null;
            }
            v = group(m);
        }
        if (r.map() != null) {
            String mapped = lookup(r.map(), v);
            if (mapped == null) {
                errors.add(new FieldError(where, r.field(), r.source() + " value '" + v + "' is not in the value map "
                        + r.map().keySet() + " (" + layout.describe() + ", key " + r.key() + ".map: add it, or a \"*\" "
                        + "entry for every other value)"));
                return null;
            }
            v = mapped;
        }
        if (isAmount && r.scale() > 0) {
            String implied = implied(v, r.scale());
            if (implied == null) {
                errors.add(new FieldError(where, r.field(), r.source() + " value '" + v + "' is not a whole number "
                        + "with " + r.scale() + " implied decimals (" + layout.describe() + ", key " + r.key()
                        + ".scale)"));
                return null;
            }
            v = implied;
        } else if (isAmount) {
            String amount = Amounts.normalise(v, layout.decimalSeparator(), layout.groupingSeparator());
            if (amount == null) {
                errors.add(new FieldError(where, r.field(), r.source() + " value '" + v + "' is not an amount written "
                        + "with decimal separator '" + layout.decimalSeparator() + "'"
                        + (layout.groupingSeparator() == 0
                                ? " and no grouping" : " and grouping separator '" + layout.groupingSeparator() + "'")
                        + " (" + layout.describe() + ", keys decimalSeparator/groupingSeparator)"));
                return null;
            }
            v = amount;
        }
        return v;
    }

    /** "000001250" with scale 2 is "12.50"; a sign may lead or trail ("1250-"). */
    private static String implied(String v, int scale) {
        String digits = v;
        boolean negative = false;
        if (digits.startsWith("-") || digits.startsWith("+")) {
            negative = digits.startsWith("-");
            digits = digits.substring(1);
        } else if (digits.endsWith("-") || digits.endsWith("+")) {
            negative = digits.endsWith("-");
            digits = digits.substring(0, digits.length() - 1);
        }
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        BigDecimal d = new BigDecimal(new java.math.BigInteger(digits), scale);
        return Decimals.plain(negative ? d.negate() : d);
    }

    private static String group(Matcher m) {
        try {
            return m.group("value");
        } catch (IllegalArgumentException e) {
            return m.groupCount() >= 1 ? m.group(1) : m.group();
        }
    }

    private static String lookup(Map<String, String> map, String v) {
        String exact = map.get(v);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (e.getKey().equalsIgnoreCase(v)) {
                return e.getValue();
            }
        }
        return map.get("*");
    }

    /**
     * The line part of a row: default type, line total to unit price, article code to Kash id through the
     * cross-reference; free and department lines (which carry no quantity in Kash) take the line total
     * and a "3 x " title prefix.
     */
    private void lines(String[] out, String where, List<FieldError> errors) {
        String t = out[type];
        if (t == null) {
            if (out[id] != null) {
                t = "article";
            } else if (out[title] != null || out[price] != null) {
                t = "free";
            } else {
                return; // an order-level row
            }
        }
        BigDecimal qty = out[quantity] == null ? BigDecimal.ONE : Decimals.parsePlain(out[quantity]);
        if (qty != null && qty.signum() <= 0) {
            // a Kash order line cannot take goods back: say what the file holds, not a price derived from it
            FieldRule q = layout.rule("quantity");
            errors.add(new FieldError(where, "quantity", q.source() + " value '" + out[quantity] + "' is "
                    + (qty.signum() == 0 ? "0" : "negative") + ": a Kash order line sells a quantity above 0, so "
                    + "returns and cancellation documents are refused (" + layout.describe() + ", key " + q.key() + "; "
                    + "docs/files.md, \"Negative quantities\")"));
            // the error refuses the row's edit; no line is built from the row, so no second message
            for (LineColumn c : LineColumn.values()) {
                out[columns.index.get(c.name())] = null;
            }
            return;
        }
        BigDecimal unit = out[price] == null ? null : Decimals.parsePlain(out[price]);
        BigDecimal total = unit;
        if (unit != null && qty != null && layout.price() == Layout.PriceIs.LINE_TOTAL) {
            if (qty.signum() == 0) {
                errors.add(new FieldError(where, "price", "is a line total (" + layout.describe() + ", key price: "
                        + "line-total) but the quantity is 0: the unit price cannot be computed"));
                return;
            }
            unit = unit.divide(qty, 2, RoundingMode.HALF_UP);
        } else if (unit != null && qty != null) {
            total = unit.multiply(qty);
        }
        out[price] = unit == null ? null : Decimals.plain(unit);
        ArticleXref xref = layout.articles();
        if (xref != null && t.toLowerCase(Locale.ROOT).equals("article") && out[id] != null) {
            ArticleXref.Target target = xref.lookup(out[id]);
            if (target != null && target.idArticle() != null) {
                out[id] = String.valueOf(target.idArticle());
            } else if (target != null) {
                t = "department";
                out[id] = String.valueOf(target.idRayon());
            } else {
                switch (xref.unmapped()) {
                    case REJECT -> {
                        errors.add(new FieldError(where, "itemId", "article code '" + out[id] + "' is not in the "
                                + "cross-reference " + xref.file() + " (add it there, or set articles.unmapped to free "
                                + "or department in " + layout.file() + ")"));
                        return;
                    }
                    case FREE -> {
                        t = "free";
                        out[id] = null;
                    }
                    case DEPARTMENT -> {
                        t = "department";
                        out[id] = String.valueOf(xref.department());
                    }
                    default -> throw new IllegalStateException();
                }
            }
        }
        if (!t.equalsIgnoreCase("article") && qty != null && qty.compareTo(BigDecimal.ONE) != 0 && total != null) {
            out[price] = Decimals.plain(total.setScale(2, RoundingMode.HALF_UP));
            out[title] = Decimals.plain(qty.stripTrailingZeros()) + " x " + (out[title] == null ? "" : out[title]);
            out[quantity] = null;
        }
        out[type] = t;
    }
}
