package org.kashbridge.support;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.builder.RouteBuilder;

/** A dead-letter endpoint that is down while {@link #DOWN} is set: used by UnroutableOutcomeTest. */
public class FlakyDeadLetterRoute extends RouteBuilder {

    public static final AtomicBoolean DOWN = new AtomicBoolean();

    @Override
    public void configure() {
        from("direct:flaky-dead-letter").routeId("test-flaky-dead-letter").process(e -> {
            if (DOWN.get()) {
                throw new IllegalStateException("dead-letter queue unavailable (test)");
            }
        });
    }
}
