package org.kashbridge.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Outcome routing that cannot work is refused before anything is read or sent, and {@code bin/kash-bridge check}
 * says so without starting anything (the packaged jar, as operators run it; exit code and printed report).
 */
class StartupCheckIT {

    private static final Path ROOT = Path.of("target/startup-check");
    private static HttpServer kash;
    private static final AtomicInteger KASH_CALLS = new AtomicInteger();

    @BeforeAll
    static void fakeKash() throws IOException {
        // a real Kash target on loopback that counts what reaches it
        kash = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        kash.createContext("/", exchange -> {
            KASH_CALLS.incrementAndGet();
            byte[] body = "{\"result\":\"OK\",\"order\":{\"id\":1}}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        kash.start();
    }

    @AfterAll
    static void stopKash() {
        kash.stop(0);
    }

    @Test
    void theShippedConfigurationPasses() throws Exception {
        // a placeholder in an endpoint list is resolved as the route resolves it
        Run run = run("ok", Map.of("KASH_SUCCESS_ENDPOINTS", "{{env:ARCHIVE_URI}}", "ARCHIVE_URI", "direct:archive"),
                List.of("check"));
        assertEquals(0, run.exit, run.output);
        assertTrue(run.output.contains("kash-bridge check: OK"), run.output);
        // nothing started: no ledger opened, no broker journal, no inbox created by a consumer
        assertFalse(Files.exists(run.data.resolve("ledger")), run.output);
        assertFalse(Files.exists(run.data.resolve("broker")), run.output);
    }

    @Test
    void withoutKashSettingsTheBridgeRefusesToStartAndNeverServesItsSimulator() throws Exception {
        Map<String, String> none = Map.of("KASH_BASE_URL", "", "KASH_SHOP_ID", "", "KASH_API_KEY", "");
        Run start = run("no-kash", none, List.of());
        assertEquals(1, start.exit, start.output);
        assertTrue(start.output.contains("KASH_SHOP_ID and KASH_API_KEY are not set"), start.output);
        assertTrue(start.output.contains("bin/kash-bridge demo"), "says how to ask for the simulator: " + start.output);
        assertFalse(start.output.contains("Kash simulator enabled"), start.output);
        // the check reports it as a problem among the others, with the same words
        Run check = run("no-kash-check", none, List.of("check"));
        assertEquals(1, check.exit, check.output);
        assertTrue(check.output.contains("kash-bridge check: 1 problem"), check.output);
        assertTrue(check.output.contains("KASH_SHOP_ID and KASH_API_KEY are not set"), check.output);
        // a secret that failed to mount: the same refusal, naming only the missing one
        Run noKey = run("no-key", Map.of("KASH_API_KEY", ""), List.of());
        assertEquals(1, noKey.exit, noKey.output);
        assertTrue(noKey.output.contains("KASH_API_KEY is not set, but KASH_SHOP_ID, KASH_BASE_URL point(s) the "
                + "bridge at a real Kash"), noKey.output);
    }

    @Test
    void theDemoServesTheSimulatorAndSendsADroppedFileToIt() throws Exception {
        Path dir = ROOT.resolve("demo");
        // a fresh demo: the ledger and the reports of an earlier run would answer for this one
        org.kashbridge.support.TestFiles.deleteTree(dir);
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("inbox"));
        int http = freePort();
        Map<String, String> env = new HashMap<>();
        env.put("KASH_DATA_DIR", data.toAbsolutePath().toString());
        env.put("QUARKUS_HTTP_PORT", String.valueOf(http));
        env.put("KASH_BROKER_PORT", String.valueOf(freePort()));
        env.put("KASH_INBOX_STABLE_MS", "0");
        Process p = Processes.start("demo", dir, env, "256m", List.of("demo"));
        try {
            Processes.awaitHttp("http://127.0.0.1:" + http + "/q/health/ready", 200, java.time.Duration.ofSeconds(90));
            Files.writeString(data.resolve("inbox/tea.csv"), "orderID,payment,itemType,title,price\n"
                    + "7001,-2,free,Tea,2.50\n");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                    .until(() -> Files.exists(data.resolve("done/tea.csv.result.csv")));
            assertTrue(Files.readString(data.resolve("done/tea.csv.result.csv")).contains("OK"),
                    Files.readString(data.resolve("done/tea.csv.result.csv")));
            com.fasterxml.jackson.databind.JsonNode order = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    Processes.get("http://127.0.0.1:" + http + "/simulator/orders/7001"));
            assertEquals("[\"Free_2.50_Tea\"]", order.path("lines").toString(), order.toString());
            assertEquals("QUOTE", order.path("state").asText(), order.toString());
        } finally {
            Processes.stop(p);
        }
    }

