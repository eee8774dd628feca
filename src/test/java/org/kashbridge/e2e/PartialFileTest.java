package org.kashbridge.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kashbridge.simulator.KashSimulator;
import org.kashbridge.support.Inbox;

/** A file still being written under a temporary name is never read; after the rename it is read once, whole. */
@QuarkusTest
class PartialFileTest {

    @Inject
    KashSimulator simulator;

    private long sentFor(String orderId) {
        return org.kashbridge.support.Sent.count(simulator, orderId);
    }

    @Test
    void temporaryNameIsIgnoredUntilRenamed() throws Exception {
        Files.createDirectories(Inbox.inbox());
        Path tmp = Inbox.inbox().resolve("slow.csv.tmp");
        Files.writeString(tmp, "orderID,payment,itemType,title,price\n8001,-2,free,First,1\n", StandardCharsets.UTF_8);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> sentFor("8001") == 0);

        Files.writeString(tmp, "8001,,free,Second,2\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        Files.move(tmp, Inbox.inbox().resolve("slow.csv"));
        Inbox.awaitReport(Inbox.done(), "slow.csv");
        assertEquals(List.of("shopID=test-shop&key=" + Inbox.KEY + "&orderID=8001&payment=-2"
                + "&itemsList%5B%5D=Free_1_First&itemsList%5B%5D=Free_2_Second"),
                simulator.received().stream().map(KashSimulator.Request::body).filter(b -> b.contains("orderID=8001"))
                        .toList());
    }
}
