package org.kashbridge.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.kashbridge.faults.Processes;
import org.kashbridge.support.FreePortResource;
import org.kashbridge.support.TestFiles;

/**
 * Every source against the raw loop in the same run (bench/run.sh --sources): one bridge, warmed, then rounds of
 * the raw loop, REST with {@code inFlight} callers (synchronous, and with Prefer: respond-async), JMS with as many
 * consumers (or -Dbench.callers, -Dbench.consumers; KASH_CONCURRENCY is {@code inFlight} either way), and JMS with
 * 4 edits per order back to back, grouped by JMSXGroupID and not. Ratios per round and their medians; the rounds
 * interleave the sources so that the host's drift hits all of them alike.
 */
public final class SourcesBench {

    private static final Path ROOT = Path.of("target/bench-sources");

    public static void main(String[] args) throws Exception {
        int edits = Integer.parseInt(System.getProperty("bench.edits", "4000"));
        int rounds = Integer.parseInt(System.getProperty("bench.rounds", "3"));
        int inFlight = Integer.parseInt(System.getProperty("bench.inFlight", "16"));
        int latency = Integer.parseInt(System.getProperty("bench.latency", "20"));
        // -Dbench.callers / -Dbench.consumers: more REST callers or JMS consumers than Kash calls in flight
        // (KASH_CONCURRENCY stays inFlight, the raw loop's), as the CSV drop runs three lanes per call slot
        int callers = Integer.getInteger("bench.callers", inFlight);
        int consumers = Integer.getInteger("bench.consumers", inFlight);
        TestFiles.deleteTree(ROOT);
        Bench.simPort = FreePortResource.freePort();
        Process simulator = Processes.simulator(ROOT, Bench.simPort, Bench.SHOP, Bench.KEY);
        int http = FreePortResource.freePort();
        int broker = FreePortResource.freePort();
        Map<String, String> env = Bench.bridgeEnv(ROOT.resolve("bridge"), http);
        env.put("KASH_BROKER_PORT", String.valueOf(broker));
        env.put("KASH_JMS_CONSUMERS", String.valueOf(consumers));
        env.put("KASH_CONCURRENCY", String.valueOf(inFlight));
        if (System.getProperty("bench.brokerUrl") != null) {
            env.put("KASH_BROKER_URL", System.getProperty("bench.brokerUrl"));
        } else if (System.getProperty("bench.cws") != null) {
            env.put("KASH_BROKER_URL",
                    "tcp://127.0.0.1:" + broker + "?consumerWindowSize=" + System.getProperty("bench.cws"));
        }
        Process bridge = Processes.start("bridge", ROOT.resolve("bridge"), env);
        Map<String, List<Double>> figures = new LinkedHashMap<>();
        try (ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + broker, "kash-client",
                "bench-client")) {
            Processes.awaitHttp("http://127.0.0.1:" + http + "/q/health/ready", 200, Duration.ofSeconds(90));
            if (System.getProperty("bench.bridgeCpus") != null) {
                // -Dbench.bridgeCpus=1 -Dbench.otherCpus=0: the bridge on cores of its own, as beside a remote Kash
                Bench.pin(bridge.pid(), System.getProperty("bench.bridgeCpus"));
                Bench.pin(simulator.pid(), System.getProperty("bench.otherCpus"));
                Bench.pin(ProcessHandle.current().pid(), System.getProperty("bench.otherCpus"));
            }
            Sources s = new Sources(http, cf, callers);
            long base = 100_000_000;
            // warm-up: the raw loop and every path of the bridge, as many edits as the rounds measure twice over
            Bench.plan(0);
            for (int w = 0; w < 3; w++) {
                RawLoop.run(Bench.sim("/workers/editOrder.php"), Bench.bodies(EditGenerator.edits(1 + w, edits, 3, 0.2,
                        base)), inFlight);
                base += edits;
                s.rest(EditGenerator.edits(11 + w, edits, 3, 0.2, base), false);
                base += edits;
                s.rest(EditGenerator.edits(21 + w, edits, 3, 0.2, base), true);
                base += edits;
                s.jms(EditGenerator.edits(31 + w, edits, 3, 0.2, base), false);
                base += edits;
                s.jms(perOrder(EditGenerator.edits(41 + w, edits, 3, 0, base), 4), true);
                base += edits;
            }
            if ("latency".equals(System.getProperty("bench.only"))) {
                // -Dbench.only=latency: REST's added latency alone, one call at a time (a what-if's quick look)
                Bench.plan(latency);
                for (int round = 1; round <= rounds; round++) {
                    double[] added = Bench.addedLatency(http, EditGenerator.edits(900 + round, 600, 3, 0.2, base));
                    base += 600;
                    System.out.printf("REST added latency round %d: p50 %.2f ms, p99 %.2f ms%n", round, added[0],
                            added[1]);
                }
                return;
            }
            if (System.getProperty("bench.only") != null) {
                // -Dbench.only=jms|rest: that source alone, e.g. under a profiler (-Dbridge.jvmOpts)
                Bench.plan(latency);
                boolean jms = "jms".equals(System.getProperty("bench.only"));
                Map<String, Long> threads0 = threadTicks(bridge.pid());
                if (System.getProperty("bench.jfr") != null) {
                    // the bridge's CPU samples over these rounds (run with -Dbench.env=KASH_CDS=off: with the class-data
                    // archive the JVM refuses JFR's commands); bench/profile.py summarises them
                    new ProcessBuilder("jcmd", String.valueOf(bridge.pid()), "JFR.start", "name=sources",
                            "settings=profile").inheritIO().start().waitFor();
                }
                for (int round = 1; round <= rounds; round++) {
                    List<EditGenerator.Edit> some = EditGenerator.edits(700 + round, edits, 3, 0.2, base);
                    base += edits;
                    System.out.printf("%s round %d: %.0f edits/s%n", jms ? "JMS" : "REST", round,
                            jms ? s.jms(some, false) : s.rest(some, false));
                }
                // where the bridge's CPU went, by kind of thread (numbers in thread names folded)
                Map<String, Long> threads1 = threadTicks(bridge.pid());
                Map<String, Long> byKind = new java.util.TreeMap<>();
                threads1.forEach((name, ticks) -> byKind.merge(name.replaceAll("\\d+", "#"),
                        ticks - threads0.getOrDefault(name, 0L), Long::sum));
                long all = byKind.values().stream().mapToLong(Long::longValue).sum();
                System.out.printf("bridge CPU over %d rounds: %.1f s (%.2f s per 1,000 edits)%n", rounds, all / 100.0,
                        all / 100.0 / (rounds * (double) edits) * 1000);
                byKind.entrySet().stream().sorted(Map.Entry.<String, Long> comparingByValue().reversed()).limit(15)
                        .forEach(e -> System.out.printf("  %5.1f %%  %s%n", 100.0 * e.getValue() / all, e.getKey()));
                if (System.getProperty("bench.jfr") != null) {
                    new ProcessBuilder("jcmd", String.valueOf(bridge.pid()), "JFR.dump", "name=sources", "filename="
                            + ROOT.resolve("bridge.jfr").toAbsolutePath()).inheritIO().start().waitFor();
                }
                return;
            }
            for (int round = 1; round <= rounds; round++) {
                // each source after a reset of the simulator, whose count of requests at once then shows that the
                // bridge never had more than KASH_CONCURRENCY calls in flight, whatever its callers or consumers
                Bench.plan(latency);
                double raw = RawLoop.run(Bench.sim("/workers/editOrder.php"),
                        Bench.bodies(EditGenerator.edits(100 + round, edits, 3, 0.2, base)), inFlight);
                add(figures, "most Kash calls at once: raw loop", maxInFlight());
                base += edits;
                Bench.plan(latency);
                long cpu0 = Bench.cpuTicks(bridge.pid());
                double rest = s.rest(EditGenerator.edits(200 + round, edits, 3, 0.2, base), false);
                long cpu1 = Bench.cpuTicks(bridge.pid());
                add(figures, "most Kash calls at once: REST sync", maxInFlight());
                base += edits;
                double[] async = s.restAsync(EditGenerator.edits(300 + round, edits, 3, 0.2, base));
                base += edits;
                Bench.plan(latency);
                long cpu2 = Bench.cpuTicks(bridge.pid());
                double jms = s.jms(EditGenerator.edits(400 + round, edits, 3, 0.2, base), false);
                long cpu3 = Bench.cpuTicks(bridge.pid());
                add(figures, "most Kash calls at once: JMS", maxInFlight());
                base += edits;
                // bridge CPU (ticks of 10 ms) per 1,000 edits, in seconds
                add(figures, "bridge CPU s per 1,000 REST sync edits", (cpu1 - cpu0) / 100.0 / edits * 1000);
                add(figures, "bridge CPU s per 1,000 JMS edits", (cpu3 - cpu2) / 100.0 / edits * 1000);
                double ungrouped = s.jms(perOrder(EditGenerator.edits(500 + round, edits, 3, 0, base), 4), false);
                base += edits;
                double grouped = s.jms(perOrder(EditGenerator.edits(600 + round, edits, 3, 0, base), 4), true);
                base += edits;
                // one call at a time, at the same latency: what a single caller waits beyond Kash
                double[] added = Bench.addedLatency(http, EditGenerator.edits(800 + round, 600, 3, 0.2, base));
                base += 600;
                add(figures, "raw loop (edits/s)", raw);
                add(figures, "REST sync (edits/s)", rest);
                add(figures, "REST sync / raw", rest / raw);
                add(figures, "REST async accepted (edits/s)", async[0]);
                add(figures, "REST async applied (edits/s)", async[1]);
                add(figures, "REST sync added latency p50, one call at a time (ms)", added[0]);
                add(figures, "REST sync added latency p99, one call at a time (ms)", added[1]);
                add(figures, "JMS (edits/s)", jms);
                add(figures, "JMS / raw", jms / raw);
                add(figures, "JMS 4 per order, not grouped (edits/s)", ungrouped);
                add(figures, "JMS 4 per order, grouped by JMSXGroupID (edits/s)", grouped);
                add(figures, "JMS grouped / not grouped", grouped / ungrouped);
                System.out.printf("round %d: raw %.0f, REST %.0f (%.2f), async accepted %.0f applied %.0f, JMS %.0f "
                        + "(%.2f), 4 per order %.0f, grouped %.0f (%.2f)%n", round, raw, rest, rest / raw, async[0],
                        async[1], jms, jms / raw, ungrouped, grouped, grouped / ungrouped);
            }
        } finally {
            Processes.stop(bridge);
            Processes.stop(simulator);
            PostgresForBench.stop();
        }
        boolean postgres = "postgresql".equals(System.getProperty("bench.ledger"));
        StringBuilder out = new StringBuilder("| figure (" + latency + " ms, " + inFlight + " in flight, " + callers
                + " REST callers, " + consumers + " JMS consumers, " + edits + " edits a run, "
                + (postgres ? "PostgreSQL" : "embedded SQLite") + " ledger) | median | rounds |\n"
                + "|---|---|---|\n");
        figures.forEach((name, values) -> {
            // rates and counts, else ratios and CPU seconds
            String format = name.contains("edits/s") || name.startsWith("most") ? "%.0f" : "%.2f";
            out.append("| ").append(name).append(" | ").append(String.format(format, Bench.median(values)))
                    .append(" | ").append(values.stream().map(v -> String.format(format, v))
                            .reduce((a, b) -> a + ", " + b).orElse(""))
                    .append(" |\n");
        });
        Files.createDirectories(ROOT);
        Files.writeString(ROOT.resolve(postgres ? "RESULTS-sources-postgresql.md" : "RESULTS-sources.md"),
                out.toString(), StandardCharsets.UTF_8);
        System.out.println(out);
    }

    /** The most requests the simulator answered at once since its last reset. */
    private static double maxInFlight() throws Exception {
        com.fasterxml.jackson.databind.JsonNode most = Bench.simulatorStats().path("maxInFlight");
        if (!most.isInt()) {
            throw new IllegalStateException("no maxInFlight in the simulator's stats");
        }
        return most.asInt();
    }

    /** CPU ticks (user + system) of each live thread of a process, by "name/tid". */
    static Map<String, Long> threadTicks(long pid) throws java.io.IOException {
        Map<String, Long> ticks = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.put(name + "/" + t.getFileName(), Long.parseLong(f[11]) + Long.parseLong(f[12]));
                } catch (java.io.IOException gone) {
                    // the thread ended meanwhile
                }
            }
        }
        return ticks;
    }

    private static void add(Map<String, List<Double>> figures, String name, double value) {
        figures.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    /** The same edits, {@code n} to an order, back to back (orders renumbered from the first edit's). */
    static List<EditGenerator.Edit> perOrder(List<EditGenerator.Edit> edits, int n) {
        List<EditGenerator.Edit> out = new ArrayList<>(edits.size());
        long first = edits.get(0).orderID();
        for (int i = 0; i < edits.size(); i++) {
            EditGenerator.Edit e = edits.get(i);
            out.add(new EditGenerator.Edit(first + i / n, e.payment(), e.titles(), e.prices()));
        }
        return out;
    }

    /** One bridge's sources, driven from this process. */
    private static final class Sources {
        private final int http;
        private final ActiveMQConnectionFactory cf;
        private final int callers;

        Sources(int http, ActiveMQConnectionFactory cf, int callers) {
            this.http = http;
            this.cf = cf;
            this.callers = callers;
        }

        /** Edits per second through POST /api/order-edits, {@code callers} at once; async: only until accepted. */
        double rest(List<EditGenerator.Edit> edits, boolean async) throws Exception {
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            long start = System.nanoTime();
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (int w = 0; w < callers; w++) {
                    workers.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < edits.size(); i = next.getAndIncrement()) {
                            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http
                                    + "/api/order-edits")).header("X-API-Key", "bench")
                                    .header("Content-Type", "application/json");
                            if (async) {
                                r.header("Prefer", "respond-async");
                            }
                            HttpResponse<String> answer = Processes.HTTP.send(r.POST(HttpRequest.BodyPublishers
                                    .ofString(EditGenerator.json(edits.get(i)))).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (answer.statusCode() != (async ? 202 : 200)) {
                                throw new IllegalStateException("REST answered " + answer.statusCode() + ": "
                                        + answer.body());
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : workers) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            double rate = edits.size() / ((System.nanoTime() - start) / 1e9);
            if (async) {
                drain(edits.size());
            }
            return rate;
        }

        /** Prefer: respond-async: edits accepted per second, and applied per second (until the last outcome). */
        double[] restAsync(List<EditGenerator.Edit> edits) throws Exception {
            long start = System.nanoTime();
            double accepted = rest(edits, true);
            return new double[] {accepted, edits.size() / ((System.nanoTime() - start) / 1e9)};
        }

        /** Edits per second from the ingest queue to the last outcome; grouped: JMSXGroupID = the orderID. */
        double jms(List<EditGenerator.Edit> edits, boolean grouped) {
            try (JMSContext ctx = cf.createContext(JMSContext.SESSION_TRANSACTED)) {
                Queue queue = ctx.createQueue("kash.order-edits");
                JMSProducer producer = ctx.createProducer();
                long start = System.nanoTime();
                for (int i = 0; i < edits.size(); i++) {
                    var m = ctx.createTextMessage(EditGenerator.json(edits.get(i)));
                    if (grouped) {
                        m.setStringProperty("JMSXGroupID", String.valueOf(edits.get(i).orderID()));
                    }
                    producer.send(queue, m);
                    if (i % 100 == 99 || i == edits.size() - 1) {
                        ctx.commit();
                    }
                }
                drain(edits.size());
                return edits.size() / ((System.nanoTime() - start) / 1e9);
            } catch (jakarta.jms.JMSException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Waits for {@code n} outcomes on the results queue (JMS edits, and REST edits queued with respond-async). */
        private void drain(int n) {
            Map<String, Integer> statuses = new HashMap<>();
            try (JMSContext ctx = cf.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                    JMSConsumer outcomes = ctx.createConsumer(ctx.createQueue("kash.order-edits.results"))) {
                for (int i = 0; i < n; i++) {
                    String body = outcomes.receiveBody(String.class, 120_000);
                    if (body == null) {
                        throw new IllegalStateException("only " + i + " of " + n + " outcomes: " + statuses);
                    }
                    String status = body.replaceAll("(?s).*\"status\":\"([A-Z_]+)\".*", "$1");
                    statuses.merge(status, 1, Integer::sum);
                }
            }
            if (statuses.getOrDefault("OK", 0) != n) {
                throw new IllegalStateException("outcomes " + statuses + " of " + n + " edits");
            }
        }
    }
}
