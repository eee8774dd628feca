package org.kashbridge.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kashbridge.layout.Layout;

/**
 * Pass one is bounded: a record beyond the limit refuses the file before a parser holds it (a 50 MB row ran the
 * heap out), and a file that changed between the read lock and the end of reading is never taken as read.
 */
class BoundedReadingTest {

    @TempDir
    Path dir;

    private StagedFile stage(Path f, int maxRecord, FileStamp stamp) throws IOException {
        return CsvEditReader.stage(f, Layout.canonical(), f.getFileName().toString(), dir.resolve("work"), 1 << 20,
                maxRecord, stamp);
    }

    /** A file of {@code mb} megabytes: a header, one good row, then a single line of 'x' without end. */
    private Path hugeLine(String name, int mb, boolean quoted) throws IOException {
        Path f = dir.resolve(name);
        try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("orderID,payment,itemType,title,price\n7,-1,free,Tea,1\n8,-1,free," + (quoted ? "\"" : ""));
            char[] chunk = new char[1 << 20];
            java.util.Arrays.fill(chunk, 'x');
            for (int i = 0; i < mb; i++) {
                w.write(chunk);
                if (quoted) {
                    w.write("\n"); // line breaks inside the quotes: one record of many lines
                }
            }
        }
        return f;
    }

    @Test
    void aFiftyMegabyteLineRefusesTheFileWithoutHoldingIt() throws IOException {
        Path f = hugeLine("huge.csv", 50, false);
        try (StagedFile staged = stage(f, 100_000, null)) {
            assertEquals("the record starting on line 3 is longer than 100000 characters (KASH_INBOX_MAX_RECORD); "
                    + "nothing in the file was sent", staged.unreadableReason());
        }
    }

    @Test
    void aQuotedValueRunningOverManyLinesIsOneRecordAndIsBoundedToo() throws IOException {
        Path f = hugeLine("quoted.csv", 2, true);
        try (StagedFile staged = stage(f, 100_000, null)) {
            assertEquals("the record starting on line 3 is longer than 100000 characters (KASH_INBOX_MAX_RECORD), "
                    + "inside a quoted value: is a closing quote missing?; nothing in the file was sent",
                    staged.unreadableReason());
        }
    }

    @Test
    void recordsUpToTheLimitAreRead() throws IOException {
        Path f = dir.resolve("ok.csv");
        String title = "t".repeat(150);
        Files.writeString(f, "orderID,payment,itemType,title,price\n7,-1,free," + title + ",1\n");
        try (StagedFile staged = stage(f, 200, null)) {
            assertTrue(staged.isReadable(), staged.unreadableReason());
            assertEquals(1, staged.rowCount());
        }
    }

    @Test
    void aQuoteInsideAnUnquotedValueOpensNothingAndCarriageReturnsEndLines() throws IOException {
        StringBuilder csv = new StringBuilder("orderID,payment,itemType,title,price\n7,-1,free,Monitor 24\" wide,1\n");
        StringBuilder cr = new StringBuilder("orderID,payment,itemType,title,price\r");
        for (int i = 0; i < 2000; i++) {
            csv.append(100 + i).append(",-1,free,Tea,1\n");
            cr.append(100 + i).append(",-1,free,Tea,1\r");
        }
        Path quote = dir.resolve("quote.csv");
        Files.writeString(quote, csv);
        Path mac = dir.resolve("mac.csv");
        Files.writeString(mac, cr);
        try (StagedFile a = stage(quote, 200, null); StagedFile b = stage(mac, 200, null)) {
            assertTrue(a.isReadable(), a.unreadableReason());
            assertEquals(2001, a.rowCount());
            assertTrue(b.isReadable(), b.unreadableReason());
            assertEquals(2000, b.rowCount());
        }
    }

    @Test
    void aFileCutAfterTheReadLockIsNotTakenAsRead() throws IOException {
        Path f = dir.resolve("cut.csv");
        Files.writeString(f, "orderID,payment\n7,-1\n8,-1\n9,-1\n");
        FileStamp locked = FileStamp.of(f);
        // the ERP rewrites the file in place while the bridge reads it: shorter, same name
        Files.writeString(f, "orderID,payment\n7,-1\n", StandardOpenOption.TRUNCATE_EXISTING);
        FileStamp.ChangedException changed = assertThrows(FileStamp.ChangedException.class,
                () -> stage(f, 100_000, locked));
        assertTrue(changed.getMessage().startsWith("file cut.csv changed while it was read (31 bytes, "),
                changed.getMessage());
        assertTrue(changed.getMessage().contains("; 21 bytes, "), changed.getMessage());
        try (StagedFile again = stage(f, 100_000, FileStamp.of(f))) {
            assertEquals(1, again.rowCount(), "read again once unchanged: what it holds now");
        }
    }
}
