package org.kashbridge.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The archive behind {@code direct:archive} (routes/outcomes.camel.yaml): one JSON record per line, one file
 * per UTC day ({@code 2026-11-29.jsonl}), appended to.
 * <p>
 * Why not a file per edit: an end-of-day batch of 30,000 edits made 30,000 files a day in one folder, and
 * creating each file was the bridge's largest single cost per edit (ext4 searches its inode table for a
 * free inode, slowly after many deletions: bench/RESULTS.md). Why not Camel's file producer with
 * {@code fileExist=Append}: a process killed in the middle of a write leaves a line without its end, and
 * the next record would be glued onto it. Here each record and its newline go in one write, and a torn last
 * line is ended before anything is appended after it. The file is opened for each record, so moving or
 * deleting a day's file while the bridge runs loses nothing. Not forced to disk: the ledger is the durable
 * record of what was sent; this is its readable companion.
 */
@ApplicationScoped
@Named("archive")
@Unremovable
public class JsonLinesArchive {

    private final Path dir;
    private final Clock clock;
    /** The file and its size after this process's last write: a different size means someone else wrote it. */
    private Path lastFile;
    private long lastSize = -1;

    @Inject
    public JsonLinesArchive(@ConfigProperty(name = "kash.archive.dir") String dir) {
        this(Path.of(dir), Clock.systemUTC());
    }

    JsonLinesArchive(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /** Appends the record (one line of JSON) to today's file. */
    public synchronized void append(String record) {
        if (record.indexOf('\n') >= 0 || record.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("an archive record must be one line of JSON");
        }
        Path file = dir.resolve(LocalDate.now(clock.withZone(ZoneOffset.UTC)) + ".jsonl");
        byte[] line = (record + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            try (FileChannel out = open(file)) {
                long size = out.size();
                ByteBuffer buffer;
                if (size > 0 && !(file.equals(lastFile) && size == lastSize) && lastByte(out, size) != '\n') {
                    // a torn last line (a process killed mid-write): end it, so this record is a line of its own
                    buffer = ByteBuffer.allocate(line.length + 1).put((byte) '\n').put(line).flip();
                } else {
                    buffer = ByteBuffer.wrap(line);
                }
                long at = size;
                while (buffer.hasRemaining()) {
                    at += out.write(buffer, at);
                }
                lastFile = file;
                lastSize = at;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the archive " + file, e);
        }
    }

    private FileChannel open(Path file) throws IOException {
        try {
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (java.nio.file.NoSuchFileException e) {
            Files.createDirectories(dir);
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        }
    }

    private static int lastByte(FileChannel in, long size) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1);
        in.read(b, size - 1);
        return b.get(0);
    }
}
