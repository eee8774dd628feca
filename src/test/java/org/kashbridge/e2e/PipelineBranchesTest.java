package org.kashbridge.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kashbridge.core.EditEnvelope;
import org.kashbridge.simulator.FaultPlan;
import org.kashbridge.simulator.KashSimulator;

/**
 * The branches of routes/pipeline.camel.yaml, counted route by route for one edit at a time: an invalid edit
 * and a duplicate never enter call-kash; a new edit goes through call-kash once and kash-attempt once; a
 * transient failure repeats kash-attempt (the attempt, with its throttle and call slot), not call-kash; every
 * edit ends in route-outcome, which sends a success to the success endpoints only (archive) and a failure to
 * the failure endpoints only (dead letter, alert mail; the shipped KASH_*_ENDPOINTS). A lost reply is attempted
 * again only for a harmless edit; a payment goes to review (its AMBIGUOUS branch), and a 429 waits for its
 * Retry-After. Each route's first step is made to count the edits that enter it (AdviceWith,
 * in an application of its own). A synchronous REST call returns only once its edit's routes are done.
 */
@QuarkusTest
@TestProfile(PipelineBranchesTest.OwnApplication.class)
class PipelineBranchesTest {

    /** Nothing changed but the application: the counting routes are not seen by other test classes. */
    public static class OwnApplication implements QuarkusTestProfile {
    }

    static final Map<String, AtomicInteger> ENTERED = new ConcurrentHashMap<>();

    @Inject
    CamelContext camel;
    @Inject
    KashSimulator simulator;

    @BeforeEach
    void count() throws Exception {
        for (String route : List.of("call-kash", "kash-attempt", "route-outcome", "archive", "dead-letter",
                "alert-mail")) {
            if (camel.getRoute(route).getProperties().get("counted") == null) {
                AdviceWith.adviceWith(camel, route, r -> r.weaveAddFirst().process(e -> {
                    EditEnvelope edit = e.getProperty(EditEnvelope.PROPERTY, EditEnvelope.class);
                    if (edit != null) {
                        ENTERED.computeIfAbsent(route + " " + edit.getEditKey(), k -> new AtomicInteger())
                                .incrementAndGet();
                    }
                }));
                camel.getRoute(route).getProperties().put("counted", true);
            }
        }
    }

    @AfterEach
    void reset() {
        simulator.faults(new FaultPlan());
    }

    /** What the simulator answers to each attempt of an order, in turn. */
    private void faults(String... steps) {
        FaultPlan plan = new FaultPlan();
        plan.perOrder = List.of(steps);
        simulator.faults(plan);
    }

    private static int entered(String route, String editKey) {
        AtomicInteger n = ENTERED.get(route + " " + editKey);
        return n == null ? 0 : n.get();
    }

    private static void post(String key, String body, int status) {
        given().header("X-API-Key", "test-api-key").header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/order-edits").then().statusCode(status);
    }

    @Test
    void anInvalidEditNeverReachesKashButIsRouted() {
        post("branch-invalid", "{\"orderID\":48301,\"payment\":3,\"paymentAmount\":\"lots\"}", 400);
        assertEquals(0, entered("call-kash", "branch-invalid"));
        assertEquals(1, entered("route-outcome", "branch-invalid"));
    }

    @Test
    void aNewEditIsCalledOnceAndADuplicateNeverAgain() {
        String body = "{\"orderID\":48302,\"payment\":3,\"paymentAmount\":2.00}";
        post("branch-dup", body, 200);
        assertEquals(1, entered("call-kash", "branch-dup"));
        assertEquals(1, entered("kash-attempt", "branch-dup"));
        post("branch-dup", body, 200);
        assertEquals(1, entered("call-kash", "branch-dup"), "a duplicate entered call-kash");
        assertEquals(2, entered("route-outcome", "branch-dup"));
    }

    @Test
    void aTransientFailureRepeatsTheAttemptNotTheCall() {
        faults("503", "ok");
        post("branch-retry", "{\"orderID\":48303,\"payment\":-1,\"itemsList\":[\"Free_1.00_Tea\"]}", 200);
        assertEquals(2, entered("kash-attempt", "branch-retry"), "the failed attempt is repeated through kash-attempt");
        assertEquals(1, entered("call-kash", "branch-retry"), "call-kash ran again for a retry");
        assertEquals(1, entered("route-outcome", "branch-retry"));
    }

