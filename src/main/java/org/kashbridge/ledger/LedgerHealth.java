package org.kashbridge.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** /q/health/ready's "kash-ledger": DOWN while the ledger does not answer (the lease renewal finds out at idle too). */
@Readiness
@ApplicationScoped
public class LedgerHealth implements HealthCheck {

    @Inject
    LedgerAvailability availability;

    @Override
    public HealthCheckResponse call() {
        return availability.health();
    }
}
