package org.kashbridge.core;

/**
 * What happened to one edit. For OK: Kash's orderID and whichever of invoice, quote and paymentLink
 * came back. For REJECTED and FAILED: a message saying what to fix; FAILED also keeps the HTTP status
 * and a bounded excerpt of the reply.
 */
public record EditOutcome(EditStatus status, Long orderID, String invoice, String quote, String paymentLink,
        String message, Integer httpStatus, String replyExcerpt) {

    public boolean ok() {
        return status == EditStatus.OK;
    }

    public static EditOutcome success(Long orderID, String invoice, String quote, String paymentLink) {
        return new EditOutcome(EditStatus.OK, orderID, invoice, quote, paymentLink, null, null, null);
    }

    public static EditOutcome rejected(String message) {
        return new EditOutcome(EditStatus.REJECTED, null, null, null, null, message, null, null);
    }

    public static EditOutcome rejectedByKash(String message, int httpStatus) {
        return new EditOutcome(EditStatus.REJECTED, null, null, null, null, message, httpStatus, null);
    }

    public static EditOutcome ambiguous(String message) {
        return new EditOutcome(EditStatus.AMBIGUOUS, null, null, null, null, message, null, null);
    }

    public static EditOutcome duplicate(Long orderID, String invoice, String quote, String paymentLink,
            String message) {
        return new EditOutcome(EditStatus.DUPLICATE, orderID, invoice, quote, paymentLink, message, null, null);
    }

    /** Nothing needs fixing: applied now, or already applied before. */
    public boolean settled() {
        return status == EditStatus.OK || status == EditStatus.DUPLICATE;
    }

    public static EditOutcome failed(String message, Integer httpStatus, String replyExcerpt) {
        return new EditOutcome(EditStatus.FAILED, null, null, null, null, message, httpStatus, replyExcerpt);
    }
}
