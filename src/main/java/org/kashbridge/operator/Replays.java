package org.kashbridge.operator;

import java.util.Map;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.apache.camel.Exchange;
import org.kashbridge.core.EditEnvelope;
import org.kashbridge.core.EditIdentity;
import org.kashbridge.core.EditSource;
import org.kashbridge.json.JsonEditReader;
import org.kashbridge.outcome.OutcomeRecords;

/** The steps of the replay route (routes/operator.camel.yaml): an edit sent again keeps its ledger key. */
@ApplicationScoped
@Named("replays")
@Unremovable
public class Replays {

    /** Header: the ledger key the edit had (a dead letter's KashIdempotencyKey, a reviewed edit's key), if any. */
    public static final String KEY = "KashReplayKey";
    /** Header: where the edit comes from ("dead letter ID:...", "review ..."), its edit key when it has no key. */
    public static final String ORIGIN = "KashReplayOrigin";

    @Inject
    OutcomeRecords records;

    /** Body: the edit's JSON as received. Returns it as an edit under its old key, so it cannot be applied twice. */
    public EditEnvelope envelope(Exchange exchange) {
        String json = exchange.getMessage().getBody(String.class);
        String key = exchange.getMessage().getHeader(KEY, String.class);
        String origin = exchange.getMessage().getHeader(ORIGIN, String.class);
        EditEnvelope envelope = new EditEnvelope(key != null ? key : origin, new EditSource("replay", origin, null),
                JsonEditReader.read(json)).withOriginal(json);
        return key == null ? envelope : envelope.withIdentity(EditIdentity.kept(key));
    }

    /** The answer for the operator: the replayed edit's new outcome. */
    public Map<String, Object> outcome(Exchange exchange) {
        return records.reply(exchange.getProperty(EditEnvelope.PROPERTY, EditEnvelope.class));
    }
}
