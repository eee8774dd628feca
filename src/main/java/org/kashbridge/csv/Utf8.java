package org.kashbridge.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Streaming check that a file is well-formed UTF-8, without holding it in memory. */
final class Utf8 {

    private Utf8() {
    }

    static boolean isValid(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file);
                Reader r = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT))) {
            char[] buf = new char[8192];
            while (r.read(buf) >= 0) {
                // only decoding matters
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