    @Test
    void twoTyposInTheOutcomeEndpointsAreNamedWithTheirVariables() throws Exception {
        Run run = run("typos", Map.of("KASH_FAILURE_ENDPOINTS", "fle:data/failed,direct:dead-letter",
                "KASH_SUCCESS_ENDPOINTS", "direct:archiv"), List.of("check"));
        assertEquals(1, run.exit, run.output);
        assertTrue(run.output.contains("kash.success-endpoints (KASH_SUCCESS_ENDPOINTS): 'direct:archiv' is "
                + "consumed by no route"), run.output);
        assertTrue(run.output.contains("direct:archive"), "names the endpoints that exist: " + run.output);
        assertTrue(run.output.contains("kash.failure-endpoints (KASH_FAILURE_ENDPOINTS): 'fle:data/failed' "
                + "names no component"), run.output);
        assertTrue(run.output.contains("2 problems"), run.output);
    }

    @Test
    void aValueOfTheWrongTypeAKeyThatIsNoSettingAndARenamedOneStopTheStartNamingKeyAndVariable() throws Exception {
        Run badValue = run("bad-value", Map.of("KASH_CONCURRENCY", "eight", "KASH_MAIL_ENABLED", "ture"), List.of());
        assertEquals(1, badValue.exit, badValue.output);
        assertTrue(badValue.output.contains("kash.concurrency (KASH_CONCURRENCY): expected an integer, got 'eight', "
                + "from the environment"), badValue.output);
        assertTrue(badValue.output.contains("kash.mail.enabled (KASH_MAIL_ENABLED): expected true or false, got "
                + "'ture', from the environment"), badValue.output);
        assertFalse(Files.exists(badValue.data.resolve("ledger")), "nothing opened: " + badValue.output);
        // a typo in a setting's name (here a system property, as config/application.properties would give it)
        Run typo = run("typo", Map.of("JAVA_OPTS", "-Xmx256m -Dkash.inbox.stabel-ms=5000"), List.of("check"));
        assertEquals(1, typo.exit, typo.output);
        assertTrue(typo.output.contains("kash.inbox.stabel-ms"), typo.output);
        // a setting under its former name, and a variable named after it
        Run renamed = run("renamed", Map.of("JAVA_OPTS", "-Xmx256m -Dkash.inbox.stable-for=5000",
                "KASH_HTTP_READ_TIMEOUT", "100"), List.of("check"));
        assertEquals(1, renamed.exit, renamed.output);
        assertTrue(renamed.output.contains("kash.inbox.stable-for is now kash.inbox.stable-ms (KASH_INBOX_STABLE_MS): "
                + "rename it in a -D system property"), renamed.output);
        assertTrue(renamed.output.contains("kash.http.read-timeout is now kash.read-timeout-ms (KASH_READ_TIMEOUT_MS)"
                + ": rename the variable KASH_HTTP_READ_TIMEOUT to KASH_READ_TIMEOUT_MS"), renamed.output);
    }

