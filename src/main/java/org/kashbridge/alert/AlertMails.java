package org.kashbridge.alert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.apache.camel.Exchange;
import org.jboss.logging.Logger;
import org.kashbridge.config.KashConfig;
import org.kashbridge.core.EditEnvelope;
import org.kashbridge.core.EditOutcome;
import org.kashbridge.core.EditStatus;
import org.kashbridge.csv.InboxFile;
import org.kashbridge.encode.EditOrderEncoder;
import org.kashbridge.kash.KashTarget;
import org.kashbridge.secret.Secrets;
import org.kashbridge.validate.FieldError;

/**
 * Plain-text alert mails (routes/outcomes.camel.yaml): one per failed edit, one summary per file that
 * had failures. A mail that cannot be sent is written to the unsent-alerts folder instead, so an SMTP
 * outage never blocks or loses anything.
 */
@ApplicationScoped
@Named("alertMails")
@Unremovable
public class AlertMails {

    private static final Logger LOG = Logger.getLogger(AlertMails.class);
    private final AtomicLong sequence = new AtomicLong();

    @Inject
    KashConfig kash;
    @Inject
    KashTarget target;
    @Inject
    Secrets secrets;

    /** Body and headers of the mail for one edit (normally a failed one; operators may also route successes here). */
    public String editAlert(Exchange exchange) {
        EditEnvelope e = exchange.getProperty(EditEnvelope.PROPERTY, EditEnvelope.class);
        EditOutcome o = e.getOutcome();
        StringBuilder text = new StringBuilder()
                .append(o.ok() ? "An order edit was applied to Kash.\n\n"
                        : "An order edit was not applied to Kash.\n\n")
                .append("Status:    ").append(o.status()).append('\n')
                .append("Edit:      ").append(e.getEditKey()).append('\n')
                .append("Source:    ").append(e.getSource()).append('\n');
        EditOutcomeText.orderLine(text, e);
        text.append("Attempts:  ").append(e.getAttempts()).append('\n')
                .append(o.ok() ? "" : "Reason:    " + o.message() + "\n");
        if (o.ok()) {
            text.append(o.invoice() != null ? "Invoice:   " + o.invoice() + "\n" : "")
                    .append(o.quote() != null ? "Quote:     " + o.quote() + "\n" : "")
                    .append(o.paymentLink() != null ? "Pay link:  " + o.paymentLink() + "\n" : "");
        }
        if (!e.getErrors().isEmpty()) {
            text.append("\nWhat to fix:\n");
            for (FieldError err : e.getErrors()) {
                text.append("  - ").append(err).append('\n');
            }
        }
        if (o.httpStatus() != null) {
            text.append("\nKash answered HTTP ").append(o.httpStatus());
            if (o.replyExcerpt() != null) {
                text.append(": ").append(o.replyExcerpt());
            }
            text.append('\n');
        }
        if (e.getEdit() != null) {
            text.append("\nRequest sent (key masked):\n  ").append(EditOrderEncoder.fields(e.getEdit(), target.shopId(),
                    target.apiKey()).masked().encode()).append('\n');
        }
        if (o.status() == EditStatus.REJECTED) {
            text.append("\nREJECTED: correct the data at the source and send the edit again.\n");
        } else if (o.status() == EditStatus.FAILED) {
            text.append("\nFAILED: Kash could not be reached or answered with an error; check Kash, then send the edit "
                    + "again.\n");
        }
        headers(exchange, "[kash-bridge] " + o.status() + " edit " + e.getEditKey() + " (" + e.getSource() + ")");
        return secrets.mask(text.toString());
    }

    /** Summary of a processed file; null (nothing to send) when every edit went through. */
    public String fileSummary(Exchange exchange) {
        InboxFile file = exchange.getMessage().getBody(InboxFile.class);
        Map<EditStatus, Integer> counts = new EnumMap<>(EditStatus.class);
        counts.putAll(file.counts());
        String failed = file.failureLines();
        if (file.isReadable() && failed.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder("File ").append(file.fileName())
                .append(" was processed with failures.\n\n");
        if (!file.isReadable()) {
            text.append("The file could not be read and nothing in it was sent:\n  ").append(file.unreadableReason())
                    .append('\n');
        } else {
            text.append("Edits: ").append(file.editCount());
            counts.forEach((s, n) -> text.append(", ").append(s).append(' ').append(n));
            text.append("\n\nFailed rows:\n").append(failed);
            if (file.unlistedFailures() > 0) {
                text.append("  ... and ").append(file.unlistedFailures()).append(" more (see the report)\n");
            }
        }
        text.append("\nThe full report is ").append(file.reportPath().getFileName())
                .append(" beside the processed file.\n");
        headers(exchange, "[kash-bridge] " + file.fileName() + ": " + (file.isReadable() ? counts.toString()
                : "unreadable"));
        return secrets.mask(text.toString());
    }

    private void headers(Exchange exchange, String subject) {
        exchange.getMessage().setHeader("Subject", subject);
        exchange.getMessage().setHeader("From", kash.mail().from());
        exchange.getMessage().setHeader("To", kash.mail().to());
        exchange.getMessage().setHeader("Content-Type", "text/plain; charset=UTF-8");
    }

    /** The mail could not be sent: keep it as a file and say so. */
    public void recordUnsent(Exchange exchange) throws IOException {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Path dir = Path.of(kash.alerts().unsentDir());
        Files.createDirectories(dir);
        Path file = dir.resolve(Instant.now().toString().replace(':', '-') + "_" + sequence.incrementAndGet() + ".txt");
        String text = "Subject: " + exchange.getMessage().getHeader("Subject") + "\nTo: " + kash.mail().to()
                + "\nNot sent: "
                + (cause == null ? "unknown" : cause.getMessage()) + "\n\n"
                + exchange.getMessage().getBody(String.class);
        Files.writeString(file, secrets.mask(text), StandardCharsets.UTF_8);
        LOG.warnf("alert mail not sent (%s); kept in %s", cause == null ? "?" : cause.getMessage(), file);
    }

    /** Small text helpers shared by the mail bodies. */
    private static final class EditOutcomeText {
        static void orderLine(StringBuilder text, EditEnvelope e) {
            EditOutcome o = e.getOutcome();
            String order = o.orderID() != null ? String.valueOf(o.orderID())
                    : e.getInput().field("orderID") == null ? "?" : e.getInput().field("orderID").text();
            text.append("Order:     ").append(order).append('\n');
        }
    }
}
