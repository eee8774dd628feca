package org.kashbridge.secret;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

import io.quarkus.logging.LoggingFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Masks the Kash API key in every log record, whatever logs it: with DEBUG on, HTTP client wire logs
 * would otherwise print the form body, key included. Enabled on the console and file handlers by
 * {@code quarkus.log.*.filter=kash-secret-mask}.
 */
@LoggingFilter(name = "kash-secret-mask")
public final class SecretLogFilter implements Filter {

    private final String secret;

    public SecretLogFilter() {
        this.secret = ConfigProvider.getConfig().getOptionalValue("kash.api-key", String.class).orElse("");
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (secret.isEmpty()) {
            return true;
        }
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        if (message != null && (message.contains(secret) || !SecretMask.apply(message, secret).equals(message))) {
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(SecretMask.apply(message, secret), ExtLogRecord.FormatStyle.NO_FORMAT);
            } else {
                record.setMessage(SecretMask.apply(message, secret));
            }
            record.setParameters(null);
        }
        return true;
    }
}
