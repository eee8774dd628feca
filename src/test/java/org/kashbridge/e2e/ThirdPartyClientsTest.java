package org.kashbridge.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kashbridge.simulator.KashSimulator;
import org.kashbridge.support.Jms;
import org.kashbridge.support.Sent;
import org.kashbridge.support.TestSettings;

/**
 * The hostile JSON cases of HostileJsonTest, sent by the client libraries ERPs use, from the npm registry: rhea
 * (AMQP 1.0) and stompit (STOMP), logged in as kash-client. Each is dead-lettered REJECTED with its reason, none
 * reaches Kash, and a valid edit sent beside them is applied once.
 */
@QuarkusTest
class ThirdPartyClientsTest {

    static final Path CLIENTS = Path.of("target/node-clients");

    @Inject
    KashSimulator simulator;
    @Inject
    ConnectionFactory cf;

    @BeforeAll
    static void install() throws Exception {
        Assumptions.assumeTrue(runs("node", "--version") && runs("npm", "--version"),
                "node and npm are needed for the third-party clients (apt-get install nodejs npm; .ci/run does)");
        Files.createDirectories(CLIENTS);
        for (String f : List.of("package.json", "send.js")) {
            Files.copy(Path.of("src/test/node", f), CLIENTS.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(CLIENTS.resolve("node_modules/rhea"))
                || !Files.isDirectory(CLIENTS.resolve("node_modules/stompit"))) {
            assertEquals(0, run(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", CLIENTS.toString()),
                    180), () -> "npm install of rhea and stompit: " + log());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"amqp", "stomp"})
    void hostileJsonFromAThirdPartyClientIsRejectedNamingTheProblem(String protocol) throws Exception {
        String prefix = protocol.equals("amqp") ? "2" : "3";
        List<Map<String, String>> messages = new ArrayList<>();
        for (HostileJsonTest.Case c : HostileJsonTest.CASES) {
            messages.add(Map.of("editId", protocol + "-hostile-" + c.orderId(),
                    "body", c.json().replace(String.valueOf(c.orderId()), prefix + c.orderId())));
        }
        String valid = prefix + "27099";
        messages.add(Map.of("editId", protocol + "-valid", "body", "{\"orderID\":" + valid + ",\"payment\":-1}"));
        Path file = CLIENTS.resolve(protocol + "-messages.json");
        Files.writeString(file, new ObjectMapper().writeValueAsString(messages), StandardCharsets.UTF_8);
        int port = ConfigProvider.getConfig().getValue("kash.broker.port", Integer.class);
        assertEquals(0, run(List.of("node", CLIENTS.resolve("send.js").toString(), protocol, "127.0.0.1",
                String.valueOf(port), "kash-client", TestSettings.CLIENT_PASSWORD, "kash.order-edits", file.toString()),
                60), () -> protocol + " client: " + log());

        for (HostileJsonTest.Case c : HostileJsonTest.CASES) {
            Message dead = Jms.receive(cf, "kash.order-edits.DLQ", "KashEditKey = '" + protocol + "-hostile-"
                    + c.orderId() + "'");
            assertNotNull(dead, protocol + ": " + c.json() + " not dead-lettered");
            assertEquals("REJECTED", dead.getStringProperty("KashStatus"));
            String reason = dead.getStringProperty("KashFailureReason");
            assertTrue(reason.contains(c.says()), protocol + ": " + c.json() + " -> " + reason);
            assertEquals(0, Sent.count(simulator, prefix + c.orderId()), c.json() + " reached Kash");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> Sent.count(simulator, valid) == 1);
    }

    private static String log() {
        try {
            return Files.readString(CLIENTS.getParent().resolve("node-clients.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static boolean runs(String... command) {
        try {
            return run(List.of(command), 30) == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static int run(List<String> command, int seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(CLIENTS.getParent().resolve("node-clients.log").toFile()).start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
