package org.kashbridge.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files are decoded leniently (undecodable bytes become U+FFFD) so the good rows still go through; a
 * value holding U+FFFD is only blamed on the bytes once a strict pass over the file confirms it does not
 * decode cleanly (the file may hold a genuine U+FFFD). The strict pass runs at most once per file.
 */
final class Decoding {

    static final char REPLACEMENT = '\uFFFD';

    private final Path file;
    private final Charset charset;
    private final int maxRecord;
    private Boolean clean;

    /** @param maxRecord the longest record {@link #boundedReader} lets through, in characters */
    Decoding(Path file, Charset charset, int maxRecord) {
        this.file = file;
        this.charset = charset;
        this.maxRecord = maxRecord;
    }

    Reader lenientReader() throws IOException {
        return new InputStreamReader(Files.newInputStream(file), charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    /** The lenient reader, refusing the file at the first record longer than the bound ({@link BoundedReader}). */
    Reader boundedReader(Character quote, Character escape, char delimiter) throws IOException {
        return new BoundedReader(lenientReader(), maxRecord, quote, escape, delimiter, "KASH_INBOX_MAX_RECORD");
    }

    /** True when the value holds U+FFFD that came from undecodable bytes. */
    boolean undecodable(String value) {
        if (value == null || value.indexOf(REPLACEMENT) < 0) {
            return false;
        }
        if (clean == null) {
            clean = decodesCleanly(file, charset);
        }
        return !clean;
    }

    Charset charset() {
        return charset;
    }

    static boolean decodesCleanly(Path file, Charset charset) {
        try (InputStream in = Files.newInputStream(file);
                Reader r = new InputStreamReader(in, charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT))) {
            char[] buf = new char[8192];
            while (r.read(buf) >= 0) {
                // only decoding matters
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
