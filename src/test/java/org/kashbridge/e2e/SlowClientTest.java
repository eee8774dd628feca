package org.kashbridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.kashbridge.support.Settings;

/** A client that opens a connection and never finishes its request does not keep it: the bridge closes it. */
@QuarkusTest
@QuarkusTestResource(value = Settings.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "kash.http.idle-timeout", value = "2s"))
class SlowClientTest {

    @Test
    void aRequestLeftHalfSentIsClosedAfterTheIdleTimeout() throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        try (Socket s = new Socket("127.0.0.1", port)) {
            // the read below blocks until the server closes the connection (or this limit, which fails the test)
            s.setSoTimeout(30_000);
            s.getOutputStream().write("GET /q/health/ready HTTP/1.1\r\nHost: localhost\r\nX-Slow: "
                    .getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            long start = System.nanoTime();
            InputStream in = s.getInputStream();
            int read = in.read();
            long waited = (System.nanoTime() - start) / 1_000_000;
            assertEquals(-1, read, "the server answered a request that was never finished");
            assertTrue(waited >= 1_000, "closed after " + waited + " ms, before the idle timeout");
        }
    }
}
