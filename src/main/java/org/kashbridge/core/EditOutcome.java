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

    /**
     * REJECTED: the key the sender chose names another edit (docs/api.md). Never sent under that key, not even by a
     * replay once that edit ended FAILED: only its sender can tell whether it still wants it, under a key of its own.
     */
    public static EditOutcome conflict(String detail) {
        return rejected(CONFLICT + detail);
    }

    /** The bridge's own refusal (no HTTP status: Kash never answered it), whatever Kash's messages say. */
    public boolean isConflict() {
        return status == EditStatus.REJECTED && httpStatus == null && message != null && message.startsWith(CONFLICT);
    }

    /** A dead letter written before dead letters carried KashConflict: its status and reason say so. */
    public static boolean conflictReason(String status, String reason) {
        return EditStatus.REJECTED.name().equals(status) && reason != null && reason.startsWith(CONFLICT + "the key '");
    }

    private static final String CONFLICT = "conflict: ";

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
