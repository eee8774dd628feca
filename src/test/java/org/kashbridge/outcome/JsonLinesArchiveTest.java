package org.kashbridge.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesArchiveTest {

    @TempDir
    Path dir;

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>();

        TestClock(String instant) {
            now.set(Instant.parse(instant));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @Test
    void oneLinePerRecordInTheFileOfTheUtcDay() throws Exception {
        TestClock clock = new TestClock("2026-11-29T23:59:59.900Z");
        JsonLinesArchive archive = new JsonLinesArchive(dir.resolve("archive"), clock);
        archive.append("{\"n\":1}");
        archive.append("{\"n\":2}");
        clock.now.set(Instant.parse("2026-11-30T00:00:00.100Z"));
        archive.append("{\"n\":3}");
        assertEquals("{\"n\":1}\n{\"n\":2}\n", Files.readString(dir.resolve("archive/2026-11-29.jsonl")));
        assertEquals("{\"n\":3}\n", Files.readString(dir.resolve("archive/2026-11-30.jsonl")));
    }

    @Test
    void aTornLastLineIsEndedBeforeTheNextRecord() throws Exception {
        Path day = dir.resolve("2026-11-29.jsonl");
        // a process killed in the middle of a write
        Files.writeString(day, "{\"n\":1}\n{\"n\":2,\"sta", StandardCharsets.UTF_8);
        JsonLinesArchive archive = new JsonLinesArchive(dir, new TestClock("2026-11-29T10:00:00Z"));
        archive.append("{\"n\":3}");
        archive.append("{\"n\":4}");
        assertEquals(List.of("{\"n\":1}", "{\"n\":2,\"sta", "{\"n\":3}", "{\"n\":4}"), Files.readAllLines(day));
    }

    @Test
    void aFileMovedAwayWhileRunningIsStartedAgain() throws Exception {
        JsonLinesArchive archive = new JsonLinesArchive(dir, new TestClock("2026-11-29T10:00:00Z"));
        archive.append("{\"n\":1}");
        Files.move(dir.resolve("2026-11-29.jsonl"), dir.resolve("moved.jsonl"));
        archive.append("{\"n\":2}");
        assertEquals("{\"n\":1}\n", Files.readString(dir.resolve("moved.jsonl")));
        assertEquals("{\"n\":2}\n", Files.readString(dir.resolve("2026-11-29.jsonl")));
    }

    @Test
    void aTornLineLeftByAnotherWriterIsEndedToo() throws Exception {
        Path day = dir.resolve("2026-11-29.jsonl");
        JsonLinesArchive archive = new JsonLinesArchive(dir, new TestClock("2026-11-29T10:00:00Z"));
        archive.append("{\"n\":1}");
        // another bridge sharing the folder was killed in the middle of its write
        Files.writeString(day, "{\"other\":", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        archive.append("{\"n\":2}");
        assertEquals(List.of("{\"n\":1}", "{\"other\":", "{\"n\":2}"), Files.readAllLines(day));
    }

    @Test
    void manyThreadsWriteWholeLines() throws Exception {
        JsonLinesArchive archive = new JsonLinesArchive(dir, new TestClock("2026-11-29T10:00:00Z"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < 500; i++) {
                    archive.append("{\"t\":" + thread + ",\"i\":" + i + ",\"pad\":\"" + "x".repeat(i % 300) + "\"}");
                }
            }));
        }
        for (var f : done) {
            f.get();
        }
        pool.shutdown();
        List<String> lines = Files.readAllLines(dir.resolve("2026-11-29.jsonl"));
        assertEquals(4000, lines.size());
        assertEquals(4000,
                lines.stream().filter(l -> l.matches("\\{\"t\":\\d,\"i\":\\d+,\"pad\":\"x*\"}")).distinct().count());
    }

    @Test
    void lineBreaksBetweenTokensBecomeSpaces() throws Exception {
        JsonLinesArchive archive = new JsonLinesArchive(dir, new TestClock("2026-11-29T10:00:00Z"));
        archive.append("{\r\n  \"n\" : 1,\n  \"s\" : \"a\\nb\"\n}");
        assertEquals(List.of("{    \"n\" : 1,   \"s\" : \"a\\nb\" }"),
                Files.readAllLines(dir.resolve("2026-11-29.jsonl")));
    }
}
