package org.kashbridge.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.kashbridge.support.Inbox;

/** Readiness reflects the Camel routes; Prometheus shows the edit counters and the call latency timer. */
@QuarkusTest
class HealthAndMetricsTest {

    @Test
    void readinessIsUpWithCamelChecks() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("camel-routes"));
    }

    @Test
    void countersMoveWhenAFileIsProcessed() {
        double receivedBefore = metric("kash_edits_received_total");
        double rejectedBefore = metric("kash_edits_rejected_total");
        double okBefore = metric("kash_edits_succeeded_total");
        double callsBefore = metric("kash_call_latency_seconds_count");
        Inbox.drop("metrics.csv", "orderID,payment,itemType,title,price\n9101,-2,free,Ok,1\n9102,-2,free,Bad,-1\n");
        Inbox.awaitReport(Inbox.done(), "metrics.csv");
        assertTrue(metric("kash_edits_received_total") >= receivedBefore + 2);
        assertTrue(metric("kash_edits_rejected_total") >= rejectedBefore + 1);
        assertTrue(metric("kash_edits_succeeded_total") >= okBefore + 1);
        // measured against this test's own start: earlier tests in the same JVM moved the counters too
        assertTrue(metric("kash_call_latency_seconds_count") >= callsBefore + 1);
    }

    private static double metric(String name) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(2)) : 0;
    }
}
