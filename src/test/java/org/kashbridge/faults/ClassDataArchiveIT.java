package org.kashbridge.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kashbridge.support.TestFiles;

/**
 * bin/kash-bridge's class-data archive: a start that stops cleanly records it, the next start maps it, and it is
 * never kept for a jar other than the one it was recorded from (the JVM would refuse it at every start, without a
 * word, and the start would be as slow as one without it). A copy of the script and of the packaged jar in a folder
 * of their own, so that the archive of the project's own build is left alone; whether the JVM maps the archive is
 * read from the process's memory map.
 */
class ClassDataArchiveIT {

    private static final Path HOME = absolute(Path.of("target/class-data-archive"));
    private static final Path SCRIPT = HOME.resolve("bin/kash-bridge");
    private static final Path JAR = HOME.resolve("target/kash-bridge-runner.jar");
    private static final Path ARCHIVE = HOME.resolve("target/kash-bridge.jsa");
    private static final Path RECORDINGS = HOME.resolve("target/cds");

    @BeforeAll
    static void install() throws IOException {
        TestFiles.deleteTree(HOME);
        Files.createDirectories(SCRIPT.getParent());
        Files.createDirectories(JAR.getParent());
        Files.copy(Path.of("bin/kash-bridge"), SCRIPT, StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(Path.of("target/kash-bridge-runner.jar"), JAR);
    }

    @BeforeEach
    void noArchiveYet() throws IOException {
        Files.deleteIfExists(ARCHIVE);
        Files.deleteIfExists(ARCHIVE.resolveSibling("kash-bridge.jsa.id"));
        // a link is removed, never followed
        TestFiles.deleteTree(RECORDINGS);
    }

    @Test
    void aCleanStopRecordsTheArchiveAndTheNextStartMapsIt() throws Exception {
        Process first = start("record");
        assertFalse(maps(first, "kash-bridge.jsa"), "nothing to map yet");
        Processes.stop(first);
        assertTrue(Files.size(RECORDINGS.resolve(first.pid() + ".jsa")) > 1_000_000, "recorded at the clean stop");

        Process second = start("map");
        try {
            assertTrue(Files.exists(ARCHIVE), "adopted");
            assertTrue(maps(second, ARCHIVE.toString()), "and mapped by the JVM");
            assertEquals(List.of(), recordings(), "no recording while an archive is in use");
        } finally {
            Processes.stop(second);
        }
    }

    @Test
    void anArchiveRecordedWhileTheJarWasRebuiltIsNeverAdopted() throws Exception {
        Process first = start("rebuilt-meanwhile");
        // the jar is rebuilt while that start runs: what it records at its stop describes the old one
        rebuiltAfter(RECORDINGS.resolve(first.pid() + ".started"));
        Processes.stop(first);
        assertTrue(Files.exists(RECORDINGS.resolve(first.pid() + ".jsa")));

        Process second = start("after-rebuild");
        try {
            assertFalse(Files.exists(ARCHIVE), "not adopted");
            assertFalse(Files.exists(RECORDINGS.resolve(first.pid() + ".jsa")), "removed");
            assertFalse(maps(second, "kash-bridge.jsa") || maps(second, first.pid() + ".jsa"), "nor mapped");
            assertEquals(List.of(second.pid() + ".started"), recordings(), "this start records a new one");
        } finally {
            Processes.stop(second);
        }
        // a jar rebuilt after its archive was adopted: the archive is removed and recorded again
        Process third = start("adopt");
        Processes.stop(third);
        assertTrue(Files.exists(ARCHIVE), "the second start's archive adopted");
        rebuiltAfter(ARCHIVE);
        Process fourth = start("rebuilt-after");
        try {
            assertFalse(Files.exists(ARCHIVE), "an archive older than the jar is removed");
            assertFalse(maps(fourth, "kash-bridge.jsa"));
            assertEquals(List.of(fourth.pid() + ".started"), recordings());
        } finally {
            Processes.stop(fourth);
        }
    }

    @Test
    void anArchiveCutShortByAKillDuringItsDumpIsNeverAdopted() throws Exception {
        Process first = start("cut-short");
        Processes.stop(first);
        // what a kill in the middle of the dump at exit leaves: a file of the right name, its end missing
        Path recorded = RECORDINGS.resolve(first.pid() + ".jsa");
        recorded.toFile().setWritable(true);
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(recorded,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(1_000_000);
        }

        Process second = start("after-cut");
        try {
            assertFalse(Files.exists(ARCHIVE), "not adopted");
            assertFalse(maps(second, "kash-bridge.jsa") || maps(second, first.pid() + ".jsa"), "nor mapped");
            assertEquals(List.of(second.pid() + ".started"), recordings(), "recorded again");
        } finally {
            Processes.stop(second);
        }
    }

    @Test
    void aJarWhoseDateWentBackLosesItsArchive() throws Exception {
        Processes.stop(start("before-copy"));
        Processes.stop(start("adopt-before-copy"));
        assertTrue(Files.exists(ARCHIVE));
        // a jar copied over this one keeping its own, older date (cp -p, rsync -a, an image layer)
        Files.setLastModifiedTime(JAR, FileTime.from(Files.getLastModifiedTime(ARCHIVE).toInstant()
                .minusSeconds(3600)));
        Process after = start("after-copy");
        try {
            assertFalse(Files.exists(ARCHIVE), "an archive of another jar is removed");
            assertFalse(maps(after, "kash-bridge.jsa"));
            assertEquals(List.of(after.pid() + ".started"), recordings());
        } finally {
            Processes.stop(after);
        }
    }

    @Test
    void aFolderThatCannotBeWrittenMeansNoArchiveButAStart() throws Exception {
        // a read-only install: target/cds exists and cannot be written (here a link into /proc)
        Files.createSymbolicLink(RECORDINGS, Path.of("/proc/self"));
        Process p = start("read-only");
        try {
            assertFalse(maps(p, "kash-bridge.jsa"));
        } finally {
            Processes.stop(p);
            Files.delete(RECORDINGS);
        }
        assertFalse(Files.exists(ARCHIVE));
    }

    @Test
    void aStartThatWasKilledLeavesNothingBehind() throws Exception {
        Process killed = start("killed");
        Processes.kill9(killed);
        assertEquals(List.of(killed.pid() + ".started"), recordings(), "no archive without a clean stop");

        Process next = start("after-kill");
        try {
            assertEquals(List.of(next.pid() + ".started"), recordings(), "the killed start's marker removed");
        } finally {
            Processes.stop(next);
        }
    }

    /** Real path (as /proc/<pid>/maps names mapped files), also under a linked checkout. */
    private static Path absolute(Path path) {
        try {
            Files.createDirectories(path);
            return path.toRealPath();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The jar as rebuilt after {@code file} was written (both times in the past, so later starts are newer). */
    private static void rebuiltAfter(Path file) throws IOException {
        Instant now = Instant.now();
        Files.setLastModifiedTime(file, FileTime.from(now.minusSeconds(60)));
        Files.setLastModifiedTime(JAR, FileTime.from(now.minusSeconds(30)));
    }

    private static Process start(String name) throws Exception {
        Path dir = HOME.resolve("runs/" + name);
        TestFiles.deleteTree(dir);
        int http = freePort();
        Map<String, String> env = new HashMap<>();
        env.put("KASH_DATA_DIR", dir.resolve("data").toString());
        env.put("QUARKUS_HTTP_PORT", String.valueOf(http));
        env.put("KASH_BROKER_PORT", String.valueOf(freePort()));
        env.put("KASH_BASE_URL", "http://127.0.0.1:" + freePort());
        env.put("KASH_SHOP_ID", "shop-1");
        env.put("KASH_API_KEY", "key-1-0f3e9a");
        Process p = Processes.start(SCRIPT, name, dir, env, "256m", List.of());
        Processes.awaitHttp("http://127.0.0.1:" + http + "/q/health/ready", 200, Duration.ofSeconds(90));
        return p;
    }

    /** Whether a file whose path contains {@code part} is mapped into the process (bin/kash-bridge execs java). */
    private static boolean maps(Process p, String part) throws IOException {
        try (Stream<String> lines = Files.lines(Path.of("/proc/" + p.pid() + "/maps"))) {
            return lines.anyMatch(l -> l.contains(part));
        }
    }

    private static List<String> recordings() throws IOException {
        if (!Files.isDirectory(RECORDINGS)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(RECORDINGS)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
