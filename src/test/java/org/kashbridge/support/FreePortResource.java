package org.kashbridge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives the application under test a free HTTP port (the simulator is served on it), a free port for
 * the embedded broker and a clean data folder. Applies to every @QuarkusTest (see {@link GlobalTestResources}).
 */
public class FreePortResource implements QuarkusTestResourceLifecycleManager {

    public static final Path DATA = Path.of("target/test-data");

    @Override
    public Map<String, String> start() {
        TestFiles.deleteTree(DATA);
        return Map.of("quarkus.http.test-port", String.valueOf(freePort()),
                "kash.broker.port", String.valueOf(freePort()));
    }

    @Override
    public void stop() {
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
