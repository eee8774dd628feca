package org.kashbridge.layout;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How to read one ERP's export into canonical edits, as declared in config/layouts/&lt;name&gt;.yaml
 * (see config/layouts/README.md for every key). Immutable; {@link LayoutParser} builds it.
 */
public record Layout(
        String name,
        Path file,
        Type type,
        Charset charset,
        char delimiter,
        Character quote,
        Character escape,
        boolean header,
        int skipLines,
        int trailerLines,
        Pattern ignoreLines,
        boolean trim,
        char decimalSeparator,
        char groupingSeparator,
        PriceIs price,
        Grouping grouping,
        Pattern filePattern,
        ArticleXref articles,
        List<FieldRule> fields,
        FieldRule trailerCount) {

    public enum Type {
        DELIMITED, FIXED_WIDTH
    }

    /** Whether the price column holds a unit price or the total of the line (then unit = total / quantity). */
    public enum PriceIs {
        UNIT, LINE_TOTAL
    }

    /**
     * How rows become edits: rows sharing the edit key (editId, else orderID) wherever they are in the
     * file; only consecutive rows sharing it; or every row on its own.
     */
    public enum Grouping {
        KEY, ADJACENT, ROW
    }

    /** The canonical CSV of the README: header naming canonical columns, UTF-8, ',' or ';' detected (delimiter 0). */
    public static Layout canonical() {
        return new Layout("canonical", null, Type.DELIMITED, java.nio.charset.StandardCharsets.UTF_8, (char) 0, '"',
                null, true, 0, 0, null, true, '.', (char) 0, PriceIs.UNIT, Grouping.KEY, null, null, List.of(), null);
    }

    public boolean isCanonical() {
        return fields.isEmpty();
    }

    /** "layout fr-erp (config/layouts/fr-erp.yaml)": how messages name it. */
    public String describe() {
        return "layout " + name + " (" + file + ")";
    }

    public FieldRule rule(String field) {
        for (FieldRule r : fields) {
            if (r.field().equals(field)) {
                return r;
            }
        }
        return null;
    }
}
