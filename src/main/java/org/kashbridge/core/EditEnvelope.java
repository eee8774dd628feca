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
 * <p>
 * Its {@link EditStage} changes only through the transition methods below (validate, identified, claimed,
 * retryWaiting, resumed, claimLost, complete, released), each refused with an {@link IllegalStateException}
 * when the table in EditStage does not allow it. The {@code with...} methods are for the source that builds
 * the envelope, before it enters the pipeline.
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
    private EditStage stage = EditStage.RECEIVED;
    /** The ledger claim this edit holds while it is sent (0: none). */
    private long claim;
    private boolean claimBlocks;
    /** Epoch ms by which a synchronous caller (REST) wants its answer: waits for the ledger or the order end there. */
    private long deadline = Long.MAX_VALUE;
    /** Epoch millis: an Instant is only made when a record asks for it. */
    private final long receivedAt = System.currentTimeMillis();
    private OrderEdit edit;
    private List<FieldError> errors = List.of();
    private EditOutcome outcome;
    private int attempts;
    private boolean replyLost;
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

    /** The ledger key with what the source said of it (EditIdentity); null until named. */
    public EditIdentity.Key key() {
        return key;
    }

    /** True when the sender named the edit (editId, Idempotency-Key): its content is then not compared with others. */
    public boolean hasExplicitKey() {
        return key != null && key.named();
    }

    /** The key the source gives (null: the edit is named by its content once validated). */
    public EditEnvelope withIdentity(EditIdentity.Key key) {
        require(EditStage.RECEIVED, "withIdentity");
        this.key = key;
        return this;
    }

    /** Epoch ms by which a synchronous caller wants its answer (may be set again while the edit waits). */
    public EditEnvelope withDeadline(long deadline) {
        this.deadline = deadline;
        return this;
    }

    public EditEnvelope withOriginal(String original) {
        require(EditStage.RECEIVED, "withOriginal");
        this.original = original;
        return this;
    }

    /** Hash of the content sent (credentials left out), set once the edit is valid. */
    public String getFingerprint() {
        return fingerprint;
    }

    public EditStage stage() {
        return stage;
    }

    /** The claim this edit holds in the ledger, 0 while it holds none. */
    public long claim() {
        return claim;
    }

    /** True while the claim is RETRY_WAIT in the ledger: its last attempt did not reach Kash. */
    public boolean waitingRetry() {
        return stage == EditStage.RETRY_WAIT;
    }

    /** The claim found this edit blocking its order (a failed edit tried again): its result decides the block. */
    public boolean claimBlocks() {
        return claimBlocks;
    }

    /** Epoch ms by which a synchronous caller (REST) wants its answer: waits for the ledger or the order end there. */
    public long deadline() {
        return deadline;
    }

    // --- transitions (EditStage's table) ---

    /** Runs the one validation every source goes through; an invalid edit is completed as REJECTED with all its errors. */
    public boolean validate() {
        org.kashbridge.validate.EditValidator.Result result = org.kashbridge.validate.EditValidator.validate(input);
        if (!result.valid()) {
            this.errors = List.copyOf(result.errors());
            complete(EditOutcome.rejected(result.errors().stream().map(Object::toString)
                    .collect(java.util.stream.Collectors.joining("; "))));
            return false;
        }
        move(EditStage.VALID, "validate");
        this.edit = result.edit();
        return true;
    }

    /** Named: its ledger key (the source's, or its content's) and its content's fingerprint. */
    public void identified(EditIdentity.Key key, String fingerprint) {
        move(EditStage.IDENTIFIED, "identified");
        this.key = key;
        this.fingerprint = fingerprint;
    }

    /** The ledger gave this exchange the key's claim; {@code blocks}: the edit is the one blocking its order. */
    public void claimed(long claim, boolean blocks) {
        move(EditStage.CLAIMED, "claimed");
        this.claim = claim;
        this.claimBlocks = blocks;
    }

    /** An attempt did not reach Kash and another follows: the claim is kept while the retry waits. */
    public void retryWaiting() {
        move(EditStage.RETRY_WAIT, "retryWaiting");
    }

    /** The next attempt begins: the claim is IN_FLIGHT again. */
    public void resumed() {
        move(EditStage.CLAIMED, "resumed");
    }

    /** Another bridge took the claim over (this one's lease ran out): this one sends nothing more. */
    public void claimLost() {
        move(EditStage.IDENTIFIED, "claimLost");
        this.claim = 0;
    }

    /** The outcome: final (DONE) when no claim is held, else DECIDED until {@link #released()}. */
    public void complete(EditOutcome outcome) {
        move(stage.holdsClaim() ? EditStage.DECIDED : EditStage.DONE, "complete(" + outcome.status() + ")");
        this.outcome = outcome;
    }

    /** The claim's result is written to the ledger (or left to its sweep): nothing is held any more. */
    public void released() {
        move(EditStage.DONE, "released");
        this.claim = 0;
    }

    /** An attempt was sent and got no reply, and the edit is tried again: that attempt may have been applied. */
    public void replyLost() {
        this.replyLost = true;
    }

    /** True when an earlier attempt got no reply: Kash may have applied it, whatever a later attempt hears. */
    public boolean anAttemptMayHaveApplied() {
        return replyLost;
    }

    /** Counts one request to Kash (every attempt, retries included). */
    public void attempted() {
        attempts++;
    }

    /** Dry runs: the form that would have been sent, key masked. */
    public void preview(String form) {
        require(EditStage.VALID, "preview");
        this.preview = form;
    }

    private void move(EditStage next, String transition) {
        if (!stage.canMoveTo(next)) {
            throw new IllegalStateException("edit " + editKey + ": " + transition + " would move it from " + stage
                    + " to " + next + ", which EditStage does not allow");
        }
        stage = next;
    }

    private void require(EditStage expected, String step) {
        if (stage != expected) {
            throw new IllegalStateException("edit " + editKey + ": " + step + " is only allowed at " + expected
                    + ", not at " + stage);
        }
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

    public EditOutcome getOutcome() {
        return outcome;
    }

    /** Dry runs: the form body that would have been sent, key masked. */
    public String getPreview() {
        return preview;
    }

    public int getAttempts() {
        return attempts;
    }
}
