package org.kashbridge.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.kashbridge.support.FreePortResource;
import org.kashbridge.support.TestFiles;

/**
 * The reliability suite: the packaged bridge runs as its own process against the simulator (another
 * process of the same jar), faults are injected in the simulator, processes are killed, and an oracle
 * reconciles every edit: lost (no terminal outcome), duplicates (applied more than once by the
 * simulator), attempts, ambiguous. The table goes to target/reliability.md (copied to docs/).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {

    static final String KEY = "CANARY-FAULT-KEY-91c3e";
    static final Path ROOT = Path.of("target/faults");
    static final ObjectMapper JSON = new ObjectMapper();
    static final int N = 200;
    static Process simulator;
    static int simPort;
    static GreenMail mail;
    static final List<String> TABLE = new ArrayList<>();

    @BeforeAll
    static void startSimulator() throws Exception {
        TestFiles.deleteTree(ROOT);
        mail = new GreenMail(new ServerSetup(FreePortResource.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        simPort = FreePortResource.freePort();
        simulator = Processes.simulator(ROOT, simPort, "fault-shop", KEY);
    }

    @AfterAll
    static void summarise() throws Exception {
        if (simulator != null) {
            Processes.stop(simulator);
        }
        if (mail != null) {
            mail.stop();
        }
        StringBuilder md = new StringBuilder("# Reliability suite\n\nRun on ").append(LocalDate.now())
                .append(" by `./mvnw -B verify` (FaultSuiteIT): the packaged bridge as its own process against the ")
                .append("simulator as another, ").append(N).append(" edits per case unless noted.\n\n")
                .append("| # | fault | edits | lost | dup | attempts per edit (min-max) | ambiguous | check | result |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        TABLE.forEach(r -> md.append(r).append('\n'));
        Files.writeString(Path.of("target/reliability.md"), md.toString(), StandardCharsets.UTF_8);
        System.out.println(md);
    }

    static String sim(String path) {
        return "http://127.0.0.1:" + simPort + path;
    }

    // ---------------------------------------------------------------- the bridge under test

    static final class Bridge {
        final Path dir;
        final int http = FreePortResource.freePort();
        final int broker = FreePortResource.freePort();
        final Map<String, String> env = new HashMap<>();
        Process process;

        Bridge(String name) {
            dir = ROOT.resolve(name);
            env.put("KASH_SIMULATOR", "false");
            env.put("KASH_BASE_URL", "http://127.0.0.1:" + simPort);
            env.put("KASH_SHOP_ID", "fault-shop");
            env.put("KASH_API_KEY", KEY);
            env.put("KASH_DATA_DIR", dir.resolve("data").toString());
            env.put("QUARKUS_HTTP_PORT", String.valueOf(http));
            env.put("KASH_BROKER_PORT", String.valueOf(broker));
            // the broker takes no anonymous client: edits are sent as an ERP would (the client account), the DLQ
            // is read with the bridge's own
            env.put("KASH_BROKER_USER", "fault-bridge");
            env.put("KASH_BROKER_PASSWORD", "fault-bridge-password");
            env.put("KASH_BROKER_CLIENT_PASSWORD", "fault-client-password");
            env.put("KASH_RETRY_MAX_ATTEMPTS", "5");
            env.put("KASH_RETRY_INITIAL_DELAY", "10ms");
            env.put("KASH_RETRY_MAX_DELAY", "200ms");
            env.put("KASH_RETRY_MAX_TOTAL", "2m");
            env.put("KASH_READ_TIMEOUT_MS", "1000");
            env.put("KASH_CONNECT_TIMEOUT_MS", "1000");
            env.put("KASH_INBOX_POLL_MS", "200");
            env.put("KASH_INBOX_STABLE_MS", "500");
            env.put("KASH_INBOX_READ_LOCK_TIMEOUT_MS", "3000");
            env.put("KASH_MAIL_ENABLED", "true");
            env.put("KASH_MAIL_ENDPOINT", "smtp://127.0.0.1:" + mail.getSmtp().getPort());
            env.put("KASH_MAIL_TO", "ops@example.com");
            // the canary: DEBUG everywhere the key could leak, HTTP wire log included
            env.put("QUARKUS_LOG_CATEGORY__ORG_APACHE_HC_CLIENT5_HTTP_WIRE__LEVEL", "DEBUG");
            env.put("QUARKUS_LOG_CATEGORY__ORG_KASHBRIDGE__LEVEL", "DEBUG");
            env.put("QUARKUS_LOG_CATEGORY__ORG_APACHE_CAMEL_COMPONENT__LEVEL", "DEBUG");
        }

        Bridge with(String k, String v) {
            env.put(k, v);
            return this;
        }

        Bridge start() throws Exception {
            process = Processes.start("bridge", dir, env);
            Processes.awaitHttp("http://127.0.0.1:" + http + "/q/health/ready", 200, Duration.ofSeconds(90));
            return this;
        }

        Path inbox() {
            return dir.resolve("data/inbox");
        }

        void drop(String name, String content) throws IOException {
            Files.createDirectories(inbox());
            Path tmp = inbox().resolve(name + ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, inbox().resolve(name));
        }

        void awaitReport(String name, Duration max) {
            await().atMost(max).pollInterval(Duration.ofMillis(250))
                    .until(() -> Files.exists(dir.resolve("data/done/" + name + ".result.csv")));
        }

        /** As an ERP connects: the client account (send to the ingest queue, read the results). */
        ActiveMQConnectionFactory jms() {
            return new ActiveMQConnectionFactory("tcp://127.0.0.1:" + broker, "kash-client", "fault-client-password");
        }

        /** The bridge's own account: every queue, the DLQ included. */
        ActiveMQConnectionFactory jmsAsBridge() {
            return new ActiveMQConnectionFactory("tcp://127.0.0.1:" + broker, "fault-bridge", "fault-bridge-password");
        }

        void send(List<String> bodies) {
            try (ActiveMQConnectionFactory cf = jms(); JMSContext ctx = cf.createContext()) {
                var queue = ctx.createQueue("kash.order-edits");
                for (String b : bodies) {
                    ctx.createProducer().send(queue, b);
                }
            }
        }

        int browse(String queue) throws Exception {
            return bodies(queue).size();
        }

        List<String> bodies(String queue) throws Exception {
            List<String> all = new ArrayList<>();
            try (ActiveMQConnectionFactory cf = jmsAsBridge(); JMSContext ctx = cf.createContext();
                    QueueBrowser browser = ctx.createBrowser(ctx.createQueue(queue))) {
                for (var e = browser.getEnumeration(); e.hasMoreElements();) {
                    Message m = (Message) e.nextElement();
                    all.add(m.getBody(String.class) + " " + m.getStringProperty("KashFailureReason"));
                }
            }
            return all;
        }

        void stop() throws InterruptedException {
            if (process != null && process.isAlive()) {
                Processes.stop(process);
            }
        }

        void kill() throws InterruptedException {
            Processes.kill9(process);
        }

        /** Terminal outcome statuses per orderID, from every record the bridge wrote. */
        Map<Long, Set<String>> outcomes() throws IOException {
            Map<Long, Set<String>> all = new TreeMap<>();
            for (String folder : List.of("archive", "failed")) {
                Path d = dir.resolve("data").resolve(folder);
                if (!Files.isDirectory(d)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(d)) {
                    for (Path f : files.toList()) {
                        // data/archive/<day>.jsonl: a record per line; data/failed/: a file per record
                        List<String> recs = f.toString().endsWith(".jsonl") ? Files.readAllLines(f)
                                : f.toString().endsWith(".json") ? List.of(Files.readString(f)) : List.of();
                        for (String rec : recs) {
                            JsonNode r;
                            try {
                                r = JSON.readTree(rec);
                            } catch (com.fasterxml.jackson.core.JsonProcessingException torn) {
                                continue; // a line torn by a kill -9 (the archive ends it before the next record)
                            }
                            Long id = orderID(r);
                            if (id != null) {
                                all.computeIfAbsent(id, k -> new HashSet<>()).add(r.get("status").asText());
                            }
                        }
                    }
                }
            }
            return all;
        }

        static Long orderID(JsonNode r) {
            for (String path : List.of("/orderID", "/request/orderID", "/input/orderID")) {
                JsonNode n = r.at(path);
                if (!n.isMissingNode() && n.asText().matches("\\d+")) {
                    return Long.parseLong(n.asText());
                }
            }
            return null;
        }
    }

    // ---------------------------------------------------------------- oracle

    record Figures(int edits, int lost, int dup, int minAttempts, int maxAttempts, int ambiguous,
            Map<Long, Set<String>> outcomes, Map<Long, List<Long>> requestTimes) {
    }

    static Figures reconcile(Bridge bridge, List<Long> ids) throws Exception {
        JsonNode stats = JSON.readTree(Processes.get(sim("/simulator/stats")));
        Map<Long, Set<String>> outcomes = bridge.outcomes();
        Map<Long, List<Long>> times = new HashMap<>();
        int lost = 0;
        int dup = 0;
        int ambiguous = 0;
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (long id : ids) {
            Set<String> o = outcomes.getOrDefault(id, Set.of());
            if (o.isEmpty()) {
                lost++;
            }
            if (o.contains("AMBIGUOUS")) {
                ambiguous++;
            }
            if (stats.at("/applied/" + id).asInt(0) > 1) {
                dup++;
            }
            List<Long> t = new ArrayList<>();
            stats.at("/requestTimes/" + id).forEach(x -> t.add(x.asLong()));
            times.put(id, t);
            min = Math.min(min, t.size());
            max = Math.max(max, t.size());
        }
        return new Figures(ids.size(), lost, dup, min, max, ambiguous, outcomes, times);
    }

    static void row(int n, String fault, Figures f, String check, boolean ok) {
        TABLE.add("| " + n + " | " + fault + " | " + f.edits() + " | " + f.lost() + " | " + f.dup() + " | "
                + f.minAttempts() + "-" + f.maxAttempts() + " | " + f.ambiguous() + " | " + check + " | "
                + (ok ? "pass" : "FAIL") + " |");
    }

    static void awaitRequests(int n) {
        await().atMost(Duration.ofMinutes(2)).until(() -> JSON.readTree(Processes.get(sim("/simulator/stats")))
                .get("requests").asInt() >= n);
    }

    static void plan(String json) throws Exception {
        Processes.post(sim("/simulator/reset"), "{}");
        Processes.post(sim("/simulator/faults"), json);
    }

    static List<Long> ids(long base, int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(base + i);
        }
        return ids;
    }

    /** A CSV of one edit per order: payment edits (method 3, 1.00) or quote edits with one free line. */
    static String csv(List<Long> ids, boolean payments) {
        StringBuilder sb = new StringBuilder("orderID,payment,paymentAmount,itemType,title,price\n");
        for (long id : ids) {
            sb.append(id).append(payments ? ",3,1.00,,,\n" : ",-2,,free,Item " + id + ",1.50\n");
        }
        return sb.toString();
    }

    static List<String> jsonEdits(List<Long> ids) {
        return ids.stream().map(id -> "{\"orderID\":" + id + ",\"payment\":3,\"paymentAmount\":1.00}").toList();
    }

    // ---------------------------------------------------------------- cases

    @Test
    @Order(1)
    void case01NoFault() throws Exception {
        plan("{}");
        Bridge b = new Bridge("case01").start();
        List<Long> ids = ids(100_000, N);
        b.drop("c1.csv", csv(ids, true));
        b.awaitReport("c1.csv", Duration.ofMinutes(3));
        Figures f = reconcile(b, ids);
        b.stop();
        boolean ok = f.lost() == 0 && f.dup() == 0 && f.maxAttempts() == 1;
        row(1, "none", f, "1 attempt each", ok);
        assertTrue(ok, f.toString());
    }

    @Test
    @Order(2)
    void case02TwoUnavailableThenOk() throws Exception {
        plan("{\"perOrder\":[\"503\",\"503\",\"ok\"]}");
        Bridge b = new Bridge("case02").start();
        List<Long> ids = ids(200_000, N);
        b.drop("c2.csv", csv(ids, true));
        b.awaitReport("c2.csv", Duration.ofMinutes(3));
        Figures f = reconcile(b, ids);
        b.stop();
        boolean ok = f.lost() == 0 && f.dup() == 0 && f.minAttempts() == 3 && f.maxAttempts() == 3;
        row(2, "503, 503, then 200 per edit", f, "attempts = 3", ok);
        assertTrue(ok, f.toString());
    }

    @Test
    @Order(3)
    void case03TooManyRequestsWithRetryAfter() throws Exception {
        plan("{\"firstRequests\":[\"429:2\"]}");
        Bridge b = new Bridge("case03").start();
        List<Long> ids = ids(300_000, N);
        b.drop("c3.csv", csv(ids, true));
        b.awaitReport("c3.csv", Duration.ofMinutes(3));
        Figures f = reconcile(b, ids);
        b.stop();
        // the order that drew the 429 (lanes run in parallel: not necessarily the file's first)
        long throttled = f.requestTimes().entrySet().stream().filter(e -> e.getValue().size() == 2)
                .map(Map.Entry::getKey).findFirst().orElse(-1L);
        List<Long> first = f.requestTimes().getOrDefault(throttled, List.of());
        long waited = first.size() < 2 ? -1 : first.get(1) - first.get(0);
        boolean ok = f.lost() == 0 && f.dup() == 0 && waited >= 2000 && f.maxAttempts() == 2
                && f.outcomes().get(throttled).contains("OK");
        row(3, "429 with Retry-After: 2 (first request)", f, "waited " + waited + " ms, then applied once", ok);
        assertTrue(ok, f + " waited " + waited);
    }

    @Test
    @Order(4)
    void case04PermanentRefusals() throws Exception {
        Bridge b = new Bridge("case04").start();
        mail.purgeEmailFromAllMailboxes();
        List<Long> bad = ids(400_000, N / 2);
        List<Long> refused = ids(410_000, N / 2);
        plan("{\"perOrder\":[\"400\"]}");
        b.drop("c4a.csv", csv(bad, true));
        b.awaitReport("c4a.csv", Duration.ofMinutes(3));
        Processes.post(sim("/simulator/faults"), "{\"perOrder\":[\"false\"]}");
        b.drop("c4b.csv", csv(refused, true));
        b.awaitReport("c4b.csv", Duration.ofMinutes(3));
        List<Long> all = new ArrayList<>(bad);
        all.addAll(refused);
        await().atMost(Duration.ofSeconds(60)).until(() -> b.browse("kash.order-edits.DLQ") >= N);
        await().atMost(Duration.ofSeconds(60)).until(() -> mail.getReceivedMessages().length >= N);
        Figures f = reconcile(b, all);
        int dlq = b.browse("kash.order-edits.DLQ");
        long failedRecords = f.outcomes().values().stream().filter(s -> s.contains("FAILED") || s.contains("REJECTED"))
                .count();
        int mails = mail.getReceivedMessages().length;
        canaryInMailsAndDeadLetters(b);
        b.stop();
        boolean ok = f.lost() == 0 && f.dup() == 0 && f.maxAttempts() == 1 && dlq == N && failedRecords == N
                && mails >= N;
        row(4, "400 (100 edits) and success:false (100 edits)", f, "1 attempt; " + dlq + " dead letters, "
                + failedRecords + " failed records, " + mails + " mails", ok);
        assertTrue(ok, f + " dlq " + dlq + " mails " + mails);
    }

    @Test
    @Order(5)
    void case05AlwaysFailing() throws Exception {
        plan("{\"perOrder\":[\"500\",\"500\",\"500\",\"500\",\"500\",\"500\",\"500\"]}");
        Bridge b = new Bridge("case05").start();
        List<Long> ids = ids(500_000, N);
        b.drop("c5.csv", csv(ids, true));
        b.awaitReport("c5.csv", Duration.ofMinutes(4));
        await().atMost(Duration.ofSeconds(60)).until(() -> b.browse("kash.order-edits.DLQ") >= N);
        Figures f = reconcile(b, ids);
        int dlq = b.browse("kash.order-edits.DLQ");
        b.stop();
        boolean ok = f.lost() == 0 && f.dup() == 0 && f.minAttempts() == 5 && f.maxAttempts() == 5 && dlq == N;
        row(5, "500 always", f, "attempts = 5 (configured maximum); " + dlq + " dead letters", ok);
        assertTrue(ok, f + " dlq " + dlq);
    }

    @Test
    @Order(6)
    void case06DownThirtySeconds() throws Exception {
        Bridge b = new Bridge("case06").with("KASH_RETRY_MAX_ATTEMPTS", "100").with("KASH_RETRY_MAX_DELAY", "2s")
                .start();
        plan("{\"downForMs\":30000}");
        List<Long> ids = ids(600_000, N);
        b.drop("c6.csv", csv(ids, true));
        b.awaitReport("c6.csv", Duration.ofMinutes(4));
        Figures f = reconcile(b, ids);
        b.stop();
        boolean allOk = f.outcomes().entrySet().stream().filter(e -> ids.contains(e.getKey()))
                .allMatch(e -> e.getValue().contains("OK"));
        boolean ok = f.lost() == 0 && f.dup() == 0 && allOk;
        row(6, "Kash down 30 s (503), then up", f, "all applied once after recovery", ok);
        assertTrue(ok, f.toString());
    }

    @Test
    @Order(7)
    void case07AppliedThenStalled() throws Exception {
        plan("{\"perOrder\":[\"apply-stall\"],\"stallMs\":2000}");
        Bridge b = new Bridge("case07").with("KASH_READ_TIMEOUT_MS", "300").start();
        List<Long> ids = ids(700_000, N);
        b.drop("c7.csv", csv(ids, true));
        b.awaitReport("c7.csv", Duration.ofMinutes(4));
        Figures f = reconcile(b, ids);
        long reviews;
        try (Stream<Path> files = Files.list(b.dir.resolve("data/review"))) {
            reviews = files.count();
        }
        b.stop();
        boolean ok = f.lost() == 0 && f.dup() == 0 && f.ambiguous() == N && f.maxAttempts() == 1 && reviews == N;
        row(7, "applied, then stalled past the read timeout (payment edits)", f, reviews + " review records", ok);
        assertTrue(ok, f + " reviews " + reviews);
    }

    @Test
    @Order(8)
    void case08KillMidFile() throws Exception {
        plan("{\"delayMs\":15}");
        Bridge b = new Bridge("case08").start();
        List<Long> ids = ids(800_000, 400);
        b.drop("c8.csv", csv(ids, true));
        awaitRequests(150);
        b.kill();
        b.start();
        b.awaitReport("c8.csv", Duration.ofMinutes(3));
        Figures f = reconcile(b, ids);
        b.stop();
        boolean ok = f.lost() == 0 && f.dup() == 0;
        row(8, "kill -9 mid-file, restart", f, "resumed the file; " + f.ambiguous()
                + " in flight at the kill sent to review", ok);
        assertTrue(ok, f.toString());
    }

    @Test
    @Order(9)
    void case09KillDuringJms() throws Exception {
        plan("{\"delayMs\":15}");
        Bridge b = new Bridge("case09").start();
        List<Long> ids = ids(900_000, N);
        b.send(jsonEdits(ids));
        awaitRequests(60);
        b.kill();
        b.start();
        await().atMost(Duration.ofMinutes(3)).until(() -> reconcile(b, ids).lost() == 0);
        Figures f = reconcile(b, ids);
        b.stop();
        boolean ok = f.lost() == 0 && f.dup() == 0;
        row(9, "kill -9 while JMS edits are in flight (replied, not yet committed), restart", f,
                "redelivered; ledger answers DUPLICATE", ok);
        assertTrue(ok, f.toString());
    }

    @Test
    @Order(10)
    void case10BrokerRestartWithQueuedMessages() throws Exception {
        plan("{\"delayMs\":20}");
        Bridge b = new Bridge("case10").start();
        List<Long> ids = ids(1_000_000, N);
        b.send(jsonEdits(ids));
        awaitRequests(40);
        b.stop(); // the embedded broker stops with the rest of the queue in its journal
        b.start();
        await().atMost(Duration.ofMinutes(3)).until(() -> reconcile(b, ids).lost() == 0);
        Figures f = reconcile(b, ids);
        b.stop();
        boolean ok = f.lost() == 0 && f.dup() == 0;
        row(10, "embedded broker stopped and restarted with messages queued", f, "all processed after restart", ok);
        assertTrue(ok, f.toString());
    }

    @Test
    @Order(11)
    void case11SmtpDown() throws Exception {
        plan("{\"perOrder\":[\"false\"]}");
        Bridge b = new Bridge("case11").with("KASH_MAIL_ENDPOINT", "smtp://127.0.0.1:" + FreePortResource.freePort())
                .start();
        List<Long> ids = ids(1_100_000, N);
        b.drop("c11.csv", csv(ids, true));
        b.awaitReport("c11.csv", Duration.ofMinutes(3));
        Path unsent = b.dir.resolve("data/alerts-unsent");
        await().atMost(Duration.ofSeconds(60)).until(() -> count(unsent) >= N);
        Figures f = reconcile(b, ids);
        long recorded = count(unsent);
        b.stop();
        boolean ok = f.lost() == 0 && f.dup() == 0 && recorded >= N;
        row(11, "SMTP down during failures", f, recorded + " alerts recorded in alerts-unsent", ok);
        assertTrue(ok, f + " recorded " + recorded);
    }

    @Test
    @Order(12)
    void case12SlowlyWrittenFile() throws Exception {
        plan("{}");
        Bridge b = new Bridge("case12").start();
        List<Long> ids = ids(1_200_000, N);
        byte[] content = csv(ids, true).getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(b.inbox());
        Path file = b.inbox().resolve("c12.csv");
        try (var out = Files.newOutputStream(file)) {
            for (int i = 0; i < content.length; i += 1024) {
                out.write(content, i, Math.min(1024, content.length - i));
                out.flush();
                Thread.sleep(100); // the writer under test, not a wait: 1 KB every 100 ms
            }
        }
        b.awaitReport("c12.csv", Duration.ofMinutes(3));
        Figures f = reconcile(b, ids);
        long rows = Files.readAllLines(b.dir.resolve("data/done/c12.csv.result.csv")).size() - 1;
        b.stop();
        boolean ok = f.lost() == 0 && f.dup() == 0 && rows == N && f.maxAttempts() == 1;
        row(12, "file written slowly (1 KB every 100 ms)", f, "read once, complete (" + rows + " report rows)", ok);
        assertTrue(ok, f + " rows " + rows);
    }

    @Test
    @Order(13)
    void case13SameFileTwice() throws Exception {
        plan("{}");
        Bridge b = new Bridge("case13").start();
        List<Long> ids = ids(1_300_000, N);
        b.drop("c13.csv", csv(ids, true));
        b.awaitReport("c13.csv", Duration.ofMinutes(3));
        b.drop("c13.csv", csv(ids, true));
        b.awaitReport("c13-1.csv", Duration.ofMinutes(3));
        b.drop("c13-renamed.csv", csv(ids, true));
        b.awaitReport("c13-renamed.csv", Duration.ofMinutes(3));
        Figures f = reconcile(b, ids);
        long duplicates = Files.readAllLines(b.dir.resolve("data/done/c13-renamed.csv.result.csv")).stream()
                .filter(l -> l.contains(",DUPLICATE,")).count();
        b.stop();
        boolean ok = f.lost() == 0 && f.dup() == 0 && f.maxAttempts() == 1 && duplicates == N;
        row(13, "same file dropped again, and same content under a new name", f, duplicates
                + " answered DUPLICATE", ok);
        assertTrue(ok, f + " duplicates " + duplicates);
    }

    @Test
    @Order(14)
    void case14PoisonAmongGood() throws Exception {
        plan("{}");
        Bridge b = new Bridge("case14").start();
        List<Long> ids = ids(1_400_000, N);
        List<String> messages = new ArrayList<>(jsonEdits(ids));
        for (int i = 0; i < 5; i++) {
            messages.add(i * 40, "not json at all " + i);
        }
        b.send(messages);
        await().atMost(Duration.ofMinutes(3)).until(() -> reconcile(b, ids).lost() == 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> b.browse("kash.order-edits.DLQ") >= 5);
        Figures f = reconcile(b, ids);
        int dlq = b.browse("kash.order-edits.DLQ");
        b.stop();
        boolean allOk = ids.stream().allMatch(id -> f.outcomes().get(id).contains("OK"));
        boolean ok = f.lost() == 0 && f.dup() == 0 && allOk && dlq == 5;
        row(14, "5 poison JMS messages among " + N + " good ones", f, "good all applied; " + dlq + " in the DLQ", ok);
        assertTrue(ok, f + " dlq " + dlq);
    }

    @Test
    @Order(15)
    void case15DeadLetterDestinationUnavailable() throws Exception {
        // refused on every pass: the re-read after the outage sends them again (not applied, so allowed)
        plan("{\"perOrder\":[\"false\",\"false\",\"false\",\"false\"]}");
        Path blocked = ROOT.resolve("case15/share");
        Files.createDirectories(blocked);
        // the share is there at start (a destination that cannot be written is refused at start-up)...
        Bridge b = new Bridge("case15").with("KASH_FAILURE_ENDPOINTS", "file:" + ROOT.resolve("case15/data/failed")
                + ",file:" + blocked.resolve("dead-letters") + ",direct:alert-mail").start();
        // ...and goes away while the bridge runs: a file where the folder was, so writes under it fail
        TestFiles.deleteTree(blocked);
        Files.writeString(blocked, "a file where the failure folder should be: writes under it fail");
        List<Long> ids = ids(1_500_000, N);
        b.drop("c15.csv", csv(ids, true));
        awaitRequests(N);
        boolean heldBack = Files.exists(b.inbox().resolve("c15.csv"));
        Files.delete(blocked); // the destination comes back
        b.awaitReport("c15.csv", Duration.ofMinutes(3));
        Figures f = reconcile(b, ids);
        long delivered = count(blocked.resolve("dead-letters"));
        b.stop();
        boolean ok = f.lost() == 0 && f.dup() == 0 && heldBack && delivered >= N;
        row(15, "dead-letter destination unavailable while failures happen", f, "file held back: " + heldBack
                + "; " + delivered + " dead letters delivered later", ok);
        assertTrue(ok, f + " heldBack " + heldBack + " delivered " + delivered);
    }

    // ---------------------------------------------------------------- delivery core (claims, identity, ledger)

    /** A REST edit per order, each POSTed {@code times} at the same instant with the same Idempotency-Key. */
    static Map<String, Integer> doubleSubmit(Bridge b, List<Long> ids, int times) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(32);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<String>> answers = new ArrayList<>();
        for (long id : ids) {
            for (int t = 0; t < times; t++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    var r = Processes.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                            "http://127.0.0.1:" + b.http + "/api/order-edits")).header("X-API-Key", "fault-api")
                            .header("Idempotency-Key", "pay-" + id).header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"orderID\":" + id
                                    + ",\"payment\":3,\"paymentAmount\":1.00}"))
                            .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
                    return r.statusCode() + " " + JSON.readTree(r.body()).path("status").asText();
                }));
            }
        }
        go.countDown();
        Map<String, Integer> statuses = new TreeMap<>();
        for (var f : answers) {
            statuses.merge(f.get(), 1, Integer::sum);
        }
        pool.shutdown();
        return statuses;
    }

    /** Orders applied more than once, straight from the simulator. */
    static int appliedTwice(List<Long> ids) throws Exception {
        JsonNode stats = JSON.readTree(Processes.get(sim("/simulator/stats")));
        return (int) ids.stream().filter(id -> stats.at("/applied/" + id).asInt(0) > 1).count();
    }

    static io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres;
    static Path postgresData;
    static int postgresPort;

    static Bridge onPostgres(Bridge b) throws IOException {
        if (postgres == null) {
            postgresData = Files.createTempDirectory("faults-pg");
            postgres = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setDataDirectory(postgresData)
                    .setCleanDataDirectory(false).start();
            postgresPort = postgres.getPort();
        }
        String db = "faults_" + b.dir.getFileName().toString().replace('-', '_');
        try (var c = postgres.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("CREATE DATABASE " + db);
        } catch (java.sql.SQLException e) {
            throw new IOException(e);
        }
        return b.with("KASH_LEDGER_TYPE", "postgresql")
                .with("KASH_LEDGER_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + db)
                .with("KASH_LEDGER_JDBC_USER", "postgres").with("KASH_LEDGER_JDBC_PASSWORD", "");
    }

    static void postgresDown() throws IOException {
        postgres.close();
    }

    static void postgresUp() throws IOException {
        postgres = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setPort(postgresPort)
                .setDataDirectory(postgresData).setCleanDataDirectory(false).start();
    }

    static boolean ready(Bridge b) {
        try {
            return Processes.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                    + b.http + "/q/health/ready")).build(), java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    @Order(16)
    void case16SameNameEveryDay() throws Exception {
        plan("{}");
        Bridge b = new Bridge("case16").start();
        List<Long> ids = ids(1_600_000, N);
        b.drop("daily.csv", daily(ids, "Tea"));
        b.awaitReport("daily.csv", Duration.ofMinutes(3));
        b.drop("daily.csv", daily(ids, "Coffee")); // the next day: same name, new content
        b.awaitReport("daily-1.csv", Duration.ofMinutes(3));
        b.drop("daily.csv", daily(ids, "Coffee")); // the same file again
        b.awaitReport("daily-2.csv", Duration.ofMinutes(3));
        Figures f = reconcile(b, ids);
        JsonNode stats = JSON.readTree(Processes.get(sim("/simulator/stats")));
        long twice = ids.stream().filter(id -> stats.at("/applied/" + id).asInt(0) == 2).count();
        long sentOnTuesday = Files.readAllLines(b.dir.resolve("data/done/daily-1.csv.result.csv")).stream()
                .filter(l -> l.contains(",OK,")).count();
        long duplicates = Files.readAllLines(b.dir.resolve("data/done/daily-2.csv.result.csv")).stream()
                .filter(l -> l.contains(",DUPLICATE,")).count();
        b.stop();
        // two different edits per order (Monday's and Tuesday's), each applied once
        boolean ok = f.lost() == 0 && twice == N && sentOnTuesday == N && duplicates == N && f.ambiguous() == 0;
        row(16, "same file name every day (new content, then the same content again)", new Figures(f.edits(), f.lost(),
                (int) (N - twice), f.minAttempts(), f.maxAttempts(), f.ambiguous(), f.outcomes(), f.requestTimes()),
                sentOnTuesday + " new edits sent under the old name; " + duplicates + " DUPLICATE for the same content",
                ok);
        assertTrue(ok, f + " twice " + twice + " tuesday " + sentOnTuesday + " duplicates " + duplicates);
    }

    static String daily(List<Long> ids, String title) {
        StringBuilder sb = new StringBuilder("orderID,payment,itemType,title,price\n");
        for (long id : ids) {
            sb.append(id).append(",-2,free,").append(title).append(",1.50\n");
        }
        return sb.toString();
    }

    void doubleSubmitCase(int n, String name, boolean postgresql) throws Exception {
        plan("{\"delayMs\":20}");
        Bridge b = new Bridge(name).with("KASH_BRIDGE_API_KEY", "fault-api").with("KASH_CONCURRENCY", "16");
        if (postgresql) {
            onPostgres(b);
        }
        b.start();
        List<Long> ids = ids(n == 17 ? 1_700_000 : 1_800_000, N);
        Map<String, Integer> statuses = doubleSubmit(b, ids, 2);
        Figures f = reconcile(b, ids);
        int twice = appliedTwice(ids);
        b.stop();
        boolean ok = f.lost() == 0 && twice == 0 && f.maxAttempts() == 1 && f.ambiguous() == 0
                && statuses.equals(Map.of("200 OK", N, "200 DUPLICATE", N));
        row(n, "double submit: " + N + " keys x 2 at once (REST, " + (postgresql ? "PostgreSQL" : "embedded")
                + " ledger)", f, "answers " + statuses, ok);
        assertTrue(ok, f + " " + statuses);
    }

    @Test
    @Order(17)
    void case17DoubleSubmitEmbedded() throws Exception {
        doubleSubmitCase(17, "case17", false);
    }

    @Test
    @Order(18)
    void case18DoubleSubmitPostgresql() throws Exception {
        doubleSubmitCase(18, "case18", true);
    }

    @Test
    @Order(19)
    void case19LedgerOutageDuringJms() throws Exception {
        plan("{\"delayMs\":10}");
        Bridge b = onPostgres(new Bridge("case19").with("KASH_JMS_CONSUMERS", "8").with("KASH_CONCURRENCY", "8"))
                .start();
        List<Long> ids = ids(1_900_000, 1000);
        b.send(jsonEdits(ids));
        awaitRequests(150);
        postgresDown();
        long downAt = System.currentTimeMillis();
        await().atMost(Duration.ofSeconds(30)).until(() -> !ready(b));
        int during = JSON.readTree(Processes.get(sim("/simulator/stats"))).get("requests").asInt();
        await().pollDelay(Duration.ofSeconds(11)).atMost(Duration.ofSeconds(12)).until(() -> true); // the outage
        int after = JSON.readTree(Processes.get(sim("/simulator/stats"))).get("requests").asInt();
        postgresUp();
        long outage = System.currentTimeMillis() - downAt;
        await().atMost(Duration.ofSeconds(60)).until(() -> ready(b));
        await().atMost(Duration.ofMinutes(3)).until(() -> reconcile(b, ids).lost() == 0);
        Figures f = reconcile(b, ids);
        int dlq = b.browse("kash.order-edits.DLQ") + b.browse("DLQ");
        b.stop();
        // requests during the outage: at most the edits claimed before it (one per call slot)
        boolean ok = f.lost() == 0 && f.dup() == 0 && f.ambiguous() == 0 && dlq == 0 && after - during <= 8;
        row(19, "ledger (PostgreSQL) down " + outage / 1000 + " s during 1000 JMS edits, 8 consumers", f,
                "readiness DOWN; " + (after - during) + " calls while down; " + dlq + " dead letters", ok);
        assertTrue(ok, f + " dlq " + dlq + " calls while down " + (after - during));
    }

    @Test
    @Order(20)
    void case20LedgerOutageDuringAFile() throws Exception {
        plan("{\"delayMs\":10}");
        Bridge b = onPostgres(new Bridge("case20")).start();
        List<Long> ids = ids(2_000_000, 1000);
        b.drop("c20.csv", csv(ids, true));
        awaitRequests(150);
        postgresDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> !ready(b));
        int during = JSON.readTree(Processes.get(sim("/simulator/stats"))).get("requests").asInt();
        await().pollDelay(Duration.ofSeconds(11)).atMost(Duration.ofSeconds(12)).until(() -> true); // the outage
        int after = JSON.readTree(Processes.get(sim("/simulator/stats"))).get("requests").asInt();
        boolean heldBack = Files.exists(b.inbox().resolve("c20.csv"));
        postgresUp();
        b.awaitReport("c20.csv", Duration.ofMinutes(3));
        Figures f = reconcile(b, ids);
        long okRows = Files.readAllLines(b.dir.resolve("data/done/c20.csv.result.csv")).stream()
                .filter(l -> l.contains(",OK,")).count();
        b.stop();
        boolean ok = f.lost() == 0 && f.dup() == 0 && f.ambiguous() == 0 && heldBack && okRows == ids.size()
                && after - during <= 8;
        row(20, "ledger (PostgreSQL) down 11 s during a 1000-edit file", f, "file held: " + heldBack + "; "
                + (after - during) + " calls while down; " + okRows + " OK in the report", ok);
        assertTrue(ok, f + " okRows " + okRows + " calls while down " + (after - during));
    }

    @Test
    @Order(21)
    void case21KillDuringARetryWait() throws Exception {
        // every order's first attempt gets 503; the retry waits 3 s: the bridge is killed in that wait
        plan("{\"perOrder\":[\"503\"]}");
        // 4 call slots, 12 lanes: the first 12 edits are refused and wait together, the rest queue behind them
        Bridge b = new Bridge("case21").with("KASH_RETRY_INITIAL_DELAY", "4s").with("KASH_RETRY_MAX_DELAY", "4s")
                .with("KASH_CONCURRENCY", "4").start();
        List<Long> ids = ids(2_100_000, N);
        b.drop("c21.csv", csv(ids, true));
        awaitRequests(12);
        // no request for 700 ms: every first attempt has had its 503, the edits are in their retry wait
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3)).until(() -> JSON.readTree(
                Processes.get(sim("/simulator/stats"))).get("requests").asInt() == 12);
        b.kill();
        b.start();
        b.awaitReport("c21.csv", Duration.ofMinutes(3));
        Figures f = reconcile(b, ids);
        boolean allOk = ids.stream().allMatch(id -> f.outcomes().getOrDefault(id, Set.of()).contains("OK"));
        b.stop();
        boolean ok = f.lost() == 0 && f.dup() == 0 && f.ambiguous() == 0 && allOk;
        row(21, "kill -9 while edits wait for a retry (503 first), restart", f, "all applied once, none to review", ok);
        assertTrue(ok, f.toString());
    }

    @Test
    @Order(22)
    void case22OrderingAfterAPermanentFailure() throws Exception {
        plan("{\"perOrder\":[\"400\"]}");
        Bridge b = new Bridge("case22").with("KASH_BRIDGE_API_KEY", "fault-api").start();
        List<Long> ids = ids(2_200_000, N / 2);
        StringBuilder csv = new StringBuilder("editId,orderID,payment,itemType,title,price\n");
        for (long id : ids) {
            csv.append("first-").append(id).append(',').append(id).append(",-2,free,First,1.00\n");
            csv.append("second-").append(id).append(',').append(id).append(",-2,free,Second,2.00\n");
        }
        b.drop("c22.csv", csv.toString());
        b.awaitReport("c22.csv", Duration.ofMinutes(3));
        JsonNode before = JSON.readTree(Processes.get(sim("/simulator/stats")));
        long secondsSent = ids.stream().filter(id -> before.at("/requestTimes/" + id).size() > 1).count();
        // Kash is fixed; the operator replays the dead letters
        Processes.post(sim("/simulator/faults"), "{}");
        var replay = Processes.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                + b.http + "/api/operator/dead-letters/replay?max=1000")).header("X-API-Key", "fault-api")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        long inOrder = ids.stream().filter(id -> {
            try {
                JsonNode order = JSON.readTree(Processes.get(sim("/simulator/orders/" + id)));
                return order.path("lines").toString().equals("[\"Free_1.00_First\",\"Free_2.00_Second\"]");
            } catch (Exception e) {
                return false;
            }
        }).count();
        Figures all = reconcile(b, ids);
        JsonNode stats = JSON.readTree(Processes.get(sim("/simulator/stats")));
        // two edits per order: a duplicate is a third application
        int dup = (int) ids.stream().filter(id -> stats.at("/applied/" + id).asInt(0) > 2).count();
        Figures f = new Figures(all.edits(), all.lost(), dup, all.minAttempts(), all.maxAttempts(), all.ambiguous(),
                all.outcomes(), all.requestTimes());
        b.stop();
        boolean ok = replay.statusCode() == 200 && secondsSent == 0 && inOrder == ids.size() && f.lost() == 0
                && f.ambiguous() == 0 && f.dup() == 0;
        row(22, "first edit of each order refused (HTTP 400), second held back; dead letters replayed", f, secondsSent
                + " second edits sent before their first; " + inOrder + " of " + ids.size()
                + " orders applied in order "
                + "after the replay", ok);
        assertTrue(ok, f + " secondsSent " + secondsSent + " inOrder " + inOrder + " replay " + replay.body());
    }

    @Test
    @Order(23)
    void case23MissingKeyRefusesToStart() throws Exception {
        Bridge b = new Bridge("case23");
        b.env.remove("KASH_API_KEY"); // a secret that failed to mount
        b.env.remove("KASH_SIMULATOR");
        b.process = Processes.start("bridge", b.dir, b.env);
        boolean exited = b.process.waitFor(90, java.util.concurrent.TimeUnit.SECONDS);
        String log = Files.readString(b.dir.resolve("bridge.log"));
        boolean named = log
                .contains("KASH_API_KEY is not set, but KASH_SHOP_ID, KASH_BASE_URL point(s) the bridge at a "
                        + "real Kash");
        boolean nothingListens = !ready(b);
        boolean ok = exited && b.process.exitValue() != 0 && named && nothingListens;
        TABLE.add("| 23 | KASH_SHOP_ID and KASH_BASE_URL set, KASH_API_KEY missing | - | - | - | - | - | exit code "
                + (exited ? b.process.exitValue() : "none") + ", message names KASH_API_KEY: " + named
                + ", no simulator: " + nothingListens + " | " + (ok ? "pass" : "FAIL") + " |");
        assertTrue(ok, "exited " + exited + " named " + named);
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(99)
    void canaryKeyAppearsNowhere() throws Exception {
        List<String> hits = new ArrayList<>();
        // the scan proves something only where the key would have been: requests in a wire log (masked there)
        int wireLogged = 0;
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path p : files.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/broker/")).toList()) {
                if (p.getFileName().toString().equals("simulator.log")) {
                    continue; // the simulator is Kash's side: it is given the key
                }
                String text = Files.readString(p, StandardCharsets.ISO_8859_1);
                if (text.contains(KEY)) {
                    hits.add(p.toString());
                }
                if (text.contains("key=****")) {
                    wireLogged++;
                }
            }
        }
        assertTrue(wireLogged > 0 && mail.getReceivedMessages().length > 0, "nothing to scan: the canary runs "
                + "last and checks what the suite's bridges wrote (no wire log with a request, or no mail, was found)");
        for (var m : mail.getReceivedMessages()) {
            if (GreenMailUtil.getWholeMessage(m).contains(KEY)) {
                hits.add("mail " + m.getSubject());
            }
        }
        TABLE.add("| canary | API key with DEBUG and wire logging | - | - | - | - | - | key found " + hits.size()
                + " times in logs, archives, failed records, review records, reports, alerts and mails | "
                + (hits.isEmpty() ? "pass" : "FAIL") + " |");
        assertEquals(List.of(), hits);
    }

    static void canaryInMailsAndDeadLetters(Bridge b) throws Exception {
        for (String body : b.bodies("kash.order-edits.DLQ")) {
            assertTrue(!body.contains(KEY), "key in a dead letter");
        }
    }

    static long count(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

}
