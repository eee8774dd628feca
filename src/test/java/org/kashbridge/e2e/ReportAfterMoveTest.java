package org.kashbridge.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.time.Duration;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.kashbridge.support.Inbox;

/**
 * The report is the signal that a file is done: it appears only once the file has left the inbox, so a watcher
 * that re-drops the same name on seeing it never collides with the file still being there.
 */
@QuarkusTest
class ReportAfterMoveTest {

    @Test
    void theReportAppearsOnlyAfterTheFileLeftTheInbox() {
        for (int i = 0; i < 5; i++) {
            Inbox.drop("watched.csv", Inbox.validateOrders(42_000 + i * 100, 50));
            String done = i == 0 ? "watched.csv" : "watched-" + i + ".csv";
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(1))
                    .until(() -> Files.exists(Inbox.done().resolve(done + ".result.csv")));
            assertFalse(Files.exists(Inbox.inbox().resolve("watched.csv")), "pass " + i
                    + ": the report was there while the file was still in the inbox");
        }
    }
}
