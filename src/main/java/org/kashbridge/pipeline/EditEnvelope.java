package org.kashbridge.pipeline;

import java.time.Instant;
import java.util.List;

import org.kashbridge.model.OrderEdit;
import org.kashbridge.validate.EditInput;
import org.kashbridge.validate.FieldError;

/**
 * One edit travelling through the pipeline, whatever its source: the input as received, the validated
 * edit (or the errors), and finally the outcome. The routes keep it in the exchange property
 * {@value #PROPERTY} while the message body becomes the form and then Kash's reply.
 */
public final class EditEnvelope {

    public static final String PROPERTY = "kashEdit";

    private final String editKey;
    private final EditSource source;
    private final EditInput input;
    private final List<Integer> rows;
    private String original;
    private String idempotencyKey;
    private boolean explicitKey;
    private String fingerprint;
    /** Epoch millis: an Instant is only made when a record asks for it. */
    private final long receivedAt = System.currentTimeMillis();
    private OrderEdit edit;
    private List<FieldError> errors = List.of();
    private EditOutcome outcome;
    private int attempts;
    private String preview;

    public EditEnvelope(String editKey, EditSource source, EditInput input) {
        this(editKey, source, input, List.of());
    }

    /** For file sources: {@code rows} are the spreadsheet row numbers the edit was built from. */
    public EditEnvelope(String editKey, EditSource source, EditInput input, List<Integer> rows) {
        this.editKey = editKey;
        this.source = source;
        this.input = input;
        this.rows = List.copyOf(rows);
    }

    public List<Integer> getRows() {
        return rows;
    }

    /** The text as received (REST body, JMS message), kept for dead letters; null for file rows. */
    public String getOriginal() {
        return original;
    }

    /** The ledger key; null until a source names one or the ledger derives one from the content. */
    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    /** True when the sender named the edit (editId, Idempotency-Key, message id): content is then not compared. */
    public boolean hasExplicitKey() {
        return explicitKey;
    }

    public EditEnvelope withIdempotencyKey(String key, boolean explicit) {
        this.idempotencyKey = key;
        this.explicitKey = explicit;
        return this;
    }

    /** Hash of the content sent (credentials left out), set by the ledger check. */
    public String getFingerprint() {
        return fingerprint;
    }

    public void useFingerprint(String fingerprint) {
        this.fingerprint = fingerprint;
    }

    public void useIdempotencyKey(String key) {
        this.idempotencyKey = key;
    }

    public EditEnvelope withOriginal(String original) {
        this.original = original;
        return this;
    }

    public String getEditKey() {
        return editKey;
    }

    public EditSource getSource() {
        return source;
    }

    public EditInput getInput() {
        return input;
    }

    public Instant getReceivedAt() {
        return Instant.ofEpochMilli(receivedAt);
    }

    public OrderEdit getEdit() {
        return edit;
    }

    public List<FieldError> getErrors() {
        return errors;
    }

    /** True once validation passed: the routes use it to decide whether to call Kash. */
    public boolean isValid() {
        return edit != null;
    }

    public EditOutcome getOutcome() {
        return outcome;
    }

    public boolean isOk() {
        return outcome != null && outcome.ok();
    }

    /** OK or DUPLICATE: goes to the success endpoints. */
    public boolean isSettled() {
        return outcome != null && outcome.settled();
    }

    /** True while no outcome is decided yet (the ledger may decide one before the call). */
    public boolean isPending() {
        return outcome == null;
    }

    /** Dry runs: the form body that would have been sent, key masked. */
    public String getPreview() {
        return preview;
    }

    void preview(String form) {
        this.preview = form;
    }

    public int getAttempts() {
        return attempts;
    }

    /** Runs the one validation every source goes through; an invalid edit is completed as REJECTED with all its errors. */
    boolean validate() {
        org.kashbridge.validate.EditValidator.Result result = org.kashbridge.validate.EditValidator.validate(input);
        validated(result.edit(), result.errors());
        if (!result.valid()) {
            complete(EditOutcome.rejected(result.errors().stream().map(Object::toString)
                    .collect(java.util.stream.Collectors.joining("; "))));
        }
        return result.valid();
    }

    void validated(OrderEdit edit, List<FieldError> errors) {
        this.edit = edit;
        this.errors = List.copyOf(errors);
    }

    public void attempted() {
        attempts++;
    }

    public void complete(EditOutcome outcome) {
        this.outcome = outcome;
    }
}