    @Test
    void aSuccessGoesToTheSuccessEndpointsAndAFailureToTheFailureEndpoints() {
        post("branch-ok", "{\"orderID\":48304,\"payment\":-1,\"itemsList\":[\"Free_1.00_Tea\"]}", 200);
        assertEquals(1, entered("archive", "branch-ok"));
        assertEquals(0, entered("dead-letter", "branch-ok"));
        assertEquals(0, entered("alert-mail", "branch-ok"));
        // Kash refuses the edit (HTTP 400): FAILED, not retried
        faults("400");
        post("branch-failed", "{\"orderID\":48305,\"payment\":-1,\"itemsList\":[\"Free_1.00_Tea\"]}", 502);
        assertEquals(1, entered("kash-attempt", "branch-failed"));
        assertEquals(0, entered("archive", "branch-failed"));
        assertEquals(1, entered("dead-letter", "branch-failed"));
        assertEquals(1, entered("alert-mail", "branch-failed"));
    }

    @Test
    void aLostReplyOnAPaymentIsNeverRepeatedAndIsKeptForReview() throws Exception {
        // applied, then the connection closed: Kash may have recorded the payment, so it is not sent again
        faults("apply-reset", "ok");
        post("branch-ambiguous", "{\"orderID\":48306,\"payment\":3,\"paymentAmount\":4.00}", 504);
        assertEquals(1, entered("kash-attempt", "branch-ambiguous"), "an ambiguous payment was attempted again");
        assertEquals(0, entered("archive", "branch-ambiguous"));
        assertEquals(1, entered("dead-letter", "branch-ambiguous"));
        assertEquals(1, entered("alert-mail", "branch-ambiguous"));
        // route-outcome's AMBIGUOUS branch: one review file, whatever the failure endpoints say
        List<String> mine = reviewFiles("branch-ambiguous");
        assertEquals(1, mine.size(), String.valueOf(mine));
        org.junit.jupiter.api.Assertions.assertTrue(java.nio.file.Files.readString(java.nio.file.Path.of(mine.get(0)))
                .contains("\"status\":\"AMBIGUOUS\""));
    }

    @Test
    void aLostReplyOnAHarmlessEditIsAttemptedAgain() {
        // no payment, no line, no new customer: repeating it changes nothing, so a lost reply is retried
        faults("apply-reset", "ok");
        post("branch-harmless", "{\"orderID\":48307,\"payment\":-2,\"publicComment\":\"ready\"}", 200);
        assertEquals(2, entered("kash-attempt", "branch-harmless"));
        assertEquals(1, entered("call-kash", "branch-harmless"));
        assertEquals(1, entered("archive", "branch-harmless"));
        assertEquals(0, entered("dead-letter", "branch-harmless"));
    }

    @Test
    void aRefusedRepeatAfterALostReplyIsForReviewNotARefusal() throws Exception {
        // the first attempt validated the order and its reply was lost; Kash refuses the repeat because the
        // order is now validated: the edit was applied, so REJECTED ("fix the data") would be wrong
        faults("apply-reset", "ok");
        post("branch-validated", "{\"orderID\":48309,\"payment\":-1,\"publicComment\":\"ready\"}", 504);
        assertEquals(2, entered("kash-attempt", "branch-validated"));
        assertEquals(1, reviewFiles("branch-validated").size());
        assertEquals(1, entered("dead-letter", "branch-validated"));
    }

    @Test
    void aFailedRepeatAfterALostReplyIsForReviewToo() throws Exception {
        // the same, with the repeat refused by an HTTP error instead of success:false: not FAILED ("send again")
        faults("apply-reset", "400");
        post("branch-lost-400", "{\"orderID\":48310,\"payment\":-2,\"publicComment\":\"ready\"}", 504);
        assertEquals(2, entered("kash-attempt", "branch-lost-400"));
        assertEquals(1, reviewFiles("branch-lost-400").size());
    }

    private static List<String> reviewFiles(String key) throws java.io.IOException {
        java.nio.file.Path review = java.nio.file.Path.of(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("kash.review.dir", String.class));
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(review)) {
            return files.map(java.nio.file.Path::toString).filter(f -> f.contains(key)).toList();
        }
    }

    @Test
    void aBusyKashIsAttemptedAgainAfterItsRetryAfter() {
        faults("429:1", "ok");
        long start = System.nanoTime();
        post("branch-busy", "{\"orderID\":48308,\"payment\":-1,\"itemsList\":[\"Free_1.00_Tea\"]}", 200);
        long waitedMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(2, entered("kash-attempt", "branch-busy"));
        assertEquals(1, entered("archive", "branch-busy"));
        // Retry-After: 1 is a lower bound on the wait (no upper bound: a busy machine may take longer)
        org.junit.jupiter.api.Assertions.assertTrue(waitedMs >= 1000, "retried after " + waitedMs + " ms");
    }
}
