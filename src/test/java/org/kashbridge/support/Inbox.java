package org.kashbridge.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.ConfigProvider;

/** Drops files into the running application's inbox and reads what it produced. */
public final class Inbox {

    public static final String KEY = "CANARY-KEY-7f3a9c";

    private Inbox() {
    }

    public static Path dir(String property) {
        return Path.of(ConfigProvider.getConfig().getValue(property, String.class));
    }

    public static Path inbox() {
        return dir("kash.inbox.dir");
    }

    public static Path done() {
        return dir("kash.done.dir");
    }

    public static Path failed() {
        return dir("kash.failed.dir");
    }

    public static Path archive() {
        return dir("kash.archive.dir");
    }

    /** A canonical CSV of {@code n} one-row edits, orders {@code firstOrder}, +1..., each "validated, not paid" (-1). */
    public static String validateOrders(long firstOrder, int n) {
        StringBuilder csv = new StringBuilder("orderID,payment\n");
        for (int i = 0; i < n; i++) {
            csv.append(firstOrder + i).append(",-1\n");
        }
        return csv.toString();
    }

    /** Writes under a temporary name, then renames: the way the README tells ERPs to drop files. */
    public static void drop(String name, byte[] content) {
        try {
            Files.createDirectories(inbox());
            Path tmp = inbox().resolve(name + ".tmp");
            Files.write(tmp, content);
            Files.move(tmp, inbox().resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops into a folder of the inbox ("fr-erp", "fr-erp/dry-run"...). */
    public static void dropInto(String folder, String name, byte[] content) {
        try {
            Path dir = inbox().resolve(folder);
            Files.createDirectories(dir);
            Path tmp = dir.resolve(name + ".tmp");
            Files.write(tmp, content);
            Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code inbox/<folder>/<name>} was moved to {@code dir} with its report; returns the report rows. */
    public static List<CSVRecord> awaitReport(Path dir, String folder, String name) {
        Path report = dir.resolve(name + ".result.csv");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(report) && Files.exists(dir.resolve(name))
                && !Files.exists(inbox().resolve(folder).resolve(name)));
        try (Reader r = Files.newBufferedReader(report, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void drop(String name, String content) {
        drop(name, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void dropSample(String sample, String asName) {
        try {
            drop(asName, Files.readAllBytes(Path.of("samples", sample)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for {@code <dir>/<name>.result.csv} and returns its rows (header excluded). */
    public static List<CSVRecord> awaitReport(Path dir, String name) {
        return awaitReport(dir, "", name);
    }

    /**
     * Outcome records (JSON text) of a source (file name, or queue when it has none): the files of a folder
     * whose name mentions it (file:&lt;dir&gt; endpoints), and the lines of its {@code *.jsonl} day files
     * (direct:archive).
     */
    public static List<String> records(Path dir, String sourceName) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.sorted().toList();
            List<String> found = new java.util.ArrayList<>();
            for (Path p : all) {
                String name = p.getFileName().toString();
                if (name.endsWith(".json") && name.contains("_" + sourceName + "_")) {
                    found.add(read(p));
                } else if (name.endsWith(".jsonl")) {
                    for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                        if (!line.isEmpty() && sourceName.equals(sourceOf(line))) {
                            found.add(line);
                        }
                    }
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sourceOf(String record) throws IOException {
        com.fasterxml.jackson.databind.JsonNode source = JSON.readTree(record).path("source");
        return source.hasNonNull("name") ? source.get("name").asText() : source.path("channel").asText();
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    public static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
