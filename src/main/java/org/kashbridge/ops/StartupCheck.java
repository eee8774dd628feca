package org.kashbridge.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.runtime.Quarkus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.quarkus.main.events.AfterStart;
import org.apache.camel.quarkus.main.events.BeforeStart;
import org.eclipse.microprofile.config.ConfigProvider;
import org.kashbridge.config.KashConfig;
import org.kashbridge.kash.KashTarget;
import org.kashbridge.layout.Layouts;
import org.kashbridge.outcome.OutcomeRoutingCheck;

/**
 * What must hold before any route consumes: the outcome endpoints can take outcomes. Run as a Camel start-up
 * listener, after the routes are built and before their consumers start, so a bad setting stops the bridge
 * before a single edit is read. With {@code kash.check=true} ({@code bin/kash-bridge check}) nothing is started
 * at all: the settings, the routes and the layouts are checked, every problem is printed and the process ends
 * with 0 (all good) or 1.
 */
@ApplicationScoped
public class StartupCheck {

    @Inject
    KashConfig kash;
    @Inject
    Layouts layouts;
    @Inject
    KashTarget target;

    private final List<String> problems = new ArrayList<>();

    void beforeStart(@Observes BeforeStart event) throws Exception {
        event.getCamelContext().addStartupListener((camel, alreadyStarted) -> check(camel));
    }

    private void check(CamelContext camel) {
        if (camel.getRoutes().isEmpty()) {
            // nothing is consumed, so there is nothing to route (the packaged jar run as a simulator only)
            if (kash.check()) {
                problems.add("no route was loaded from " + ConfigProvider.getConfig().getOptionalValue(
                        "camel.main.routes-include-pattern", String.class).orElse("routes/") + " (is KASH_HOME the "
                        + "folder holding routes/?)");
            }
            return;
        }
        List<String> found = OutcomeRoutingCheck.problems(camel, ConfigProvider.getConfig());
        if (!kash.check() && !found.isEmpty()) {
            throw new IllegalStateException("kash-bridge did not start: outcomes could not be routed, and nothing "
                    + "has been read yet. Fix " + (found.size() == 1 ? "this setting" : "these settings")
                    + " (bin/kash-bridge check tests them without starting):\n  - " + String.join("\n  - ", found));
        }
        problems.addAll(found);
    }

    /** Check mode: the report, once Camel has started (its routes built, none of them started). */
    void report(@Observes AfterStart event) {
        if (!kash.check()) {
            return;
        }
        target.problem().ifPresent(problems::add);
        for (Map.Entry<String, String> e : layouts.errors().entrySet()) {
            problems.add("layout " + e.getKey() + ": " + e.getValue());
        }
        if (problems.isEmpty()) {
            System.out.println("kash-bridge check: OK (settings, routes, outcome endpoints, " + layouts.all().size()
                    + " layouts)");
            Quarkus.asyncExit(0);
        } else {
            System.out.println(
                    "kash-bridge check: " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
            problems.forEach(p -> System.out.println("  - " + p));
            Quarkus.asyncExit(1);
        }
    }
}
