package org.kashbridge.layout;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads config/layouts/&lt;name&gt;.yaml into a {@link Layout}: Jackson binds the file to {@link LayoutSpec}
 * (refusing an unknown key, a key given twice, a value of the wrong type), then the rules between settings are
 * checked here. Strict on purpose: every problem is a {@link LayoutException} naming the file and the key,
 * never a silently ignored setting.
 */
public final class LayoutParser {

    private static final ObjectMapper YAML = mapper();
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'.*$", Pattern.DOTALL);

    private LayoutParser() {
    }

    private static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // as the hand-written checks had it: a count is a number and a switch true or false (yes/no are YAML's
        // own), never text in quotes, 1.5 or 1
        m.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return m;
    }

    public static Layout parse(String name, Path file) {
        String where = file.toString();
        JsonNode tree = tree(where, file);
        LayoutSpec spec = bind(where, tree);
        Checks r = new Checks(where);
        Layout.Type type = r.choice("type", spec.type(), Layout.Type.class, Layout.Type.DELIMITED);
        Charset charset = r.charset(spec.charset());
        char delimiter = r.character("delimiter", spec.delimiter(), ',');
        Character quote = r.optionalCharacter("quote", written(tree, "quote", spec.quote()), '"');
        Character escape = r.optionalCharacter("escape", written(tree, "escape", spec.escape()), null);
        boolean header = spec.header() == null ? type == Layout.Type.DELIMITED : spec.header();
        if (header && type == Layout.Type.FIXED_WIDTH) {
            throw new LayoutException(where, "header", "a fixed-width file has no header row to name columns; use "
                    + "skipLines to skip a header record and start/length for the fields");
        }
        int skip = r.number("skipLines", spec.skipLines(), 0);
        int trailer = r.number("trailerLines", spec.trailerLines(), 0);
        Pattern ignore = r.pattern("ignoreLines", spec.ignoreLines());
        boolean trim = spec.trim() == null || spec.trim();
        char decimal = r.character("decimalSeparator", spec.decimalSeparator(), '.');
        if (decimal != '.' && decimal != ',') {
            throw new LayoutException(where, "decimalSeparator", "must be \".\" or \",\", got '" + decimal + "'");
        }
        Character groupingSep = r.optionalCharacter("groupingSeparator",
                written(tree, "groupingSeparator", spec.groupingSeparator()), null);
        if (groupingSep != null && groupingSep == decimal) {
            throw new LayoutException(where, "groupingSeparator", "must differ from decimalSeparator");
        }
        Layout.PriceIs price = r.choice("price", spec.price(), Layout.PriceIs.class, Layout.PriceIs.UNIT);
        Layout.Grouping grouping = r.choice("grouping", spec.grouping(), Layout.Grouping.class, Layout.Grouping.KEY);
        Pattern filePattern = r.pattern("filePattern", spec.filePattern());
        ArticleXref articles = r.articles(spec.articles(), file.getParent());
        List<FieldRule> fields = r.fields(spec.fields(), type, header);
        FieldRule trailerCount = null;
        LayoutSpec.Field tc = spec.trailerCount();
        if (tc != null) {
            if (trailer < 1) {
                throw new LayoutException(where, "trailerCount", "needs trailerLines >= 1: the count is read from the "
                        + "last trailer line");
            }
            if (tc.column() != null || tc.value() != null) {
                throw new LayoutException(where, "trailerCount", "give position (delimited) or start and length "
                        + "(fixed-width) of the record count in the last trailer line");
            }
            trailerCount = r.rule("trailerCount", "trailerCount", tc, type, false);
        }
        return new Layout(name, file, type, charset, delimiter, quote, escape, header, skip, trailer, ignore, trim,
                decimal, groupingSep == null ? 0 : groupingSep, price, grouping, filePattern, articles, fields,
                trailerCount);
    }

    /** The file as YAML: a key given twice is refused here. */
    static JsonNode tree(String where, Path file) {
        try {
            JsonNode tree = YAML.readTree(Files.readAllBytes(file));
            if (tree == null || !tree.isObject()) {
                throw new LayoutException(where, null, "expected a YAML mapping of settings (type, charset, "
                        + "fields...)");
            }
            return tree;
        } catch (StreamReadException e) {
            String duplicate = e.getOriginalMessage() == null ? null : DUPLICATE.matcher(e.getOriginalMessage())
                    .replaceFirst("$1");
            if (duplicate != null && !duplicate.equals(e.getOriginalMessage())) {
                JsonParser p = e.getProcessor();
                String parent = p == null ? "" : p.getParsingContext().getParent().pathAsPointer().toString()
                        .replace('/', '.');
                String key = (parent.isEmpty() ? "" : parent.substring(1) + ".") + duplicate;
                throw new LayoutException(where, key, "is given twice; keep one");
            }
            throw new LayoutException(where, null, "not valid YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new LayoutException(where, null, "cannot be read: " + e.getMessage());
        }
    }

    /** The tree bound to its schema: an unknown key or a value of the wrong type is refused naming the key. */
    static LayoutSpec bind(String where, JsonNode tree) {
        try {
            return YAML.treeToValue(tree, LayoutSpec.class);
        } catch (UnrecognizedPropertyException e) {
            throw new LayoutException(where, key(e), "unknown key; known keys here are " + new TreeSet<>(
                    e.getKnownPropertyIds().stream().map(String::valueOf).collect(Collectors.toSet())));
        } catch (InvalidFormatException e) {
            throw new LayoutException(where, key(e), expected(e.getTargetType()) + ", got '" + e.getValue() + "'");
        } catch (MismatchedInputException e) {
            throw new LayoutException(where, key(e), expected(e.getTargetType()) + ", got " + found(e));
        } catch (JsonProcessingException e) {
            throw new LayoutException(where, e instanceof JsonMappingException m ? key(m) : null,
                    firstLine(e.getOriginalMessage()));
        }
    }

    /** A character setting as written: "" when the key is there with no value ({@code quote:}, meaning none). */
    private static String written(JsonNode tree, String key, String value) {
        return value == null && tree.has(key) ? "" : value;
    }

    /** The path of the key Jackson stopped at: "fields.payment.map.CB", "skipLines". */
    private static String key(JsonMappingException e) {
        String key = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                : String.valueOf(r.getIndex())).collect(Collectors.joining("."));
        return key.isEmpty() ? null : key;
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "expected a single value";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "expected pairs of key: value";
        }
        return "expected settings of its own (key: value lines below it)";
    }

    /** What the file holds where Jackson stopped: "a list", "a mapping" or the value itself. */
    private static String found(MismatchedInputException e) {
        JsonParser p = e.getProcessor() instanceof JsonParser parser ? parser : null;
        JsonToken t = p == null ? null : p.currentToken();
        if (t == JsonToken.START_ARRAY) {
            return "a list";
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.FIELD_NAME) {
            return "a mapping";
        }
        try {
            return t != null && t.isScalarValue() ? "'" + p.getText() + "'" : "a value of another kind";
        } catch (IOException unreadable) {
            return "a value of another kind";
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** What the schema cannot say: values within their type, and the rules between settings. */
    private static final class Checks {
        private final String file;

        Checks(String file) {
            this.file = file;
        }

        <E extends Enum<E>> E choice(String key, String v, Class<E> type, E fallback) {
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

        Charset charset(String v) {
            if (v == null) {
                return StandardCharsets.UTF_8;
            }
            try {
                return Charset.forName(v.trim());
            } catch (UnsupportedCharsetException | IllegalCharsetNameException e) {
                throw new LayoutException(file, "charset", "unknown charset '" + v + "'; use for example UTF-8, "
                        + "windows-1252, ISO-8859-1, ISO-8859-15, UTF-16 (with a byte-order mark) or IBM01147");
            }
        }

        char character(String key, String v, char fallback) {
            Character c = optionalCharacter(key, v, fallback);
            if (c == null) {
                throw new LayoutException(file, key, "is required here");
            }
            return c;
        }

        /** One character; "none" (or empty) for none; "\t" or "tab" for a tab; left out: the fallback. */
        Character optionalCharacter(String key, String v, Character fallback) {
            if (v == null) {
                return fallback;
            }
            if (v.isEmpty() || v.equalsIgnoreCase("none")) {
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

        int number(String key, Integer n, int min) {
            if (n == null) {
                return 0;
            }
            if (n < min) {
                throw new LayoutException(file, key, "must be a whole number >= " + min + ", got '" + n + "'");
            }
            return n;
        }

        Pattern pattern(String key, String v) {
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

        ArticleXref articles(LayoutSpec.Articles a, Path dir) {
            if (a == null) {
                return null;
            }
            if (a.file() == null) {
                throw new LayoutException(file, "articles.file",
                        "is required: the CSV mapping article codes to Kash ids");
            }
            ArticleXref.Unmapped unmapped = ArticleXref.Unmapped.REJECT;
            if (a.unmapped() != null) {
                try {
                    unmapped = ArticleXref.Unmapped.valueOf(a.unmapped().trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new LayoutException(file, "articles.unmapped", "unknown value '" + a.unmapped() + "'; use "
                            + "reject, free or department");
                }
            }
            if (a.department() != null && a.department() <= 0) {
                throw new LayoutException(file, "articles.department", "must be a positive department id (idRayon)");
            }
            if (unmapped == ArticleXref.Unmapped.DEPARTMENT && a.department() == null) {
                throw new LayoutException(file, "articles.department", "is required when articles.unmapped is "
                        + "department: the idRayon unmapped codes are sold under");
            }
            return ArticleXref.load(dir.resolve(a.file()), file, unmapped, a.department());
        }

        List<FieldRule> fields(Map<String, LayoutSpec.Field> fields, Layout.Type type, boolean header) {
            if (fields == null || fields.isEmpty()) {
                throw new LayoutException(file, "fields", "is required: map each canonical field (orderID, payment, "
                        + "itemId...) to its source");
            }
            List<FieldRule> rules = new ArrayList<>();
            for (Map.Entry<String, LayoutSpec.Field> e : fields.entrySet()) {
                String key = "fields." + e.getKey();
                String field = CanonicalFields.canonical(e.getKey());
                if (field == null) {
                    throw new LayoutException(file, key, "unknown field '" + e.getKey() + "'; known fields are "
                            + CanonicalFields.known());
                }
                if (e.getValue() == null) {
                    throw new LayoutException(file, key, "give its source: a column name, or column, position, "
                            + "start+length or value");
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

        FieldRule rule(String field, String key, LayoutSpec.Field n, Layout.Type type, boolean header) {
            int position = number(key + ".position", n.position(), 1);
            int start = number(key + ".start", n.start(), 1);
            int length = number(key + ".length", n.length(), 1);
            int sources = (n.column() != null ? 1 : 0) + (position > 0 ? 1 : 0) + (start > 0 || length > 0 ? 1 : 0)
                    + (n.value() != null ? 1 : 0);
            if (sources != 1) {
                throw new LayoutException(file, key,
                        "give exactly one source: column, position, start+length or value");
            }
            if (type == Layout.Type.FIXED_WIDTH && (n.column() != null || position > 0)) {
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
            if (n.column() != null && !header) {
                throw new LayoutException(file, key + ".column", "this layout has header: false; use position");
            }
            Pattern regex = pattern(key + ".regex", n.regex());
            Map<String, String> map = null;
            if (n.map() != null) {
                if (n.map().isEmpty()) {
                    throw new LayoutException(file, key + ".map", "expected source value: canonical value pairs");
                }
                map = new LinkedHashMap<>();
                for (Map.Entry<String, String> me : n.map().entrySet()) {
                    map.put(me.getKey().strip(), me.getValue());
                }
            }
            int scale = number(key + ".scale", n.scale(), 0);
            return new FieldRule(field, key, n.column(), position, start, length, n.value(), regex, map,
                    n.defaultValue(), scale);
        }
    }
}
