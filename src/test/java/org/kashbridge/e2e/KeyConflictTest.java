package org.kashbridge.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kashbridge.simulator.FaultPlan;
import org.kashbridge.simulator.KashSimulator;
import org.kashbridge.support.Api;
import org.kashbridge.support.Inbox;
import org.kashbridge.support.Jms;
import org.kashbridge.support.Sent;

/**
 * A key the sender chose (Idempotency-Key, editId), reused with another body, is a conflict naming both edits:
 * never DUPLICATE with the other edit's outcome, never sent. The same body under its key is still DUPLICATE, and
 * a key whose edit was REJECTED may carry a corrected one.
 */
@QuarkusTest
class KeyConflictTest {

    @Inject
    KashSimulator simulator;
    @Inject
    ConnectionFactory cf;
    final ExecutorService callers = Executors.newFixedThreadPool(40);

    @AfterEach
    void stop() {
        callers.shutdownNow();
        simulator.faults(new FaultPlan());
    }

    static String payment(long order) {
        return "{\"orderID\":" + order + ",\"payment\":3,\"paymentAmount\":5.00}";
    }

    @Test
    void restKeyReusedForAnotherOrderIsAConflictNamingBoth() {
        Response first = Api.postEdit("conflict-1", payment(52_001));
        assertEquals(200, first.statusCode(), first.asString());
        assertEquals("OK", first.jsonPath().getString("status"));

        Response other = Api.postEdit("conflict-1", payment(52_002));
        assertEquals(422, other.statusCode(), other.asString());
        assertEquals("REJECTED", other.jsonPath().getString("status"));
        String message = other.jsonPath().getString("message");
        assertTrue(message.startsWith("conflict: the key 'conflict-1'") && message.contains("of order 52001, applied")
                && message.contains("this edit, of order 52002, differs from it and is not sent"), message);

        // the same amount on the same order, another amount: also another edit
        Response amount = Api.postEdit("conflict-1", payment(52_001).replace("5.00", "6.00"));
        assertEquals(422, amount.statusCode(), amount.asString());

        Response same = Api.postEdit("conflict-1", payment(52_001));
        assertEquals(200, same.statusCode(), same.asString());
        assertEquals("DUPLICATE", same.jsonPath().getString("status"));
        assertEquals(1, Sent.count(simulator, "52001"));
        assertEquals(0, Sent.count(simulator, "52002"));
        assertEquals(1, simulator.order(52_001).payments.size());
    }

