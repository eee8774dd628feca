package org.kashbridge.csv;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Refuses a file as soon as one of its records (a line, or a CSV row with line breaks inside quotes) grows beyond
 * {@code max} characters, before any parser holds it: a 50 MB row must not take the heap. Quotes are followed as
 * the layout declares them (a doubled quote toggles twice; an escape character protects the next one).
 */
final class BoundedReader extends FilterReader {

    private final int max;
    private final char quote;
    private final char escape;
    private final boolean quotes;
    private final boolean escapes;
    private final String setting;
    private boolean quoted;
    private boolean escaped;
    private int length;
    private long line = 1;
    private long recordLine = 1;

    /** @param quote the quote character, null for none (fixed-width); @param escape likewise */
    BoundedReader(Reader in, int max, Character quote, Character escape, String setting) {
        super(in);
        this.max = max;
        this.quotes = quote != null;
        this.quote = quotes ? quote : 0;
        this.escapes = escape != null && !escape.equals(quote);
        this.escape = escapes ? escape : 0;
        this.setting = setting;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = in.read(buf, off, len);
        for (int i = off; i < off + n; i++) {
            char c = buf[i];
            if (c == '\n') {
                line++;
            }
            if (escaped) {
                escaped = false;
            } else if (escapes && c == escape) {
                escaped = true;
            } else if (quotes && c == quote) {
                quoted = !quoted;
            } else if (c == '\n' && !quoted) {
                length = 0;
                recordLine = line;
                continue;
            }
            if (++length > max) {
                throw new UnreadableFileException("the record starting on line " + recordLine + " is longer than "
                        + max + " characters (" + setting + ")" + (quoted ? ", inside a quoted value: is a closing "
                                + "quote missing?" : "")
                        + "; nothing in the file was sent");
            }
        }
        return n;
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
    }
}
