package org.kashbridge.operator;

import java.util.Map;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.apache.camel.Exchange;
import org.kashbridge.core.EditEnvelope;
import org.kashbridge.core.EditIdentity;
import org.kashbridge.core.EditOutcome;
import org.kashbridge.core.EditSource;
import org.kashbridge.json.JsonEditReader;
import org.kashbridge.outcome.OutcomeRecords;
import org.kashbridge.validate.FieldError;

/** The steps of the replay route (routes/operator.camel.yaml): an edit sent again keeps its ledger key. */
@ApplicationScoped
@Named("replays")
@Unremovable
public class Replays {

    /** Header: the ledger key the edit had (a dead letter's KashIdempotencyKey, a reviewed edit's key), if any. */
    public static final String KEY = "KashReplayKey";
    /** Header: where the edit comes from ("dead letter ID:...", "review ..."), its edit key when it has no key. */
    public static final String ORIGIN = "KashReplayOrigin";
    /** Header, true: the dead letter of a conflict (its key names another edit), refused again, never sent. */
    public static final String CONFLICT = "KashReplayConflict";

    @Inject
    OutcomeRecords records;

    /** Body: the edit's JSON as received. Returns it as an edit under its old key, so it cannot be applied twice. */
    public EditEnvelope envelope(Exchange exchange) {
        String json = exchange.getMessage().getBody(String.class);
        String key = exchange.getMessage().getHeader(KEY, String.class);
        String origin = exchange.getMessage().getHeader(ORIGIN, String.class);
        var input = JsonEditReader.read(json);
        String given = EditIdentity.givenName(key);
        if (Boolean.TRUE.equals(exchange.getMessage().getHeader(CONFLICT, Boolean.class))) {
            // its key was taken by another edit; that one may have failed since, but sending this one under it now
            // could apply it twice (its sender, told of the conflict, may have sent it again under a new key)
            // (a conflict again, so that its next dead letter is not replayed either)
            input.error(new FieldError(null, null, EditOutcome.conflict("not replayed: the key '"
                    + given + "' names another edit, so this one was never sent under it; "
                    + "its sender must send it again under a key of its own (editId or Idempotency-Key) if it still "
                    + "wants it (" + origin + ")").message()));
        }
        // named in reports and dead letters as its sender named it (editId), else by its ledger key
        String editKey = given != null ? given : key != null ? key : origin;
        EditEnvelope envelope = new EditEnvelope(editKey, new EditSource("replay", origin, null), input)
                .withOriginal(json);
        return key == null ? envelope : envelope.withIdentity(EditIdentity.kept(key));
    }

    /** The answer for the operator: the replayed edit's new outcome. */
    public Map<String, Object> outcome(Exchange exchange) {
        return records.reply(exchange.getProperty(EditEnvelope.PROPERTY, EditEnvelope.class));
    }
}
