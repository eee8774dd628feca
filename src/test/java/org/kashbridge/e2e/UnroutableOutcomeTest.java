package org.kashbridge.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.kashbridge.simulator.KashSimulator;
import org.kashbridge.support.FlakyDeadLetterRoute;
import org.kashbridge.support.Inbox;
import org.kashbridge.support.Settings;

/**
 * When a failure cannot be dead-lettered, the file is not acknowledged: it stays in the inbox and is read
 * again later. Nothing is lost, and the edit that was applied the first time is not sent again.
 */
@QuarkusTest
@QuarkusTestResource(value = Settings.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "kash.failure-endpoints",
                value = "file:target/test-data/failed,direct:flaky-dead-letter"))
class UnroutableOutcomeTest {

    @Inject
    KashSimulator simulator;
    @Inject
    CamelContext camel;

    static long workFolders() throws java.io.IOException {
        Path work = Inbox.dir("kash.work.dir");
        if (!Files.isDirectory(work)) {
            return 0;
        }
        try (var list = Files.list(work)) {
            return list.filter(p -> p.getFileName().toString().startsWith("inbox-")).count();
        }
    }

    @Test
    void fileStaysUntilTheFailureCanBeRoutedAndNothingIsSentTwice() {
        FlakyDeadLetterRoute.DOWN.set(true);
        // more than a batch (64 KB in tests): the file is staged in a work folder while it is processed
        StringBuilder big = new StringBuilder("orderID,payment,paymentAmount,deliveryMethod,publicComment\n"
                + "30001,3,4.00,,\n30002,-1,,9,\n");
        for (int i = 0; i < 1000; i++) {
            big.append(30_100 + i).append(",-1,,,").append("a comment long enough to make the file bigger ").append(i)
                    .append('\n');
        }
        Inbox.drop("dlq-down.csv", big.toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> simulator.received().stream()
                .anyMatch(r -> r.body().contains("&orderID=30001&")));
        // several polls go by: the file is still there, not moved to done
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> Files.exists(Inbox.inbox().resolve("dlq-down.csv"))
                        && !Files.exists(Inbox.done().resolve("dlq-down.csv")));

        // each failed pass leaves nothing behind: no report, no work folder piling up
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> workFolders() <= 1
                && !Files.exists(Inbox.done().resolve("dlq-down.csv.result.csv"))
                && !Files.exists(Inbox.done().resolve(".dlq-down.csv.result.csv.part")));

        FlakyDeadLetterRoute.DOWN.set(false);
        List<CSVRecord> report = Inbox.awaitReport(Inbox.done(), "dlq-down.csv");
        await().atMost(Duration.ofSeconds(10)).until(() -> workFolders() == 0);
        assertEquals(List.of("30001:DUPLICATE", "30002:REJECTED"),
                report.stream().limit(2).map(r -> r.get("editKey") + ":" + r.get("status")).toList());
        assertEquals(1002, report.size());
        assertEquals(1, simulator.received().stream().filter(r -> r.body().contains("&orderID=30001&")).count());
        assertTrue(simulator.order(30001).payments.size() == 1);
    }
}
