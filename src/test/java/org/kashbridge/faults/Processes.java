package org.kashbridge.faults;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Starts the packaged application (target/kash-bridge-runner.jar) as its own process, so it can be killed. */
public final class Processes {

    public static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private Processes() {
    }

    public static Process start(String name, Path dir, Map<String, String> env) throws IOException {
        return start(name, dir, env, "256m");
    }

    /** @param heap the -Xmx of the process (the bridge is measured at 256m) */
    public static Process start(String name, Path dir, Map<String, String> env, String heap) throws IOException {
        return start(name, dir, env, heap, java.util.List.of());
    }

    /** @param args after bin/kash-bridge (for example "check") */
    public static Process start(String name, Path dir, Map<String, String> env, String heap,
            java.util.List<String> args)
            throws IOException {
        return start(Path.of("bin/kash-bridge"), name, dir, env, heap, args);
    }

    /** @param script bin/kash-bridge, or a copy of it beside a copy of the jar */
    public static Process start(Path script, String name, Path dir, Map<String, String> env, String heap,
            java.util.List<String> args)
            throws IOException {
        Files.createDirectories(dir);
        // started the way the README starts it: bin/kash-bridge (class-data sharing), this JVM, the given heap;
        // -Dbridge.jvmOpts="-XX:+UseSerialGC ..." tries other JVM options
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(script.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // bin/kash-bridge's default memory settings, with the given -Xmx
        pb.environment().put("JAVA_OPTS", ("-Xmx" + heap + " -Xms64m -Xmn32m "
                + System.getProperty("bridge.jvmOpts", ""))
                        .trim());
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(new File(dir.toFile(), name + ".log")));
        Process process = pb.start();
        // a failed assertion must not leave a bridge running after the test JVM
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return process;
    }

    /** The packaged jar as a simulator only: no routes, no broker; shop and key are the ones it accepts. */
    public static Process simulator(Path root, int port, String shop, String key) throws IOException {
        return simulator(root, port, shop, key, "256m");
    }

    public static Process simulator(Path root, int port, String shop, String key, String heap) throws IOException {
        Files.createDirectories(root.resolve("no-routes"));
        Map<String, String> env = new java.util.HashMap<>();
        env.put("KASH_SIMULATOR", "true");
        env.put("KASH_SHOP_ID", shop);
        env.put("KASH_API_KEY", key);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("KASH_BROKER_EMBEDDED", "false");
        // no route consumes a queue here; a broker address is still needed once the embedded one is off
        env.put("KASH_BROKER_URL", "tcp://127.0.0.1:1");
        env.put("KASH_DATA_DIR", root.resolve("simulator/data").toString());
        env.put("CAMEL_MAIN_ROUTES_INCLUDE_PATTERN", "file:" + root.resolve("no-routes") + "/*.camel.yaml");
        Process p = start("simulator", root.resolve("simulator"), env, heap);
        awaitHttp("http://127.0.0.1:" + port + "/simulator/stats", 200, Duration.ofSeconds(60));
        return p;
    }

    public static void awaitHttp(String url, int status, Duration max) {
        awaitHttp(url, status, max, Duration.ofMillis(200));
    }

    /** @param every how often to ask: the bench times start-up with it, so it asks often */
    public static void awaitHttp(String url, int status, Duration max, Duration every) {
        await().atMost(max).pollInterval(every).ignoreExceptions()
                .until(() -> HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == status);
    }

    public static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    public static void post(String url, String json) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    public static void kill9(Process p) throws InterruptedException {
        p.destroyForcibly();
        p.waitFor();
    }

    /** SIGTERM, then wait for the graceful stop. */
    public static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            kill9(p);
        }
    }
}
