package org.kashbridge.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kashbridge.simulator.FaultPlan;
import org.kashbridge.simulator.KashSimulator;
import org.kashbridge.support.Inbox;
import org.kashbridge.support.PostgresLedger;
import org.kashbridge.support.Sent;

/**
 * The PostgreSQL ledger goes away in the middle of a run: nothing is sent while it is unreachable, readiness is
 * DOWN, JMS deliveries are held (not rolled back into the DLQ), a file's pass waits, REST answers 503, and every
 * edit resumes by itself when the database returns: none lost, none twice, none left IN_FLIGHT.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresLedger.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "kash.jms.consumers", value = "4"), @ResourceArg(name = "kash.rest.wait", value = "2s")})
class LedgerOutageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    KashSimulator simulator;
    @Inject
    ConnectionFactory cf;

    @AfterEach
    void databaseBack() throws Exception {
        simulator.faults(new FaultPlan());
        try {
            PostgresLedger.up();
        } catch (Exception alreadyUp) {
            // the test brought it back itself
        }
    }

    private void slowKash() {
        FaultPlan slow = new FaultPlan();
        slow.delayMs = 10;
        simulator.faults(slow);
    }

    private long sentBetween(long from, long to) {
        return simulator.received().stream().filter(r -> {
            for (long id = from; id < to; id++) {
                if (r.body().contains("&orderID=" + id + "&")) {
                    return true;
                }
            }
            return false;
        }).count();
    }

    private void outage(long first, long last, int after) throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> sentBetween(first, last) >= after);
        PostgresLedger.down();
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 503);
        given().get("/q/health/ready").then().body("checks.find { it.name == 'kash-ledger' }.status", equalTo("DOWN"));
        // nothing goes out while the ledger cannot record it
        long during = sentBetween(first, last);
        given().header("X-API-Key", "test-api-key").contentType(ContentType.JSON)
                .body("{\"orderID\":39999,\"payment\":-1}").post("/api/order-edits").then().statusCode(503)
                .header("Retry-After", "5");
        assertTrue(sentBetween(first, last) <= during + 4, "calls went on during the outage"); // those claimed before
        PostgresLedger.up();
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    private void noneInFlight() throws Exception {
        try (var c = PostgresLedger.connect(); var st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM kash_edit WHERE state = 'IN_FLIGHT'")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    @Test
    void jmsEditsWaitForTheLedgerAndNoneIsLostOrSentTwice() throws Exception {
        slowKash();
        int n = 300;
        try (JMSContext ctx = cf.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            for (int i = 0; i < n; i++) {
                var m = ctx
                        .createTextMessage("{\"orderID\":" + (40_000 + i) + ",\"payment\":3,\"paymentAmount\":1.00}");
                m.setStringProperty("editId", "outage-jms-" + i);
                m.setJMSCorrelationID("outage-jms-" + i);
                ctx.createProducer().send(ctx.createQueue("kash.order-edits"), m);
            }
        }
        outage(40_000, 40_000 + n, 40);
        Set<String> ok = new HashSet<>();
        try (JMSContext ctx = cf.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                JMSConsumer results = ctx.createConsumer(ctx.createQueue("kash.order-edits.results"),
                        "JMSCorrelationID LIKE 'outage-jms-%'")) {
            while (ok.size() < n) {
                Message m = results.receive(60_000);
                assertTrue(m != null, "outcomes: " + ok.size());
                assertEquals("OK", JSON.readTree(m.getBody(String.class)).get("status").asText(),
                        m.getBody(String.class));
                ok.add(m.getJMSCorrelationID());
            }
        }
        for (int i = 0; i < n; i++) {
            assertEquals(1, Sent.count(simulator, String.valueOf(40_000 + i)), "order " + (40_000 + i));
        }
        try (JMSContext ctx = cf.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            assertNull(ctx.createConsumer(ctx.createQueue("kash.order-edits.DLQ"), "editId LIKE 'outage-jms-%'")
                    .receive(500));
            assertNull(ctx.createConsumer(ctx.createQueue("DLQ")).receive(500));
        }
        noneInFlight();
    }

    @Test
    void aFilesPassWaitsForTheLedgerAndCompletes() throws Exception {
        slowKash();
        StringBuilder csv = new StringBuilder("orderID,payment,paymentAmount\n");
        for (int i = 0; i < 300; i++) {
            csv.append(41_000 + i).append(",3,1.00\n");
        }
        Inbox.drop("outage.csv", csv.toString());
        outage(41_000, 41_300, 40);
        List<CSVRecord> report = Inbox.awaitReport(Inbox.done(), "outage.csv");
        assertEquals(300, report.size());
        assertTrue(report.stream().allMatch(r -> r.get("status").equals("OK")), report.toString());
        for (int i = 0; i < 300; i++) {
            assertEquals(1, Sent.count(simulator, String.valueOf(41_000 + i)), "order " + (41_000 + i));
        }
        noneInFlight();
    }
}
