package org.kashbridge.pipeline;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import org.kashbridge.core.EditStatus;

/** Prometheus counters and the call-latency timer (exposed at /q/metrics). */
@ApplicationScoped
public class EditMetrics {

    private final Counter received;
    private final Counter succeeded;
    private final Counter rejected;
    private final Counter failed;
    private final Counter ambiguous;
    private final Counter duplicate;
    private final Timer callLatency;

    public EditMetrics(MeterRegistry registry) {
        received = Counter.builder("kash.edits.received").description("Order edits received from any source")
                .register(registry);
        succeeded = Counter.builder("kash.edits.succeeded").description("Edits Kash accepted").register(registry);
        rejected = Counter.builder("kash.edits.rejected")
                .description("Edits refused by validation or by Kash (success:false)").register(registry);
        failed = Counter.builder("kash.edits.failed").description("Edits that failed technically").register(registry);
        ambiguous = Counter.builder("kash.edits.ambiguous").description("Edits that may have been applied: review")
                .register(registry);
        duplicate = Counter.builder("kash.edits.duplicate").description("Edits already applied before, not re-sent")
                .register(registry);
        callLatency = Timer.builder("kash.call.latency").description("editOrder round trip")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    void received() {
        received.increment();
    }

    void completed(EditStatus status) {
        switch (status) {
            case OK -> succeeded.increment();
            case REJECTED -> rejected.increment();
            case FAILED -> failed.increment();
            case AMBIGUOUS -> ambiguous.increment();
            case DUPLICATE -> duplicate.increment();
        }
    }

    void call(Duration duration) {
        callLatency.record(duration);
    }
}
