package org.kashbridge.csv;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Refuses a file as soon as one of its records (a line, or a CSV row with line breaks inside quotes) grows beyond
 * {@code max} characters, before any parser holds it: a 50 MB row must not take the heap. Quotes are followed as
 * the CSV parser reads them: a quote opens a quoted value only at the start of a value (in {@code 24" wide} it is
 * a character), a doubled quote inside one is a quote, an escape character protects the next one; a line ends at
 * LF, CR or CRLF outside quotes.
 */
final class BoundedReader extends FilterReader {

    private static final int VALUE_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    /** A quote seen inside a quoted value: a second one is a quote, anything else ends the value. */
    private static final int QUOTE_IN_QUOTED = 3;

    private final int max;
    private final char quote;
    private final char escape;
    private final char delimiter;
    private final boolean quotes;
    private final boolean escapes;
    private final String setting;
    private int state = VALUE_START;
    private boolean escaped;
    private int length;
    private long line = 1;
    private long recordLine = 1;
    private boolean afterCr;

    /**
     * @param quote the quote character, null for none (fixed-width); likewise {@code escape}
     * @param delimiter what separates values (a quote opens a quoted value only right after it, or at a line start)
     */
    BoundedReader(Reader in, int max, Character quote, Character escape, char delimiter, String setting) {
        super(in);
        this.max = max;
        this.quotes = quote != null;
        this.quote = quotes ? quote : 0;
        this.escapes = escape != null && !escape.equals(quote);
        this.escape = escapes ? escape : 0;
        this.delimiter = delimiter;
        this.setting = setting;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = in.read(buf, off, len);
        for (int i = off; i < off + n; i++) {
            char c = buf[i];
            boolean lf = c == '\n';
            if (lf && !afterCr || c == '\r') {
                line++;
            }
            afterCr = c == '\r';
            if (escaped) {
                escaped = false;
            } else if (state == QUOTED) {
                if (escapes && c == escape) {
                    escaped = true;
                } else if (c == quote) {
                    state = QUOTE_IN_QUOTED;
                }
            } else if (lf || c == '\r') {
                state = VALUE_START;
                length = 0;
                recordLine = line;
                continue;
            } else if (state == QUOTE_IN_QUOTED && c == quote) {
                state = QUOTED;
            } else if (c == delimiter) {
                state = VALUE_START;
            } else if (state == VALUE_START && quotes && c == quote) {
                state = QUOTED;
            } else if (escapes && c == escape) {
                escaped = true;
                state = UNQUOTED;
            } else {
                state = UNQUOTED;
            }
            if (++length > max) {
                throw new UnreadableFileException("the record starting on line " + recordLine + " is longer than "
                        + max + " characters (" + setting + ")" + (state == QUOTED ? ", inside a quoted value: is a "
                                + "closing quote missing?" : "")
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
