package org.kashbridge.secret;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

import io.quarkus.logging.LoggingFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Masks every secret ({@link SecretMask#SETTINGS}, in every encoding) in every log record, whatever logs it (with DEBUG on, HTTP client wire logs
 * would otherwise print the form body, key included), and keeps values from the outside from forging log lines. Enabled on the console and file handlers by
 * {@code quarkus.log.*.filter=kash-secret-mask}.
 */
@LoggingFilter(name = "kash-secret-mask")
public final class SecretLogFilter implements Filter {

    /** HttpClient's wire log: a body in records of a few KB, cut anywhere, a secret too. */
    static final String WIRE_LOG = "org.apache.hc.client5.http.wire";

    private final SecretMask secrets;

    public SecretLogFilter() {
        this(SecretMask.of(ConfigProvider.getConfig()));
    }

    SecretLogFilter(SecretMask secrets) {
        this.secrets = secrets;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        if (message == null) {
            return true;
        }
        boolean piece = record.getLoggerName() != null && record.getLoggerName().startsWith(WIRE_LOG);
        String safe = printable(piece ? wirePiece(message) : secrets.apply(message));
        if (!safe.equals(message)) {
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(safe, ExtLogRecord.FormatStyle.NO_FORMAT);
            } else {
                record.setMessage(safe);
            }
            record.setParameters(null);
        }
        return true;
    }

    /** {@code http-outgoing-0 >> "<piece>"}: the piece between the quotes may begin or end inside a secret. */
    private String wirePiece(String message) {
        int open = message.indexOf('"');
        int close = message.lastIndexOf('"');
        if (open < 0 || close <= open) {
            return secrets.applyToPiece(message);
        }
        return secrets.apply(message.substring(0, open + 1))
                + secrets.applyToPiece(message.substring(open + 1, close)) + message.substring(close);
    }

    /** Control characters (C0, DEL, C1: a terminal's CSI is U+009B) and the Unicode line separators; not tab. */
    private static boolean unsafe(char c) {
        return c != '\t' && (Character.isISOControl(c) || c == '\u2028' || c == '\u2029');
    }

    /**
     * A message that cannot forge log lines: a value with a line break (an editId, a file name) cannot start what
     * looks like a record of its own, as every line after the first is indented; a carriage return and the other
     * control characters (a terminal's escape sequences) are written as \r, \u001B...
     */
    static String printable(String message) {
        int i = 0;
        int n = message.length();
        while (i < n && (!unsafe(message.charAt(i))
                || message.charAt(i) == '\n' && i + 1 < n && message.charAt(i + 1) == ' ')) {
            i++;
        }
        if (i == n) {
            return message;
        }
        StringBuilder b = new StringBuilder(n + 16).append(message, 0, i);
        for (; i < n; i++) {
            char c = message.charAt(i);
            if (c == '\n') {
                // a line that starts with a blank is no record of its own; one already indented (by the filter of
                // another handler) stays as it is
                b.append(i + 1 < n && (message.charAt(i + 1) == ' ' || message.charAt(i + 1) == '\t') ? "\n"
                        : "\n    ");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (unsafe(c)) {
                b.append(String.format("\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
