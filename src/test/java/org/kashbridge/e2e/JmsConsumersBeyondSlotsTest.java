package org.kashbridge.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kashbridge.jms.EmbeddedBroker;
import org.kashbridge.simulator.FaultPlan;
import org.kashbridge.simulator.KashSimulator;
import org.kashbridge.support.Sent;

/**
 * Twice as many JMS consumers as call slots, as docs/api.md advises for throughput: the consumers beyond the slots
 * wait for one, so Kash never has more than KASH_CONCURRENCY calls at once and has all of them; each edit is sent
 * once, and a group's edits (JMSXGroupID = the order) reach Kash in the order sent.
 */
@QuarkusTest
@TestProfile(JmsConsumersBeyondSlotsTest.TwiceTheSlots.class)
class JmsConsumersBeyondSlotsTest {

    private static final int SLOTS = 4;
    private static final int ORDERS = 12;
    private static final int EDITS_PER_ORDER = 3;

    public static class TwiceTheSlots implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kash.concurrency", String.valueOf(SLOTS), "kash.jms.consumers", String.valueOf(2 * SLOTS));
        }
    }

    @Inject
    ConnectionFactory cf;
    @Inject
    KashSimulator simulator;
    @Inject
    EmbeddedBroker broker;

    @BeforeEach
    void slowKash() {
        // every consumer attached before the first message: a group is bound to a consumer when its first message
        // is dispatched, so groups sent while only two consumers were up all went to those two
        await().atMost(Duration.ofSeconds(60)).until(() -> broker.consumersOf("kash.order-edits") >= 2 * SLOTS);
        FaultPlan slow = new FaultPlan();
        slow.delayMs = 150; // long enough for every consumer to be holding a message while the slots are taken
        simulator.faults(slow);
        simulator.restartInFlightCount();
    }

    @AfterEach
    void calm() {
        simulator.faults(new FaultPlan());
    }

    @Test
    void consumersBeyondTheSlotsWaitForOneAndKeepEveryGroupInOrder() throws Exception {
        long firstOrder = 56_100;
        try (JMSContext ctx = cf.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                JMSConsumer results = ctx.createConsumer(ctx.createQueue("kash.order-edits.results"),
                        "JMSCorrelationID LIKE 'beyond-%'")) {
            // edit e of every order, then e + 1 of every order: each group's edits are spread over the queue
            for (int e = 1; e <= EDITS_PER_ORDER; e++) {
                for (int o = 0; o < ORDERS; o++) {
                    long order = firstOrder + o;
                    var m = ctx.createTextMessage("{\"orderID\":" + order + ",\"payment\":-2,\"items\":[{\"type\":"
                            + "\"free\",\"title\":\"e" + e + "\",\"price\":1}]}");
                    m.setStringProperty("JMSXGroupID", String.valueOf(order));
                    m.setJMSCorrelationID("beyond-" + order + "-" + e);
                    ctx.createProducer().send(ctx.createQueue("kash.order-edits"), m);
                }
            }
            Map<String, Integer> statuses = new HashMap<>();
            for (int i = 0; i < ORDERS * EDITS_PER_ORDER; i++) {
                Message outcome = results.receive(60_000);
                assertNotNull(outcome, "outcomes so far: " + statuses);
                statuses.merge(outcome.getStringProperty("KashEditStatus"), 1, Integer::sum);
            }
            assertEquals(Map.of("OK", ORDERS * EDITS_PER_ORDER), statuses);
        }
        for (int o = 0; o < ORDERS; o++) {
            assertEquals(List.of("e1", "e2", "e3"), Sent.to(simulator, String.valueOf(firstOrder + o)).stream()
                    .map(r -> r.body().replaceAll(".*_", "")).toList(),
                    "what reached Kash for order " + (firstOrder + o));
        }
        assertEquals(SLOTS, simulator.maxInFlight(), "most editOrder calls in flight at once");
    }
}
