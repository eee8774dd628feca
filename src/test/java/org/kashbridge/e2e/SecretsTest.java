package org.kashbridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.kashbridge.support.FreePortResource;
import org.kashbridge.support.Inbox;

/**
 * The canary API key of the test profile never appears in the log (DEBUG, HTTP wire logging on),
 * the archive, the failed records or the reports.
 */
@QuarkusTest
class SecretsTest {

    @Test
    void keyAppearsNowhere() throws IOException {
        Inbox.drop("secrets.csv", "orderID,payment,itemType,title,price\n9001,-2,free,Ok,1\n9002,-2,free,Bad,-1\n");
        Inbox.awaitReport(Inbox.done(), "secrets.csv");

        Path log = Path.of("target/quarkus.log");
        String logText = Files.readString(log, StandardCharsets.ISO_8859_1);
        // The HTTP client's DEBUG wire log prints the form body: it must show up masked.
        assertTrue(logText.contains("http-outgoing") && logText.contains("&key=****&orderID=9001"),
                "the wire log should show the masked form body");
        assertEquals(0, count(logText, Inbox.KEY), "key found in the log");

        List<Path> written;
        try (Stream<Path> files = Files.walk(FreePortResource.DATA)) {
            written = files.filter(Files::isRegularFile).toList();
        }
        assertTrue(written.size() >= 4, "expected archive, failed and report files, got " + written);
        for (Path p : written) {
            assertEquals(0, count(Files.readString(p, StandardCharsets.ISO_8859_1), Inbox.KEY), "key found in " + p);
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
