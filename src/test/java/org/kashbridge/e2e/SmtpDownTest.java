package org.kashbridge.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.kashbridge.support.FreePortResource;
import org.kashbridge.support.Inbox;

/** With the SMTP server down, edits are processed as usual and each alert is kept as a file. */
@QuarkusTest
@QuarkusTestResource(value = SmtpDownTest.DeadSmtp.class, restrictToAnnotatedClass = true)
class SmtpDownTest {

    /** Points the mail endpoint at a port where nothing listens. */
    public static class DeadSmtp implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of("kash.mail.endpoint", "smtp://127.0.0.1:" + FreePortResource.freePort());
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void editsGoThroughAndAlertsAreRecorded() throws Exception {
        Inbox.drop("smtp-down.csv", "orderID,payment,itemType,title,price\n26001,-2,free,Ok,1\n26002,-2,free,Bad,-1\n");
        List<CSVRecord> report = Inbox.awaitReport(Inbox.done(), "smtp-down.csv");
        assertEquals(List.of("OK", "REJECTED"), report.stream().map(r -> r.get("status")).toList());
        Path unsent = Path.of(ConfigProvider.getConfig().getValue("kash.alerts.unsent-dir", String.class));
        await().atMost(Duration.ofSeconds(20)).until(() -> count(unsent) >= 2); // the edit alert and the file summary
        try (Stream<Path> files = Files.list(unsent)) {
            String all = String.join("\n", files.map(Inbox::read).toList());
            assertTrue(all.contains("Subject: [kash-bridge] REJECTED edit 26002"), all);
            assertTrue(all.contains("Not sent:"), all);
        }
    }

    private static long count(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
