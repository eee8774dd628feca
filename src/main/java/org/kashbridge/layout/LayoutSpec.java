package org.kashbridge.layout;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A layout file as written (config/layouts/&lt;name&gt;.yaml, every key in config/layouts/README.md), bound by
 * Jackson: a key that is not here, a key given twice or a value of the wrong type is refused with its path
 * ({@link LayoutParser} words the message). What the values mean, and the rules between them, are
 * LayoutParser's. A setting left out is null, and so is one written empty ({@code quote:}): the parser tells
 * them apart where it matters.
 */
record LayoutSpec(String description, String type, String charset, String delimiter,
        String quote, String escape,
        Boolean header, Integer skipLines, Integer trailerLines, String ignoreLines, Boolean trim,
        String decimalSeparator, String groupingSeparator, String price,
        String grouping, String filePattern, Articles articles, Map<String, Field> fields, Field trailerCount) {

    /** The article cross-reference (articles:). */
    record Articles(String file, String unmapped, Long department) {
    }

    /** Where one canonical field comes from (fields.&lt;name&gt;:), or the record count (trailerCount:). */
    record Field(String column, Integer position, Integer start, Integer length, String value, String regex,
            Map<String, String> map, @JsonProperty("default") String defaultValue, Integer scale) {

        /** The shorthand {@code orderID: N° commande}: the same as {@code orderID: {column: N° commande}}. */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Field named(String column) {
            return new Field(column, null, null, null, null, null, null, null, null);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        Field {
        }
    }
}
