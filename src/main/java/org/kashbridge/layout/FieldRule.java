package org.kashbridge.layout;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where one canonical field comes from in a layout: a column by header name or by position, a slice
 * of a fixed-width record, or a constant; then an optional regular expression that extracts the value,
 * an optional value map, and a default for empty values.
 *
 * @param column header name (delimited files with a header)
 * @param position 1-based column position (delimited), 0 when unused
 * @param start 1-based first character (fixed-width), 0 when unused
 * @param length number of characters (fixed-width)
 * @param constant the value of every row, null when the value comes from the record
 * @param regex applied with find(); the value is group "value", else group 1, else the whole match
 * @param map source value to canonical value; the key "*" catches every other value
 * @param defaultValue used when the source value is empty
 * @param scale implied decimal places of an amount written without a separator (mainframe style:
 *              {@code 000001250} with scale 2 is 12.50); 0 when the amount has its own separator
 */
public record FieldRule(String field, String key, String column, int position, int start, int length, String constant,
        Pattern regex, Map<String, String> map, String defaultValue, int scale) {

    /** The characters start..start+length-1 of a fixed-width line (shorter lines give what they have). */
    public String slice(String line) {
        int from = Math.min(start - 1, line.length());
        return line.substring(from, Math.min(from + length, line.length()));
    }

    /** How the rule names its source in messages: "column 'Prix TTC'", "column 4", "characters 10-19". */
    public String source() {
        if (constant != null) {
            return "the constant '" + constant + "'";
        }
        if (column != null) {
            return "column '" + column + "'";
        }
        if (position > 0) {
            return "column " + position;
        }
        return "characters " + start + "-" + (start + length - 1);
    }
}
