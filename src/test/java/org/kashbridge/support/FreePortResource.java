package org.kashbridge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives the application under test a free HTTP port (the simulator is served on it), a free port for
 * the embedded broker and a clean data folder. Applies to every @QuarkusTest (see {@link GlobalTestResources}).
 */
public class FreePortResource implements QuarkusTestResourceLifecycleManager {

    public static final Path DATA = Path.of("target/test-data");

    @Override
    public Map<String, String> start() {
        deleteTree(DATA);
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

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
