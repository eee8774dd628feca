package org.kashbridge.bench;

import static org.awaitility.Awaitility.await;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.kashbridge.faults.Processes;
import org.kashbridge.support.FreePortResource;
import org.kashbridge.support.TestFiles;

/**
 * Peak RSS of the packaged bridge (-Xmx256m) processing a 1,000,000-line file against a 10,000-line file,
 * live against the simulator (its own process). The rows of one edit are thousands of lines apart, so
 * grouping cannot rely on adjacency. Appends its table to target/bench/RESULTS-bigfile.md.
 * Usage: bench/run.sh --big-file [-Dbench.bigLines=1000000]
 */
public final class BigFileBench {

    private BigFileBench() {
    }

    public static void main(String[] args) throws Exception {
        int bigLines = Integer.parseInt(System.getProperty("bench.bigLines", "1000000"));
        Path root = Bench.ROOT.resolve("big-file");
        TestFiles.deleteTree(root);
        Bench.simPort = FreePortResource.freePort();
        Process simulator = Processes.simulator(root, Bench.simPort, Bench.SHOP, Bench.KEY, "2g");
        try {
            Bench.plan(0);
            primeArchive(root);
            double[] small = run(root, "small", 10_000);
            double[] big = run(root, "big", bigLines);
            String table = "| file | lines | edits | seconds | edits/s | peak RSS (MB) |\n|---|---|---|---|---|---|\n"
                    + String.format("| small | %.0f | %.0f | %.1f | %.0f | %.0f |%n", small[0], small[1], small[2],
                            small[1] / small[2], small[3])
                    + String.format("| big | %.0f | %.0f | %.1f | %.0f | %.0f |%n", big[0], big[1], big[2],
                            big[1] / big[2], big[3])
                    + String.format("%n**peak RSS ratio, big ÷ small: %.2f** (target <= 1.3), bridge at -Xmx256m%n",
                            big[3] / small[3]);
            Files.writeString(Bench.ROOT.resolve("RESULTS-bigfile.md"), table, StandardCharsets.UTF_8);
            System.out.println(table);
        } finally {
            Processes.stop(simulator);
        }
    }

    /**
     * One start and clean stop first, so that both measured runs map the class-data archive that start
     * records (bin/kash-bridge): otherwise the first run after a build records it and the second maps it.
     */
    static void primeArchive(Path root) throws Exception {
        Path dir = root.resolve("prime");
        int http = FreePortResource.freePort();
        Process p = Processes.start("bridge", dir, Bench.bridgeEnv(dir, http), "256m");
        try {
            Processes.awaitHttp("http://127.0.0.1:" + http + "/q/health/ready", 200, Duration.ofSeconds(90));
        } finally {
            Processes.stop(p);
        }
    }

    /** {lines, edits, seconds, peak RSS MB} for one file of about {@code lines} lines. */
    static double[] run(Path root, String name, int lines) throws Exception {
        // 4 lines per edit, a quarter payment edits (one row): about 3.25 rows per edit
        int edits = (int) Math.round(lines / 3.25);
        List<EditGenerator.Edit> list = EditGenerator.edits(lines, edits, 4, 0.25, name.equals("big") ? 200_000_000L
                : 100_000_000L);
        Path dir = root.resolve(name);
        Path inbox = dir.resolve("data/inbox");
        Files.createDirectories(inbox);
        Path tmp = inbox.resolve(name + ".csv.tmp");
        long written;
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            // written in windows of 10,000 edits so the generator itself stays small
            String header = null;
            written = 0;
            for (int from = 0; from < list.size(); from += 10_000) {
                String part = EditGenerator.csvInterleaved(list.subList(from, Math.min(list.size(), from + 10_000)),
                        5_000);
                int nl = part.indexOf('\n');
                if (header == null) {
                    header = part.substring(0, nl + 1);
                    w.write(header);
                    written++;
                }
                String body = part.substring(nl + 1);
                w.write(body);
                written += body.chars().filter(c -> c == '\n').count();
            }
        }
        int http = FreePortResource.freePort();
        Map<String, String> env = Bench.bridgeEnv(dir, http);
        env.put("KASH_CONCURRENCY", "16");
        env.put("KASH_INBOX_POLL_MS", "100");
        env.put("KASH_INBOX_STABLE_MS", "100");
        Process p = Processes.start("bridge", dir, env, "256m");
        try {
            Processes.awaitHttp("http://127.0.0.1:" + http + "/q/health/ready", 200, Duration.ofSeconds(90));
            long start = System.nanoTime();
            Files.move(tmp, inbox.resolve(name + ".csv"));
            Path report = dir.resolve("data/done/" + name + ".csv.result.csv");
            await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Files.exists(report) || !p.isAlive());
            if (!p.isAlive()) {
                throw new IllegalStateException(name + ": the bridge died; see " + dir.resolve("bridge.log"));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double peak = Bench.status(p.pid(), "VmHWM") / 1024.0;
            // what is still live after the file (a full GC): top of the class histogram
            for (String what : new String[] {"GC.heap_info", "VM.native_memory", "GC.class_histogram"}) {
                Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        String.valueOf(p.pid()), what).redirectErrorStream(true)
                                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("memory.txt").toFile()))
                                .start();
                jcmd.waitFor();
            }
            long ok;
            try (var l = Files.lines(report)) {
                ok = l.filter(s -> s.contains(",OK,")).count();
            }
            if (ok != edits) {
                throw new IllegalStateException(name + ": " + ok + " of " + edits + " edits OK");
            }
            System.out.printf("%s: %d lines, %d edits, %.1f s, peak RSS %.0f MB%n", name, written, edits, seconds,
                    peak);
            return new double[] {written, edits, seconds, peak};
        } finally {
            Processes.stop(p);
        }
    }
}
