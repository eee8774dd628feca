package org.kashbridge.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.kashbridge.simulator.FaultPlan;
import org.kashbridge.simulator.KashSimulator;
import org.kashbridge.support.Inbox;
import org.kashbridge.support.Sent;
import org.kashbridge.support.Settings;

/**
 * data/review/ shows the ledger's AMBIGUOUS keys, one file per key: a replay of such dead letters takes only what
 * was in the DLQ when it began (it does not go round its own output) and adds no second record; resolving the
 * review moves the record to data/review/resolved/.
 */
@QuarkusTest
@QuarkusTestResource(value = Settings.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "kash.read-timeout-ms", value = "300"))
class ReviewRecordsTest {

    @Inject
    KashSimulator simulator;

    static Path review() {
        return Path.of(ConfigProvider.getConfig().getValue("kash.review.dir", String.class));
    }

    static List<Path> records(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void oneRecordPerKeyAndResolvingMovesIt() throws Exception {
        FaultPlan stall = new FaultPlan();
        stall.perOrder = List.of("apply-stall");
        stall.stallMs = 1500;
        simulator.faults(stall);
        try {
            Inbox.drop("stalled.csv", "editId,orderID,payment,paymentAmount\nrev-1,43001,3,2.00\nrev-2,43002,3,2.00\n");
            Inbox.awaitReport(Inbox.done(), "stalled.csv");
        } finally {
            simulator.faults(new FaultPlan());
        }
        assertEquals(2, records(review()).size());
        // a replay takes the two dead letters once: each is still under review, and goes back to the DLQ
        List<String> replayed = given().header("X-API-Key", "test-api-key")
                .post("/api/operator/dead-letters/replay?max=30").then().statusCode(200).extract().path("status");
        assertTrue(replayed.stream().allMatch("AMBIGUOUS"::equals) && replayed.size() >= 2, replayed.toString());
        assertTrue(replayed.size() < 30, "the replay went round its own dead letters: " + replayed.size());
        assertEquals(2, records(review()).size());
        assertEquals(1, Sent.count(simulator, "43001"));

        given().header("X-API-Key", "test-api-key").contentType(ContentType.JSON).body("{\"applied\":true}")
                .post("/api/operator/review/editId:rev-1").then().statusCode(200).body("status", equalTo("SUCCEEDED"));
        await().atMost(Duration.ofSeconds(5)).until(() -> records(review()).size() == 1
                && records(review().resolve("resolved")).size() == 1);
        assertTrue(records(review().resolve("resolved")).get(0).getFileName().toString().startsWith("editId-rev-1_"));
        given().header("X-API-Key", "test-api-key").get("/api/operator/review").then().statusCode(200)
                .body("key", equalTo(List.of("editId:rev-2")));
    }
}
