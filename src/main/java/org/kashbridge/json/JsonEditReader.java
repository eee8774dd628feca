package org.kashbridge.json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.kashbridge.model.ClientField;
import org.kashbridge.model.OrderField;
import org.kashbridge.validate.EditInput;
import org.kashbridge.validate.FieldError;
import org.kashbridge.validate.LineInput;

/**
 * Reads the JSON form of an order edit (REST and JMS share it) into the same {@link EditInput} the
 * CSV reader produces, so one validator serves every source. Strict: an unknown field, a wrong JSON
 * type or text that is not JSON becomes a field error, never a silently ignored value.
 */
public final class JsonEditReader {

    public static final String ITEMS = "items";
    public static final String ITEMS_LIST = "itemsList";
    public static final String CLIENT = "client";
    public static final String EDIT_ID = "editId";
    /** Top-level fields, in the order the OpenAPI schema documents them. */
    public static final Set<String> FIELDS;
    public static final Set<String> ITEM_FIELDS = Set.of("type", "id", "quantity", "title", "price", "variations");

    static {
        Set<String> f = new LinkedHashSet<>();
        f.add(EDIT_ID);
        for (OrderField o : OrderField.values()) {
            f.add(o.name());
        }
        f.add(CLIENT);
        f.add(ITEMS);
        f.add(ITEMS_LIST);
        FIELDS = java.util.Collections.unmodifiableSet(f);
    }

    /** Longest number taken, written out in full (1e400 or 1e-400 is refused, never rounded to a double). */
    static final int MAX_NUMBER_CHARS = 32;

    /**
     * One reading of JSON for REST and JMS: numbers exactly as written (BigDecimal, never a double), a key given twice
     * refused (the last one would win silently), and nothing allowed after the value.
     */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    /** Text that is not one JSON value; the message says what is wrong and where. */
    public static final class NotJsonException extends RuntimeException {
        NotJsonException(String problem) {
            super(problem, null, false, false);
        }
    }

    private JsonEditReader() {
    }

