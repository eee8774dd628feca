package org.kashbridge.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSSecurityRuntimeException;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kashbridge.support.TestFiles;

/**
 * What the packaged bridge answers to other hosts (bin/kash-bridge demo, as a newcomer starts it): nothing by
 * default, and its broker nothing to anonymous clients; with KASH_HTTP_HOST=0.0.0.0, health only without
 * credentials, and never the simulator.
 */
class ExposureIT {

    private static final Path ROOT = Path.of("target/exposure");
    private static InetAddress outside;

    @BeforeAll
    static void anAddressOfThisMachineThatIsNotLoopback() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (nic.isUp() && a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    outside = a;
                }
            }
        }
        assumeTrue(outside != null, "this machine has no address but loopback");
    }

    @Test
    void byDefaultNeitherTheHttpPortNorTheBrokerAnswersOtherHosts() throws Exception {
        Bridge b = Bridge.start("default", Map.of());
        try {
            assertThrows(ConnectException.class, () -> connect(outside, b.http), "HTTP port open on " + outside);
            assertThrows(ConnectException.class, () -> connect(outside, b.broker), "broker port open on " + outside);
            // on loopback, the tools are open as before
            assertEquals(200, get(b.url(InetAddress.getLoopbackAddress(), "/q/metrics"), null));
            // the broker takes no anonymous client; the ERPs' password was generated on this first start, readable by
            // its owner only, and is never written to the log
            String cf = "tcp://127.0.0.1:" + b.broker;
            try (ActiveMQConnectionFactory anonymous = new ActiveMQConnectionFactory(cf)) {
                assertThrows(JMSSecurityRuntimeException.class, () -> anonymous.createContext().close());
            }
            Path file = b.data.resolve("broker/client-password");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            String password = Files.readString(file).trim();
            assertTrue(password.length() >= 32, password.length() + " characters");
            try (ActiveMQConnectionFactory client = new ActiveMQConnectionFactory(cf, "kash-client", password);
                    JMSContext ctx = client.createContext()) {
                ctx.createProducer().send(ctx.createQueue("kash.order-edits"), "{\"orderID\":7002,\"payment\":-2}");
            }
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> get(b.url(InetAddress.getLoopbackAddress(),
                    "/simulator/orders/7002"), null) == 200);
            assertFalse(Files.readString(b.data.getParent().resolve("default.log")).contains(password),
                    "the generated password is in the log");
            // it is masked like a configured secret in what the bridge writes, though no setting holds it
            try (ActiveMQConnectionFactory client = new ActiveMQConnectionFactory(cf, "kash-client", password);
                    JMSContext ctx = client.createContext()) {
                ctx.createProducer().send(ctx.createQueue("kash.order-edits"),
                        "{\"orderID\":7003,\"payment\":-2,\"publicComment\":\"pw " + password + "\"}");
            }
            Path archive = b.data.resolve("archive");
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> TestFiles.contentsUnder(archive)
                    .contains("\"orderID\":7003"));
            String archived = TestFiles.contentsUnder(archive);
            assertFalse(archived.contains(password), "the generated password is in the archive");
            assertTrue(archived.contains("pw ****"), archived);
            // the README's STOMP sample logs in with that password by itself
            ProcessBuilder sample = new ProcessBuilder("python3", "samples/send-stomp.py", "samples/edit.json",
                    "127.0.0.1", String.valueOf(b.broker)).redirectErrorStream(true);
            sample.environment().put("KASH_DATA_DIR", b.data.toAbsolutePath().toString());
            Process run = sample.start();
            String printed = new String(run.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, run.waitFor(), printed);
            assertTrue(printed.startsWith("CONNECTED") && printed.contains("RECEIPT"), printed);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> get(b.url(InetAddress.getLoopbackAddress(),
                    "/simulator/orders/5101"), null) == 200);
        } finally {
            b.stop();
        }
    }

    @Test
    void boundBeyondLoopbackOnlyHealthIsOpenAndTheSimulatorAnswersThisMachineOnly() throws Exception {
        Bridge b = Bridge.start("wide", Map.of("KASH_HTTP_HOST", "0.0.0.0", "KASH_BRIDGE_API_KEY", "wide-key-5b1e"));
        try {
            assertEquals(200, get(b.url(outside, "/q/health/ready"), null));
            assertEquals(401, get(b.url(outside, "/q/metrics"), null));
            assertEquals(401, get(b.url(outside, "/q/openapi"), null));
            assertEquals(401, get(b.url(outside, "/q/metrics"), "wrong-key"));
            assertEquals(200, get(b.url(outside, "/q/metrics"), "wide-key-5b1e"));
            assertEquals(200, get(b.url(outside, "/q/openapi"), "wide-key-5b1e"));
            // the simulator refuses other hosts, credentials or not
            assertEquals(403, get(b.url(outside, "/simulator/stats"), "wide-key-5b1e"));
            assertEquals(403, post(b.url(outside, "/workers/editOrder.php"), "application/x-www-form-urlencoded",
                    "shopID=demo-shop&key=demo-key&orderID=7001&payment=-2"));
            // a file sent through the demo: the simulated till holds order 7001
            Files.writeString(b.data.resolve("inbox/tea.csv"), "orderID,payment,itemType,title,price\n"
                    + "7001,-2,free,Tea,2.50\n");
            Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> Files.exists(b.data.resolve("done/tea.csv.result.csv")));
            String order = b.url(InetAddress.getLoopbackAddress(), "/simulator/orders/7001");
            assertEquals(200, get(order, null));
            // a cross-site simple request (text/plain, no preflight) cannot reset it, even from this machine
            assertEquals(415, post(b.url(InetAddress.getLoopbackAddress(), "/simulator/reset"), "text/plain", "{}"));
            assertEquals(415, post(b.url(InetAddress.getLoopbackAddress(), "/simulator/faults"),
                    "application/x-www-form-urlencoded", "delayMs=100000"));
            assertEquals(200, get(order, null), "the simulator was reset by a text/plain post");
            assertEquals(204, post(b.url(InetAddress.getLoopbackAddress(), "/simulator/reset"), "application/json",
                    "{}"));
            assertEquals(404, get(order, null));
        } finally {
            b.stop();
        }
    }

    private static void connect(InetAddress host, int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 2000);
        }
    }

    private static int get(String url, String apiKey) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (apiKey != null) {
            r.header("X-API-Key", apiKey);
        }
        return Processes.HTTP.send(r.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int post(String url, String type, String body) throws Exception {
        return Processes.HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private record Bridge(Process process, int http, int broker, Path data) {

        static Bridge start(String name, Map<String, String> extra) throws Exception {
            Path dir = ROOT.resolve(name);
            TestFiles.deleteTree(dir); // a demo's ledger of an earlier run would answer for this one
            Path data = dir.resolve("data");
            Files.createDirectories(data.resolve("inbox"));
            int http = freePort();
            int broker = freePort();
            Map<String, String> env = new HashMap<>();
            env.put("KASH_DATA_DIR", data.toAbsolutePath().toString());
            env.put("QUARKUS_HTTP_PORT", String.valueOf(http));
            env.put("KASH_BROKER_PORT", String.valueOf(broker));
            env.put("KASH_INBOX_STABLE_MS", "0");
            env.putAll(extra);
            Process p = Processes.start(name, dir, env, "256m", List.of("demo"));
            Bridge b = new Bridge(p, http, broker, data);
            try {
                Processes.awaitHttp("http://127.0.0.1:" + http + "/q/health/ready", 200, Duration.ofSeconds(90));
            } catch (RuntimeException | Error e) {
                b.stop();
                throw e;
            }
            return b;
        }

        String url(InetAddress host, String path) {
            return "http://" + host.getHostAddress() + ":" + http + path;
        }

        void stop() throws Exception {
            Processes.stop(process);
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
