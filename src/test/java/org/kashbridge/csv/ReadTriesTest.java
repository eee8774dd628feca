package org.kashbridge.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kashbridge.layout.Layout;
import org.kashbridge.layout.Layouts;

/**
 * A file whose reading keeps failing before anything is sent is left in the inbox to be read again, but only
 * KASH_INBOX_MAX_TRIES (5) times in a row: then it is refused into failed/ with the last reason, never retried
 * every poll forever. A successful read forgets the failures.
 */
@QuarkusTest
class ReadTriesTest {

    @Inject
    InboxFiles files;

    private StagedFile stage(Path p) throws IOException {
        return files.stage(p, new Layouts.Resolution(Layout.canonical(), null, false, ""), p.getFileName().toString(),
                Files.createTempDirectory("tries"));
    }

    @Test
    void theFifthFailedReadRefusesTheFileWithTheLastReason() throws IOException {
        Path gone = Files.createTempDirectory("tries").resolve("gone.csv");
        for (int i = 1; i < 5; i++) {
            assertThrows(NoSuchFileException.class, () -> stage(gone), "a failed try leaves the file in the inbox");
        }
        try (StagedFile refused = stage(gone)) {
            assertFalse(refused.isReadable());
            assertTrue(refused.unreadableReason().startsWith("reading it failed 5 times in a row "
                    + "(KASH_INBOX_MAX_TRIES); the last time: "), refused.unreadableReason());
            assertTrue(refused.unreadableReason().contains("gone.csv"), refused.unreadableReason());
        }
        // counted afresh after a refusal
        assertThrows(NoSuchFileException.class, () -> stage(gone));
    }

    @Test
    void aSuccessfulReadForgetsEarlierFailures() throws IOException {
        Path f = Files.createTempDirectory("tries").resolve("late.csv");
        for (int i = 1; i < 5; i++) {
            assertThrows(NoSuchFileException.class, () -> stage(f));
        }
        Files.writeString(f, "orderID,payment\n7,-1\n");
        try (StagedFile read = stage(f)) {
            assertTrue(read.isReadable());
        }
        Files.delete(f);
        for (int i = 1; i < 5; i++) {
            assertThrows(NoSuchFileException.class, () -> stage(f), "four more tries, not one");
        }
        try (StagedFile refused = stage(f)) {
            assertEquals(false, refused.isReadable());
        }
    }
}