    @Test
    void aFolderThatCannotBeWrittenAMailWithoutHostAndABrokenLayoutAreEachNamed() throws Exception {
        Path blocker = ROOT.resolve("a-file");
        Files.createDirectories(ROOT);
        Files.writeString(blocker, "not a folder");
        Path layouts = ROOT.resolve("layouts-broken");
        Files.createDirectories(layouts);
        Files.writeString(layouts.resolve("broken.yaml"), "type: delimited\nskiplines: 2\nfields:\n  orderID:\n"
                + "    column: A\n");
        Map<String, String> env = new HashMap<>();
        env.put("KASH_FAILURE_ENDPOINTS",
                "file:" + blocker.toAbsolutePath() + "/failed,file:ok?pasword=hunter2-secret");
        env.put("KASH_REVIEW_DIR", blocker.toAbsolutePath() + "/review");
        env.put("KASH_MAIL_ENABLED", "true");
        env.put("KASH_MAIL_ENDPOINT", "smtp:?password=hunter2-secret");
        env.put("KASH_LAYOUTS_DIR", layouts.toAbsolutePath().toString());
        Run run = run("three", env, List.of("check"));
        assertEquals(1, run.exit, run.output);
        assertTrue(run.output.contains("KASH_FAILURE_ENDPOINTS") && run.output.contains("cannot be created"),
                run.output);
        assertTrue(run.output.contains("kash.mail.endpoint (KASH_MAIL_ENDPOINT)")
                && run.output.contains("host must be specified"), run.output);
        assertTrue(run.output.contains("layout broken:") && run.output.contains("skiplines"), run.output);
        assertTrue(run.output.contains("kash.review.dir (KASH_REVIEW_DIR)"), run.output);
        assertTrue(run.output.contains("'file:ok?pasword=xxxxxx' cannot be used"), run.output);
        // the check wrote nothing: not even the folders it tested
        assertFalse(Files.exists(run.data.resolve("failed")), run.output);
        assertFalse(run.output.contains("hunter2"), "a password in an endpoint URI is never printed");
    }

    @Test
    void theBridgeRefusesToStartBeforeReadingAFile() throws Exception {
        Path data = ROOT.resolve("refused/data");
        Path inbox = data.resolve("inbox");
        Files.createDirectories(inbox);
        String csv = "orderID,payment,itemType,title,price\n7001,-2,free,Tea,2.50\n";
        Files.writeString(inbox.resolve("orders.csv"), csv);
        Map<String, String> env = new HashMap<>();
        env.put("KASH_BASE_URL", "http://127.0.0.1:" + kash.getAddress().getPort());
        env.put("KASH_SHOP_ID", "shop-1");
        env.put("KASH_API_KEY", "key-1-0f3e9a");
        env.put("KASH_SUCCESS_ENDPOINTS", "direct:archiv");
        env.put("KASH_INBOX_STABLE_MS", "0");
        Run run = run("refused", env, List.of());
        assertEquals(1, run.exit, run.output);
        assertTrue(run.output.contains("KASH_SUCCESS_ENDPOINTS"), run.output);
        assertEquals(0, KASH_CALLS.get(), "nothing reached Kash");
        assertEquals(csv, Files.readString(inbox.resolve("orders.csv")), "the file is still in the inbox, untouched");
        assertFalse(Files.exists(data.resolve("done")) && Files.list(data.resolve("done")).findAny().isPresent());
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private record Run(int exit, String output, Path data) {
    }

    private static Run run(String name, Map<String, String> extra, List<String> args) throws Exception {
        Path dir = ROOT.resolve(name);
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Path log = dir.resolve(name + ".log");
        Files.deleteIfExists(log);
        Map<String, String> env = new HashMap<>();
        env.put("KASH_DATA_DIR", data.toAbsolutePath().toString());
        env.put("QUARKUS_HTTP_PORT", "0");
        env.put("KASH_BROKER_PORT", String.valueOf(freePort()));
        // an operator's Kash settings (the fake Kash on loopback); a case without them says so by an empty value
        env.put("KASH_BASE_URL", "http://127.0.0.1:" + kash.getAddress().getPort());
        env.put("KASH_SHOP_ID", "shop-1");
        env.put("KASH_API_KEY", "key-1-0f3e9a");
        env.putAll(extra);
        env.values().removeIf(String::isEmpty);
        Process p = Processes.start(name, dir, env, "256m", args);
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("bin/kash-bridge " + String.join(" ", args) + " did not end: "
                    + Files.readString(log));
        }
        return new Run(p.exitValue(), Files.readString(log), data);
    }
}
