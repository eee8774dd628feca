package org.kashbridge.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.kashbridge.kash.KashTarget;

/** Serves the simulator at /workers/editOrder.php on this application's HTTP port when it is enabled. */
@ApplicationScoped
public class SimulatorHttp {

    private static final Logger LOG = Logger.getLogger(SimulatorHttp.class);

    @Inject
    KashSimulator simulator;
    @Inject
    KashTarget target;

    void routes(@Observes Router router) {
        if (!target.simulatorEnabled()) {
            return;
        }
        LOG.info("Kash simulator enabled at /workers/editOrder.php (KASH_SIMULATOR); no real Kash.click is called");
        // A test double, never a service: it answers this machine only, whatever address the port listens on.
        for (String path : new String[] {"/workers/*", "/simulator/*"}) {
            router.route(path).order(-1).handler(ctx -> {
                if (fromLoopback(ctx)) {
                    ctx.next();
                } else {
                    ctx.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                            .end("{\"error\":\"the Kash simulator answers requests from this machine only\"}");
                }
            });
        }
        // What changes the simulator's state takes JSON only: a cross-site form or text/plain post (a simple
        // request, sent by a browser without asking) is refused, and a JSON one needs a CORS preflight it never gets.
        for (String path : new String[] {"/simulator/faults", "/simulator/reset"}) {
            router.post(path).order(-1).handler(ctx -> {
                String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
                if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
                    ctx.next();
                } else {
                    ctx.response().setStatusCode(415).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                            .end("{\"error\":\"send Content-Type: application/json\"}");
                }
            });
        }
        router.post("/workers/editOrder.php").handler(BodyHandler.create().setBodyLimit(1 << 20))
                .handler(ctx -> {
                    simulator.arrived();
                    ctx.addEndHandler(done -> simulator.answered());
                    String linkBase = ctx.request().scheme() + "://" + ctx.request().authority();
                    Map<String, String> headers = new LinkedHashMap<>();
                    ctx.request().headers()
                            .forEach(h -> headers.merge(h.getKey(), h.getValue(), (a, b) -> a + ", " + b));
                    KashSimulator.Reply reply = simulator.handle(ctx.body().asString("UTF-8"), headers, linkBase);
                    Runnable answer = () -> {
                        if (reply.close()) {
                            ctx.request().connection().close();
                            return;
                        }
                        if (reply.retryAfter() != null) {
                            ctx.response().putHeader("Retry-After", String.valueOf(reply.retryAfter()));
                        }
                        ctx.response().setStatusCode(reply.status())
                                .putHeader(HttpHeaders.CONTENT_TYPE, reply.json().startsWith("{")
                                        ? "application/json; charset=UTF-8" : "text/html; charset=UTF-8")
                                .end(reply.json());
                    };
                    if (reply.delayMs() > 0) {
                        ctx.vertx().setTimer(reply.delayMs(), t -> answer.run());
                    } else {
                        answer.run();
                    }
                });
        // Fault injection and statistics, for the reliability suite (bench/ and docs/reliability.md).
        router.post("/simulator/faults").handler(BodyHandler.create()).handler(ctx -> {
            simulator.faults(io.vertx.core.json.Json.decodeValue(ctx.body().buffer(), FaultPlan.class));
            ctx.response().setStatusCode(204).end();
        });
        router.post("/simulator/reset").handler(ctx -> {
            simulator.reset();
            ctx.response().setStatusCode(204).end();
        });
        router.get("/simulator/stats").handler(ctx -> ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(io.vertx.core.json.Json.encode(simulator.stats())));
        // the requests being answered now, for a sampler of how busy the bridge keeps Kash (bench diagnostics)
        router.get("/simulator/in-flight").handler(ctx -> ctx.response().end(String.valueOf(simulator.inFlight())));
        // Lets an operator (and the README demo) see what the simulated till now holds for an order.
        router.get("/simulator/orders/:id").handler(ctx -> {
            String id = ctx.pathParam("id");
            KashSimulator.SimOrder order = id.matches("\\d{1,18}") ? simulator.order(Long.parseLong(id)) : null;
            if (order == null) {
                ctx.response().setStatusCode(404).end();
                return;
            }
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=UTF-8")
                    .end(io.vertx.core.json.Json.encodePrettily(Map.of("orderID", order.id, "state", order.state,
                            "total", order.total.toPlainString(), "paid", order.paid.toPlainString(),
                            "lines", order.lines, "client", order.client, "fields", order.fields)));
        });
    }

    private static boolean fromLoopback(io.vertx.ext.web.RoutingContext ctx) {
        io.vertx.core.net.SocketAddress remote = ctx.request().remoteAddress();
        return remote != null && remote.hostAddress() != null
                && org.kashbridge.config.Addresses.loopback(remote.hostAddress());
    }
}
