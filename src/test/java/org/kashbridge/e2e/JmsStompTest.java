package org.kashbridge.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.kashbridge.simulator.KashSimulator;
import org.kashbridge.support.TestSettings;

/** A client in any language can publish: a STOMP 1.2 frame over a plain socket is processed like any edit. */
@QuarkusTest
class JmsStompTest {

    @Inject
    KashSimulator simulator;

    @Test
    void stompMessageIsApplied() throws Exception {
        int port = ConfigProvider.getConfig().getValue("kash.broker.port", Integer.class);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("CONNECT\naccept-version:1.2\nhost:localhost\nlogin:kash-client\npasscode:"
                    + TestSettings.CLIENT_PASSWORD + "\n\n\0").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String connected = readFrame(in);
            assertTrue(connected.startsWith("CONNECTED"), connected);
            String body = "{\"orderID\":24001,\"payment\":-2,\"itemsList\":[\"Free_4.5_Stomp\"]}";
            out.write(("SEND\ndestination:kash.order-edits\ndestination-type:ANYCAST\ncontent-type:application/json\n"
                    + "receipt:r1\n\n" + body + "\0").getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertTrue(readFrame(in).startsWith("RECEIPT"));
            out.write("DISCONNECT\n\n\0".getBytes(StandardCharsets.UTF_8));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> simulator.received().stream()
                .anyMatch(r -> r.body().contains("&orderID=24001&payment=-2&itemsList%5B%5D=Free_4.5_Stomp")));
        // the outcome record names the edit even though a STOMP sender set no message id
        await().atMost(Duration.ofSeconds(20)).until(() -> org.kashbridge.support.Inbox.records(
                org.kashbridge.support.Inbox.archive(), "kash.order-edits").stream()
                .anyMatch(r -> r.contains("\"orderID\":24001") && !r.contains("\"editKey\":null")
                        && !r.contains("\"editKey\":\"\"")));
    }

    private static String readFrame(InputStream in) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int c = in.read(); c > 0; c = in.read()) {
            sb.append((char) c);
        }
        return sb.toString().trim();
    }
}