    @Test
    void twoBodiesUnderOneKeyAtTheSameInstantSendOneAndRefuseTheOther() throws Exception {
        FaultPlan slow = new FaultPlan();
        slow.delayMs = 100; // both submissions of a key in flight together
        simulator.faults(slow);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String key = "race-" + i;
            for (long order : new long[] {52_100 + i, 52_200 + i}) {
                answers.add(callers.submit(() -> {
                    go.await();
                    return Api.postEdit(key, payment(order));
                }));
            }
        }
        go.countDown();
        for (int i = 0; i < 20; i++) {
            Response a = answers.get(2 * i).get();
            Response b = answers.get(2 * i + 1).get();
            List<String> got = new ArrayList<>(List.of(a.statusCode() + " " + a.jsonPath().getString("status"),
                    b.statusCode() + " " + b.jsonPath().getString("status")));
            java.util.Collections.sort(got);
            assertEquals(List.of("200 OK", "422 REJECTED"), got, a.asString() + " / " + b.asString());
            Response loser = a.statusCode() == 422 ? a : b;
            assertTrue(loser.jsonPath().getString("message").startsWith("conflict: the key 'race-" + i + "'"),
                    loser.asString());
            assertEquals(1, Sent.count(simulator, String.valueOf(52_100 + i)) + Sent.count(simulator,
                    String.valueOf(52_200 + i)), "one of the two bodies of race-" + i + " is sent, once");
        }
    }

    @Test
    void aKeyWhoseEditWasRejectedMayCarryTheCorrectedEdit() {
        FaultPlan refuse = new FaultPlan();
        refuse.firstRequests = List.of("false"); // Kash answers success:false: recorded REJECTED, nothing applied
        simulator.faults(refuse);
        Response bad = Api.postEdit("fix-52300", payment(52_300).replace("5.00", "5000.00"));
        assertEquals(422, bad.statusCode(), bad.asString());
        assertEquals("REJECTED", bad.jsonPath().getString("status"));
        Response fixed = Api.postEdit("fix-52300", payment(52_300));
        assertEquals(200, fixed.statusCode(), fixed.asString());
        assertEquals("OK", fixed.jsonPath().getString("status"));
        assertEquals(1, simulator.order(52_300).payments.size());
        assertEquals(0, new java.math.BigDecimal("5.00").compareTo(simulator.order(52_300).payments.get(0)));
    }

    @Test
    void theDeadLetterOfAConflictIsNeverReplayedUnderTheKeyItContested() throws Exception {
        // the key's first edit is in flight (held 2 s, then refused by Kash: nothing applied)...
        FaultPlan slow = new FaultPlan();
        slow.firstRequests = List.of("false");
        slow.delayMs = 2_000;
        simulator.faults(slow);
        Future<Response> first = callers.submit(() -> Api.postEdit("erp-52600", payment(52_600)));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> Sent.count(simulator, "52600") == 1);
        // ...when another edit comes under its key: a conflict, dead-lettered
        try (JMSContext ctx = cf.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            var m = ctx.createTextMessage(payment(52_601));
            m.setStringProperty("editId", "erp-52600");
            ctx.createProducer().send(ctx.createQueue("kash.order-edits"), m);
        }
        Message dead = Jms.browse(cf, "kash.order-edits.DLQ", "KashEditKey = 'erp-52600'");
        assertNotNull(dead);
        assertTrue(dead.getBooleanProperty("KashConflict"), dead.getStringProperty("KashStatus") + " "
                + dead.getStringProperty("KashFailureReason"));
        assertEquals(422, first.get().statusCode(), "the first edit was refused by Kash: its key is free again");
        simulator.faults(new FaultPlan());

        // replayed oldest first, the conflict would take the freed key before the edit that owns it; it is refused
        // again (and stays a conflict for the next replay), and the owner's dead letter is sent under its key
        for (List<String> expected : List.of(List.of("REJECTED", "OK"), List.of("REJECTED"))) {
            Response replay = given().header("X-API-Key", Api.KEY)
                    .post("/api/operator/dead-letters/replay?max=10&editKey=erp-52600");
            assertEquals(200, replay.statusCode(), replay.asString());
            assertEquals(expected, replay.jsonPath().getList("status"), replay.asString());
            assertTrue(replay.jsonPath().getString("[0].errors[0].message").startsWith("conflict: not replayed: the "
                    + "key 'erp-52600' names another edit"), replay.asString());
            Message again = Jms.browse(cf, "kash.order-edits.DLQ", "KashEditKey = 'erp-52600'");
            assertTrue(again.getBooleanProperty("KashConflict"));
        }
        assertEquals(0, Sent.count(simulator, "52601"));
        assertEquals(2, Sent.count(simulator, "52600"), "refused by Kash, then replayed");
        assertEquals(1, simulator.order(52_600).payments.size());
    }

    @Test
    void jmsEditIdReusedWithAnotherBodyIsRefusedOnTheResultsQueue() throws Exception {
        String[] bodies = {payment(52_401), payment(52_402)};
        String[] statuses = new String[2];
        for (int i = 0; i < 2; i++) {
            try (JMSContext ctx = cf.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
                var m = ctx.createTextMessage(bodies[i]);
                m.setStringProperty("editId", "erp-52400");
                m.setJMSCorrelationID("conflict-52400-" + i);
                ctx.createProducer().send(ctx.createQueue("kash.order-edits"), m);
            }
            Message result = Jms.receive(cf, "kash.order-edits.results",
                    "JMSCorrelationID = 'conflict-52400-" + i + "'");
            assertNotNull(result);
            JsonNode answer = new ObjectMapper().readTree(result.getBody(String.class));
            statuses[i] = answer.get("status").asText();
            if (i == 1) {
                assertTrue(answer.get("message").asText().startsWith("conflict: the key 'erp-52400'"),
                        answer.toString());
            }
        }
        assertEquals(List.of("OK", "REJECTED"), List.of(statuses));
        assertEquals(0, Sent.count(simulator, "52402"));
    }

    @Test
    void fileEditIdReusedWithAnotherContentIsRefusedInTheReport() {
        Inbox.drop("conflict-a.csv", "editId,orderID,payment,paymentAmount\nerp-52500,52500,3,4.00\n");
        assertEquals("OK", Inbox.awaitReport(Inbox.done(), "conflict-a.csv").get(0).get("status"));
        Inbox.drop("conflict-b.csv", "editId,orderID,payment,paymentAmount\nerp-52500,52501,3,4.00\n");
        CSVRecord row = Inbox.awaitReport(Inbox.done(), "conflict-b.csv").get(0);
        assertEquals("REJECTED", row.get("status"));
        assertTrue(row.get("message").startsWith("conflict: the key 'erp-52500'"), row.get("message"));
        assertEquals(0, Sent.count(simulator, "52501"));
    }
}
