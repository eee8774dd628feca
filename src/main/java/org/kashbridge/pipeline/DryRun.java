package org.kashbridge.pipeline;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.apache.camel.Exchange;
import org.kashbridge.core.EditEnvelope;
import org.kashbridge.core.EditOutcome;
import org.kashbridge.core.EditStatus;
import org.kashbridge.encode.EditOrderEncoder;
import org.kashbridge.kash.KashTarget;

/**
 * Dry runs (files dropped in a dry-run folder): the same validation and encoding as the pipeline, and
 * the exact form body that would be sent, with the key masked. No ledger, no call, no outcome routing.
 */
@ApplicationScoped
@Named("dryRun")
@Unremovable
public class DryRun {

    @Inject
    KashTarget target;

    /** Body: an {@link EditEnvelope}; completes it as WOULD_SEND with its form body, or REJECTED. */
    public void preview(Exchange exchange) {
        EditEnvelope envelope = exchange.getMessage().getBody(EditEnvelope.class);
        if (!envelope.validate()) {
            return;
        }
        envelope.preview(EditOrderEncoder.fields(envelope.getEdit(), target.shopId(), target.apiKey()).masked()
                .encode());
        envelope.complete(new EditOutcome(EditStatus.WOULD_SEND, null, null, null, null,
                "dry run: valid, nothing sent", null, null));
    }
}