    /**
     * A body's bytes as text, refusing what is not UTF-8 (JSON is UTF-8, RFC 8259): a lenient decoder would send
     * U+FFFD to Kash in place of the bytes it could not read.
     */
    public static String utf8(byte[] bytes) {
        java.nio.charset.CharsetDecoder decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes == null ? new byte[0] : bytes);
        try {
            return decoder.decode(in).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            int at = in.position();
            throw new NotJsonException("it is not valid UTF-8: byte " + (at + 1) + " (0x"
                    + String.format("%02X", bytes[Math.min(at, bytes.length - 1)] & 0xFF) + ") does not begin or "
                    + "continue a UTF-8 character; send JSON as UTF-8");
        }
    }

    /** Parses one JSON value, strictly (see {@link #JSON}). */
    public static JsonNode parse(String text) {
        try {
            JsonNode node = JSON.readTree(text == null ? "" : text);
            if (node == null || node.isMissingNode()) {
                throw new NotJsonException("it is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new NotJsonException(problem(e));
        } catch (NumberFormatException e) {
            // an exponent beyond what BigDecimal holds (1e2147483648)
            throw new NotJsonException("a number is out of range (" + e.getMessage() + ")");
        }
    }

    private static String problem(JsonProcessingException e) {
        String what = e.getOriginalMessage();
        if (e instanceof MismatchedInputException && what != null && what.startsWith("Trailing token")) {
            what = "there is more after the first JSON value (send one object, or an array of them)";
        } else if (what != null && what.startsWith("Duplicate field")) {
            what = what.replace("Duplicate field", "the field") + " is given twice";
        }
        what = what == null ? "it cannot be read" : what.replaceAll("\\p{Cntrl}", " ");
        if (what.length() > 160) {
            what = what.substring(0, 160) + "…";
        }
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 0 ? what
                : what + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    /** Parses text; a body that is not JSON gives an input carrying that error (so it is rejected, not lost). */
    public static EditInput read(String text) {
        try {
            return read(parse(text));
        } catch (NotJsonException e) {
            return new EditInput()
                    .error(new FieldError(null, null, "the message is not valid JSON: " + e.getMessage()));
        }
    }

    /** A body received as bytes (a JMS BytesMessage): read as UTF-8, strictly, then as {@link #read(String)}. */
    public static EditInput read(byte[] bytes) {
        try {
            return read(utf8(bytes));
        } catch (NotJsonException e) {
            return new EditInput()
                    .error(new FieldError(null, null, "the message is not valid JSON: " + e.getMessage()));
        }
    }

    public static EditInput read(JsonNode node) {
        EditInput in = new EditInput();
        if (!node.isObject()) {
            return in.error(new FieldError(null, null, "an order edit must be a JSON object, got " + kind(node)));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode v = e.getValue();
            if (!FIELDS.contains(name)) {
                in.error(new FieldError(null, name, "unknown field; known fields are " + String.join(", ", FIELDS)));
            } else if (name.equals(CLIENT)) {
                client(in, v);
            } else if (name.equals(ITEMS)) {
                items(in, v);
            } else if (name.equals(ITEMS_LIST)) {
                tokens(in, v);
            } else {
                scalar(in, name, v);
            }
        }
        if (node.has(ITEMS) && node.has(ITEMS_LIST)) {
            in.error(new FieldError(null, ITEMS_LIST, "give either items or itemsList, not both (their order "
                    + "would be ambiguous)"));
        }
        return in;
    }

    /** The edit key a JSON edit names itself by, if any. */
    public static String editId(EditInput in) {
        EditInput.Value v = in.field(EDIT_ID);
        return v == null ? null : v.text();
    }

    private static void scalar(EditInput in, String path, JsonNode v) {
        String text = text(in, path, v);
        if (text != null) {
            in.put(path, text);
        }
    }

    private static String text(EditInput in, String path, JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            String t = v.textValue();
            int bad = loneSurrogate(t);
            if (bad >= 0) {
                in.error(new FieldError(null, path, "is not valid Unicode: a lone surrogate \\u"
                        + Integer.toHexString(t.charAt(bad)).toUpperCase(java.util.Locale.ROOT) + " at character "
                        + (bad + 1)));
                return null;
            }
            if (t.indexOf(REPLACEMENT) >= 0) {
                in.error(new FieldError(null, path, UNDECODED + (t.indexOf(REPLACEMENT) + 1)));
                return null;
            }
            return t;
        }
        if (v.isNumber()) {
            java.math.BigDecimal d = v.decimalValue();
            // judged before it is written out: 1e999999999 in full would fill the heap
            boolean fits = Math.abs((long) d.scale()) <= MAX_NUMBER_CHARS
                    && d.precision() - (long) d.scale() <= MAX_NUMBER_CHARS;
            String plain = !fits ? null : v.isIntegralNumber() ? v.bigIntegerValue().toString() : d.toPlainString();
            if (plain == null || plain.length() > MAX_NUMBER_CHARS) {
                in.error(new FieldError(null, path, "must be a number of at most " + MAX_NUMBER_CHARS
                        + " characters written out, got " + v.decimalValue().round(new java.math.MathContext(6))));
                return null;
            }
            return plain;
        }
        in.error(new FieldError(null, path, "must be a number or a string, got " + kind(v)));
        return null;
    }

    private static void client(EditInput in, JsonNode v) {
        if (v.isNull()) {
            return;
        }
        if (!v.isObject()) {
            in.error(new FieldError(null, CLIENT, "must be an object of customer fields, got " + kind(v)));
            return;
        }
        v.fields().forEachRemaining(e -> {
            ClientField f = null;
            for (ClientField c : ClientField.values()) {
                if (c.name().equals(e.getKey())) {
                    f = c;
                }
            }
            if (f == null) {
                in.error(new FieldError(null, CLIENT + "." + e.getKey(), "unknown customer field; known fields are "
                        + java.util.Arrays.toString(ClientField.values())));
            } else {
                scalar(in, f.path(), e.getValue());
            }
        });
    }

    private static void items(EditInput in, JsonNode v) {
        if (!v.isArray()) {
            in.error(new FieldError(null, ITEMS, "must be a list of item objects, got " + kind(v)));
            return;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            String path = ITEMS + "[" + i + "]";
            if (!item.isObject()) {
                in.error(new FieldError(null, path, "must be an object like {\"type\":\"article\",\"id\":12}, got "
                        + kind(item)));
                continue;
            }
            item.fieldNames().forEachRemaining(n -> {
                if (!ITEM_FIELDS.contains(n)) {
                    in.error(new FieldError(null, path + "." + n, "unknown item field; known fields are "
                            + String.join(", ", ITEM_FIELDS)));
                }
            });
            List<String> variations = new ArrayList<>();
            JsonNode vars = item.get("variations");
            if (vars != null && !vars.isNull()) {
                if (!vars.isArray()) {
                    in.error(new FieldError(null, path + ".variations", "must be a list of ids, got " + kind(vars)));
                } else {
                    for (int x = 0; x < vars.size(); x++) {
                        String at = path + ".variations[" + x + "]";
                        if (vars.get(x).isNull()) {
                            in.error(new FieldError(null, at, "must be a variation id, got null"));
                        } else {
                            String id = text(in, at, vars.get(x));
                            if (id != null) {
                                variations.add(id);
                            }
                        }
                    }
                }
            }
            in.line(new LineInput(null, null, text(in, path + ".type", item.get("type")),
                    text(in, path + ".id", item.get("id")), text(in, path + ".quantity", item.get("quantity")),
                    text(in, path + ".title", item.get("title")), text(in, path + ".price", item.get("price")),
                    variations));
        }
    }

    private static void tokens(EditInput in, JsonNode v) {
        if (!v.isArray()) {
            in.error(new FieldError(null, ITEMS_LIST, "must be a list of Kash tokens, got " + kind(v)));
            return;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode t = v.get(i);
            if (!t.isTextual()) {
                in.error(new FieldError(null, ITEMS_LIST + "[" + i + "]", "must be a string token like \"12_2\", got "
                        + kind(t)));
            } else if (loneSurrogate(t.textValue()) >= 0) {
                in.error(new FieldError(null, ITEMS_LIST + "[" + i + "]", "is not valid Unicode: a lone surrogate at "
                        + "character " + (loneSurrogate(t.textValue()) + 1)));
            } else if (t.textValue().indexOf(REPLACEMENT) >= 0) {
                in.error(new FieldError(null, ITEMS_LIST + "[" + i + "]", UNDECODED
                        + (t.textValue().indexOf(REPLACEMENT) + 1)));
            } else {
                in.line(LineInput.ofToken(null, t.textValue()));
            }
        }
    }

    private static String kind(JsonNode n) {
        return n.getNodeType().name().toLowerCase();
    }

    /** U+FFFD: what a lenient decoder leaves for bytes it could not read (a replayed dead letter, a gateway). */
    private static final char REPLACEMENT = '\uFFFD';
    private static final String UNDECODED = "holds U+FFFD, the mark of bytes that were not valid UTF-8 somewhere "
            + "upstream: send the text as UTF-8; at character ";

    /** The index of the first unpaired UTF-16 surrogate, or -1 (such text cannot be sent as UTF-8). */
    static int loneSurrogate(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < t.length() && Character.isLowSurrogate(t.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
