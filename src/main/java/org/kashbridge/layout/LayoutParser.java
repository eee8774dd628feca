package org.kashbridge.layout;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads config/layouts/&lt;name&gt;.yaml into a {@link Layout}. Strict on purpose: an unknown key, a regex
 * that does not compile, an unknown charset or a field that does not exist is a {@link LayoutException}
 * naming the file and the key, never a silently ignored setting.
 */
public final class LayoutParser {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP_KEYS = Set.of("type", "charset", "delimiter", "quote", "escape", "header",
            "skipLines", "trailerLines", "ignoreLines", "trim", "decimalSeparator", "groupingSeparator", "price",
            "grouping", "filePattern", "articles", "fields", "description", "trailerCount");
    private static final Set<String> FIELD_KEYS = Set.of("column", "position", "start", "length", "value", "regex",
            "map", "default", "scale");
    private static final Set<String> ARTICLE_KEYS = Set.of("file", "unmapped", "department");

    private LayoutParser() {
    }

    public static Layout parse(String name, Path file) {
        String where = file.toString();
        JsonNode root;
        try {
            root = YAML.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new LayoutException(where, null, "not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new LayoutException(where, null, "expected a YAML mapping of settings (type, charset, fields...)");
        }
        Reader r = new Reader(where, root);
        r.onlyKeys(root, TOP_KEYS, null);
        Layout.Type type = r.choice("type", Layout.Type.class, Layout.Type.DELIMITED);
        Charset charset = r.charset();
        char delimiter = r.character("delimiter", ',');
        Character quote = r.optionalCharacter("quote", '"');
        Character escape = r.optionalCharacter("escape", null);
        boolean header = r.bool("header", type == Layout.Type.DELIMITED);
        if (header && type == Layout.Type.FIXED_WIDTH) {
            throw new LayoutException(where, "header", "a fixed-width file has no header row to name columns; use "
                    + "skipLines to skip a header record and start/length for the fields");
        }
        int skip = r.count("skipLines");
        int trailer = r.count("trailerLines");
        Pattern ignore = r.pattern("ignoreLines", root.get("ignoreLines"));
        boolean trim = r.bool("trim", true);
        char decimal = r.character("decimalSeparator", '.');
        if (decimal != '.' && decimal != ',') {
            throw new LayoutException(where, "decimalSeparator", "must be \".\" or \",\", got '" + decimal + "'");
        }
        Character groupingSep = r.optionalCharacter("groupingSeparator", null);
        if (groupingSep != null && groupingSep == decimal) {
            throw new LayoutException(where, "groupingSeparator", "must differ from decimalSeparator");
        }
        Layout.PriceIs price = r.choice("price", Layout.PriceIs.class, Layout.PriceIs.UNIT);
        Layout.Grouping grouping = r.choice("grouping", Layout.Grouping.class, Layout.Grouping.KEY);
        Pattern filePattern = r.pattern("filePattern", root.get("filePattern"));
        ArticleXref articles = r.articles(file.getParent());
        List<FieldRule> fields = r.fields(type, header);
        FieldRule trailerCount = null;
        JsonNode tc = root.get("trailerCount");
        if (tc != null) {
            if (trailer < 1) {
                throw new LayoutException(where, "trailerCount", "needs trailerLines >= 1: the count is read from the "
                        + "last trailer line");
            }
            if (tc.isValueNode() || tc.has("column") || tc.has("value")) {
                throw new LayoutException(where, "trailerCount", "give position (delimited) or start and length "
                        + "(fixed-width) of the record count in the last trailer line");
            }
            trailerCount = r.rule("trailerCount", "trailerCount", tc, type, false);
        }
        return new Layout(name, file, type, charset, delimiter, quote, escape, header, skip, trailer, ignore, trim,
                decimal, groupingSep == null ? 0 : groupingSep, price, grouping, filePattern, articles, fields,
                trailerCount);
    }

    /** Typed access to the YAML tree with messages naming the key. */
    private static final class Reader {
        private final String file;
        private final JsonNode root;

        Reader(String file, JsonNode root) {
            this.file = file;
            this.root = root;
        }

        void onlyKeys(JsonNode node, Set<String> known, String prefix) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
                String k = it.next();
                if (!known.contains(k)) {
                    throw new LayoutException(file, prefix == null ? k : prefix + "." + k, "unknown key; known keys "
                            + "here are " + new java.util.TreeSet<>(known));
                }
            }
        }

