package org.kashbridge.outcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
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
import org.kashbridge.config.KashConfig;

/**
 * The archive behind {@code direct:archive} (routes/outcomes.camel.yaml): one JSON record per line, one file
 * per UTC day ({@code 2026-11-29.jsonl}), appended to.
 * <p>
 * Why not a file per edit: an end-of-day batch made as many files a day in one folder, and creating each file
 * was the bridge's largest single cost per edit (ext4 searches its inode table for a free inode, slowly after
 * many deletions: bench/RESULTS.md). Why not Camel's file producer with
 * {@code fileExist=Append}: a process killed in the middle of a write leaves a line without its end, and
 * the next record would be glued onto it. Here each record and its newline go in one write, and a torn last
 * line is ended before anything is appended after it. The file is opened for each record and locked while
 * it is written (several bridges may share the folder), so a day's file can be moved away while the bridge
 * runs: the next record starts a new one. Not forced to disk: the ledger is the durable record of what was
 * sent; this is its readable companion. The day is the one the record is written on (UTC).
 */
@ApplicationScoped
@Named("archive")
@Unremovable
public class JsonLinesArchive {

    /** Not APPEND (NIO refuses it with READ, needed to look at the last byte): writes go at the end under the lock. */
    private static final java.util.Set<StandardOpenOption> OPEN = java.util.Set.of(StandardOpenOption.CREATE,
            StandardOpenOption.READ, StandardOpenOption.WRITE);
    private final Path dir;
    private final Clock clock;
    /** The file and its size after this process's last write: a different size means someone else wrote it. */
    private Path lastFile;
    private long lastSize = -1;

    @Inject
    public JsonLinesArchive(KashConfig kash) {
        this(Path.of(kash.archive().dir()), Clock.systemUTC());
    }

    JsonLinesArchive(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /**
     * Appends the record to the file of the UTC day it is written on. A record is one line: line breaks
     * can only stand between JSON tokens (inside strings they are escaped), so any there become spaces.
     */
    public synchronized void append(String record) {
        Path file = dir.resolve(LocalDate.now(clock.withZone(ZoneOffset.UTC)) + ".jsonl");
        byte[] line = (record.replace('\r', ' ').replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel out = open(file);
                // other bridges may share the folder (several instances with a PostgreSQL ledger)
                FileLock lock = out.lock()) {
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
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the archive " + file, e);
        }
    }

    private FileChannel open(Path file) throws IOException {
        try {
            return FileChannel.open(file, OPEN);
        } catch (java.nio.file.NoSuchFileException e) {
            Files.createDirectories(dir);
            return FileChannel.open(file, OPEN);
        }
    }

    private static int lastByte(FileChannel in, long size) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1);
        while (b.hasRemaining()) {
            if (in.read(b, size - 1) < 0) {
                return '\n'; // shorter than it was a moment ago: nothing of ours to end
            }
        }
        return b.get(0);
    }
}
