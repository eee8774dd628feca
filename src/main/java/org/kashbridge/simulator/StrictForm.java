package org.kashbridge.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict application/x-www-form-urlencoded parser: every pair needs '=', percent escapes must be
 * complete, the decoded bytes must be UTF-8, and only {@code itemsList[]} may repeat. It exists to catch
 * encoder mistakes that a lenient PHP server would silently accept or mangle.
 */
final class StrictForm {

    static final class FormException extends Exception {
        FormException(String message) {
            super(message);
        }
    }

    final Map<String, String> single = new LinkedHashMap<>();
    final List<String> items = new ArrayList<>();

    static StrictForm parse(String body) throws FormException {
        StrictForm form = new StrictForm();
        if (body == null || body.isEmpty()) {
            throw new FormException("empty request body");
        }
        for (String pair : body.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new FormException("malformed form pair '" + pair + "'");
            }
            String name = decode(pair.substring(0, eq));
            String value = decode(pair.substring(eq + 1));
            if (name.equals("itemsList[]")) {
                form.items.add(value);
            } else if (form.single.put(name, value) != null) {
                throw new FormException("parameter '" + name + "' is repeated");
            }
        }
        return form;
    }

    private static String decode(String s) throws FormException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0
                        || Character.digit(s.charAt(i + 2), 16) < 0) {
                    throw new FormException("incomplete percent escape in '" + s + "'");
                }
                bytes.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else if (c > 127) {
                throw new FormException("unencoded non-ASCII character in '" + s + "'");
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new FormException("'" + s + "' does not decode to UTF-8");
        }
    }
}
