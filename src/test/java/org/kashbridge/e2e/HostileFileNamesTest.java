package org.kashbridge.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.kashbridge.simulator.KashSimulator;
import org.kashbridge.support.Inbox;
import org.kashbridge.support.Sent;
import org.kashbridge.support.TestFiles;

/**
 * Names and links an attacker or a careless script leaves in the inbox: a name with backslashes and "..", a
 * newline, a name too long for the files written beside it, a symbolic link to a file and to a folder outside.
 * Names are refused into failed/ under a safe name with a report that says why; links are never read, sent or
 * moved; nothing is written outside the data folder.
 */
@QuarkusTest
class HostileFileNamesTest {

    @Inject
    KashSimulator simulator;

    private static final String EDIT = "orderID,payment,itemType,title,price\n%d,-2,free,Tea,1\n";

    private static List<CSVRecord> refused(String safeName) {
        return Inbox.awaitReport(Inbox.failed(), safeName);
    }

    /** The report of a link or a folder, which stays in the inbox (no file beside the report). */
    private static List<CSVRecord> linkReport(String name) throws Exception {
        Path report = Inbox.failed().resolve(name + ".result.csv");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(report));
        try (var r = Files.newBufferedReader(report)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @Test
    void hostileNamesGoToFailedUnderASafeNameWithTheReason() throws Exception {
        Files.createDirectories(Inbox.inbox());
        Files.writeString(Inbox.inbox().resolve("a\\..\\..\\..\\outside\\trav.csv"), EDIT.formatted(29001));
        Files.writeString(Inbox.inbox().resolve("new\nline.csv"), EDIT.formatted(29002));
        Path evilFolder = Inbox.inbox().resolve("evil\\..\\..\\dir");
        Files.createDirectories(evilFolder);
        Files.writeString(evilFolder.resolve("inner.csv"), EDIT.formatted(29004));
        String longName = "l".repeat(220) + ".csv";
        Files.writeString(Inbox.inbox().resolve(longName), EDIT.formatted(29003));

        List<CSVRecord> trav = refused("a_.._.._.._outside_trav.csv");
        assertTrue(trav.get(0).get("message").contains("contains '\\', which is read as a folder separator"),
                trav.get(0).get("message"));
        assertEquals(EDIT.formatted(29001), Files.readString(Inbox.failed().resolve("a_.._.._.._outside_trav.csv")));
        assertTrue(refused("new_line.csv").get(0).get("message").contains("a control character (U+000A)"));
        String cut = "l".repeat(200 - 4) + ".csv";
        assertTrue(refused(cut).get(0).get("message").contains("224 bytes long, more than 200"));
        List<CSVRecord> folder = linkReport("evil_.._.._dir");
        assertTrue(folder.get(0).get("message").contains("the folder evil_.._.._dir is not read"),
                folder.get(0).get("message"));
        assertEquals(EDIT.formatted(29004), Files.readString(evilFolder.resolve("inner.csv")), "the file was moved");
        TestFiles.deleteTree(evilFolder);
        for (long id = 29001; id <= 29004; id++) {
            assertEquals(0, Sent.count(simulator, String.valueOf(id)), id + " was sent");
        }
        // nothing was resolved outside the data folder
        assertFalse(Files.exists(Path.of("target/outside")));
        assertFalse(Files.exists(Inbox.failed().getParent().getParent().resolve("outside")));
    }

    @Test
    void linksAreNeverReadSentOrMoved() throws Exception {
        Path outside = Path.of("target/hostile-outside").toAbsolutePath();
        TestFiles.deleteTree(outside);
        Files.createDirectories(outside.resolve("folder"));
        Path secret = outside.resolve("orders.csv");
        Files.writeString(secret, EDIT.formatted(29011));
        Files.writeString(outside.resolve("folder/inner.csv"), EDIT.formatted(29012));
        Files.createDirectories(Inbox.inbox());
        Files.createSymbolicLink(Inbox.inbox().resolve("link.csv"), secret);
        Files.createSymbolicLink(Inbox.inbox().resolve("linked-folder"), outside.resolve("folder"));
        Inbox.drop("plain-29013.csv", EDIT.formatted(29013));

        assertEquals("OK", Inbox.awaitReport(Inbox.done(), "plain-29013.csv").get(0).get("status"));
        List<CSVRecord> link = linkReport("link.csv");
        assertTrue(link.get(0).get("message").contains("is a symbolic link"), link.get(0).get("message"));
        List<CSVRecord> folder = linkReport("linked-folder");
        assertTrue(folder.get(0).get("message").contains("is a symbolic link"), folder.get(0).get("message"));
        assertEquals(0, Sent.count(simulator, "29011"));
        assertEquals(0, Sent.count(simulator, "29012"));
        // the links and what they point at are where they were, untouched
        assertTrue(Files.isSymbolicLink(Inbox.inbox().resolve("link.csv")));
        assertTrue(Files.isSymbolicLink(Inbox.inbox().resolve("linked-folder")));
        assertEquals(EDIT.formatted(29011), Files.readString(secret));
        assertEquals(EDIT.formatted(29012), Files.readString(outside.resolve("folder/inner.csv")));
        Files.delete(Inbox.inbox().resolve("link.csv"));
        Files.delete(Inbox.inbox().resolve("linked-folder"));
    }
}
