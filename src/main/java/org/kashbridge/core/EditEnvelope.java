package org.kashbridge.core;

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
    private EditIdentity.Key key;
    private String fingerprint;
    /** The ledger claim this edit holds while it is sent (0: none). */
    private long claim;
    private boolean waitingRetry;
    private boolean claimBlocks;
    /** Epoch ms by which a synchronous caller (REST) wants its answer: waits for the ledger or the order end there. */
    private long deadline = Long.MAX_VALUE;
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

    /** The ledger key (EditIdentity); null until a source names one or the content does. */
    public String getIdempotencyKey() {
        return key == null ? null : key.value();
    }

    /** True when the sender named the edit (editId, Idempotency-Key): its content is then not compared with others. */
    public boolean hasExplicitKey() {
        return key != null && key.named();
    }

    /** The key the source gives (null: the edit is named by its content once validated). */
    public EditEnvelope withIdentity(EditIdentity.Key key) {
        this.key = key;
        return this;
    }

    /** Hash of the content sent (credentials left out), set once the edit is valid. */
    public String getFingerprint() {
        return fingerprint;
    }

    public void identified(EditIdentity.Key key, String fingerprint) {
        this.key = key;
        this.fingerprint = fingerprint;
    }

    public long claim() {
        return claim;
    }

    /** True while the claim is RETRY_WAIT in the ledger: its last attempt did not reach Kash. */
    public boolean waitingRetry() {
        return waitingRetry;
    }

    public void waitingRetry(boolean waiting) {
        this.waitingRetry = waiting;
    }

    public void claimed(long claim) {
        this.claim = claim;
    }

    /** The claim found this edit blocking its order (a failed edit tried again): its result decides the block. */
    public boolean claimBlocks() {
        return claimBlocks;
    }

    public void claimBlocks(boolean blocks) {
        this.claimBlocks = blocks;
    }

    public long deadline() {
        return deadline;
    }

    public EditEnvelope withDeadline(long deadline) {
        this.deadline = deadline;
        return this;
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

    public void preview(String form) {
        this.preview = form;
    }

    public int getAttempts() {
        return attempts;
    }

    /** Runs the one validation every source goes through; an invalid edit is completed as REJECTED with all its errors. */
    public boolean validate() {
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