        String text(JsonNode node, String key) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isValueNode()) {
                throw new LayoutException(file, key, "expected a single value, got " + node.getNodeType());
            }
            return node.asText();
        }

        <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
            String v = text(root.get(key), key);
            if (v == null) {
                return fallback;
            }
            String norm = v.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(norm)) {
                    return e;
                }
            }
            List<String> names = new ArrayList<>();
            for (E e : type.getEnumConstants()) {
                names.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            throw new LayoutException(file, key, "unknown value '" + v + "'; use one of " + names);
        }

        Charset charset() {
            String v = text(root.get("charset"), "charset");
            if (v == null) {
                return java.nio.charset.StandardCharsets.UTF_8;
            }
            try {
                return Charset.forName(v.trim());
            } catch (UnsupportedCharsetException | IllegalCharsetNameException e) {
                throw new LayoutException(file, "charset", "unknown charset '" + v + "'; use for example UTF-8, "
                        + "windows-1252, ISO-8859-1, ISO-8859-15, UTF-16 (with a byte-order mark) or IBM01147");
            }
        }

        char character(String key, char fallback) {
            Character c = optionalCharacter(key, fallback);
            if (c == null) {
                throw new LayoutException(file, key, "is required here");
            }
            return c;
        }

        /** One character; "none" (or empty) for none; "\t" or "tab" for a tab. */
        Character optionalCharacter(String key, Character fallback) {
            JsonNode n = root.get(key);
            if (n == null) {
                return fallback;
            }
            String v = text(n, key);
            if (v == null || v.isEmpty() || v.equalsIgnoreCase("none")) {
                return null;
            }
            if (v.equals("\\t") || v.equalsIgnoreCase("tab")) {
                return '\t';
            }
            if (v.equalsIgnoreCase("space")) {
                return ' ';
            }
            if (v.length() != 1) {
                throw new LayoutException(file, key, "must be one character (or none, tab, space), got '" + v + "'");
            }
            return v.charAt(0);
        }

        boolean bool(String key, boolean fallback) {
            JsonNode n = root.get(key);
            if (n == null) {
                return fallback;
            }
            if (!n.isBoolean()) {
                throw new LayoutException(file, key, "must be true or false, got '" + n.asText() + "'");
            }
            return n.booleanValue();
        }

        int count(String key) {
            return number(root.get(key), key, 0, 0);
        }

        int number(JsonNode n, String key, int fallback, int min) {
            if (n == null) {
                return fallback;
            }
            if (!n.canConvertToInt() || !n.isIntegralNumber() || n.intValue() < min) {
                throw new LayoutException(file, key, "must be a whole number >= " + min + ", got '" + n.asText() + "'");
            }
            return n.intValue();
        }

        Pattern pattern(String key, JsonNode n) {
            String v = text(n, key);
            if (v == null) {
                return null;
            }
            try {
                return Pattern.compile(v);
            } catch (PatternSyntaxException e) {
                throw new LayoutException(file, key, "not a valid regular expression: " + e.getDescription() + " near "
                        + "index " + e.getIndex() + " of '" + v + "'");
            }
        }

        ArticleXref articles(Path dir) {
            JsonNode a = root.get("articles");
            if (a == null) {
                return null;
            }
            if (!a.isObject()) {
                throw new LayoutException(file, "articles", "expected file, unmapped and department settings");
            }
            onlyKeys(a, ARTICLE_KEYS, "articles");
            String xref = text(a.get("file"), "articles.file");
            if (xref == null) {
                throw new LayoutException(file, "articles.file",
                        "is required: the CSV mapping article codes to Kash ids");
            }
            String un = text(a.get("unmapped"), "articles.unmapped");
            ArticleXref.Unmapped unmapped = ArticleXref.Unmapped.REJECT;
            if (un != null) {
                try {
                    unmapped = ArticleXref.Unmapped.valueOf(un.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new LayoutException(file, "articles.unmapped", "unknown value '" + un + "'; use reject, "
                            + "free or department");
                }
            }
            Long department = null;
            JsonNode d = a.get("department");
            if (d != null) {
                if (!d.isIntegralNumber() || d.longValue() <= 0) {
                    throw new LayoutException(file, "articles.department",
                            "must be a positive department id (idRayon)");
                }
                department = d.longValue();
            }
            if (unmapped == ArticleXref.Unmapped.DEPARTMENT && department == null) {
                throw new LayoutException(file, "articles.department", "is required when articles.unmapped is "
                        + "department: the idRayon unmapped codes are sold under");
            }
            return ArticleXref.load(dir.resolve(xref), file, unmapped, department);
        }

        List<FieldRule> fields(Layout.Type type, boolean header) {
            JsonNode fields = root.get("fields");
            if (fields == null || !fields.isObject() || fields.isEmpty()) {
                throw new LayoutException(file, "fields", "is required: map each canonical field (orderID, payment, "
                        + "itemId...) to its source");
            }
            List<FieldRule> rules = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = "fields." + e.getKey();
                String field = CanonicalFields.canonical(e.getKey());
                if (field == null) {
                    throw new LayoutException(file, key, "unknown field '" + e.getKey() + "'; known fields are "
                            + CanonicalFields.known());
                }
                rules.add(rule(field, key, e.getValue(), type, header));
            }
            for (String required : List.of("orderID", "payment")) {
                if (rules.stream().noneMatch(r -> r.field().equals(required))) {
                    throw new LayoutException(file, "fields." + required, "is required (a column, or value: for a "
                            + "constant)");
                }
            }
            return List.copyOf(rules);
        }

        FieldRule rule(String field, String key, JsonNode n, Layout.Type type, boolean header) {
            if (n.isValueNode()) {
                // shorthand: "orderID: N° commande" names a header column
                if (type == Layout.Type.FIXED_WIDTH || !header) {
                    throw new LayoutException(file, key, "this layout has no header row: give position (delimited) "
                            + "or start and length (fixed-width) instead of a column name");
                }
                return new FieldRule(field, key, n.asText(), 0, 0, 0, null, null, null, null, 0);
            }
            onlyKeys(n, FIELD_KEYS, key);
            String column = text(n.get("column"), key + ".column");
            int position = number(n.get("position"), key + ".position", 0, 1);
            int start = number(n.get("start"), key + ".start", 0, 1);
            int length = number(n.get("length"), key + ".length", 0, 1);
            String constant = text(n.get("value"), key + ".value");
            int sources = (column != null ? 1 : 0) + (position > 0 ? 1 : 0) + (start > 0 || length > 0 ? 1 : 0)
                    + (constant != null ? 1 : 0);
            if (sources != 1) {
                throw new LayoutException(file, key,
                        "give exactly one source: column, position, start+length or value");
            }
            if (type == Layout.Type.FIXED_WIDTH && (column != null || position > 0)) {
                throw new LayoutException(file, key,
                        "a fixed-width layout takes start and length, not column/position");
            }
            if (type == Layout.Type.DELIMITED && (start > 0 || length > 0)) {
                throw new LayoutException(file, key, "start and length are for fixed-width layouts; use column or "
                        + "position");
            }
            if ((start > 0) != (length > 0)) {
                throw new LayoutException(file, key, "give both start and length");
            }
            if (column != null && !header) {
                throw new LayoutException(file, key + ".column", "this layout has header: false; use position");
            }
            Pattern regex = pattern(key + ".regex", n.get("regex"));
            Map<String, String> map = null;
            JsonNode m = n.get("map");
            if (m != null) {
                if (!m.isObject() || m.isEmpty()) {
                    throw new LayoutException(file, key + ".map", "expected source value: canonical value pairs");
                }
                map = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> me = it.next();
                    map.put(me.getKey().strip(), text(me.getValue(), key + ".map." + me.getKey()));
                }
            }
            int scale = number(n.get("scale"), key + ".scale", 0, 0);
            return new FieldRule(field, key, column, position, start, length, constant, regex, map,
                    text(n.get("default"), key + ".default"), scale);
        }
    }
}
