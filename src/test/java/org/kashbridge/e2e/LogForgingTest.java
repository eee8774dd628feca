package org.kashbridge.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * An editId with a line break cannot forge a log record: what follows the break is indented as the rest of
 * the real record, and a carriage return or a terminal escape is written as \r, \u001B (target/quarkus.log, the
 * test profile's log file, which every handler's filter also guards).
 */
@QuarkusTest
class LogForgingTest {

    private static final String FORGED = "07:51:00.000 ERROR [o.k.FORGED] FORGED-30001";

    @Test
    void aLineBreakInAnEditIdDoesNotStartALogRecord() throws Exception {
        String json = "{\"editId\":\"forge-30001\\n" + FORGED + "\\r\\u001b[2K\",\"orderID\":30001,\"payment\":-2}";
        // accepted or refused, the edit's key is logged
        given().header("X-API-Key", "test-api-key").contentType(ContentType.JSON).body(json).post("/api/order-edits");
        Path log = Path.of("target/quarkus.log");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.readString(log).contains("FORGED-30001"));
        List<String> lines = Files.readAllLines(log);
        assertFalse(lines.stream().anyMatch(l -> l.startsWith(FORGED)), "a forged record starts a line");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("    ") && l.strip().startsWith(FORGED + "\\r\\u001B[2K")),
                "the break is shown as a continuation line, CR and ESC escaped");
        assertFalse(Files.readString(log).contains("\u001b[2K"), "a raw terminal escape reached the log");
    }
}
