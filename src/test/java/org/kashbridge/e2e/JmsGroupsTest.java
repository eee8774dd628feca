package org.kashbridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
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
import org.junit.jupiter.api.Test;
import org.kashbridge.simulator.FaultPlan;
import org.kashbridge.simulator.KashSimulator;
import org.kashbridge.support.Sent;

/**
 * Edits grouped by JMSXGroupID (as docs/api.md asks producers to, for ordering with several consumers): a group's
 * edits go one after another, in order, and a group whose consumer is busy does not hold up the others. With no
 * prefetch (consumerWindowSize=0), Artemis stopped dispatching the whole queue while the group at its head waited
 * for its busy consumer: an edit of another group came out only after the busy group's second edit.
 */
@QuarkusTest
@TestProfile(JmsGroupsTest.TwoConsumers.class)
class JmsGroupsTest {

    public static class TwoConsumers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kash.jms.consumers", "2");
        }
    }

    @Inject
    ConnectionFactory cf;
    @Inject
    KashSimulator simulator;

    @AfterEach
    void calm() {
        simulator.faults(new FaultPlan());
    }

    @Test
    void aBusyGroupDoesNotHoldUpAnother() throws Exception {
        FaultPlan slow = new FaultPlan();
        slow.delayMs = 600; // every Kash call takes this long
        simulator.faults(slow);
        try (JMSContext ctx = cf.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                JMSConsumer results = ctx.createConsumer(ctx.createQueue("kash.order-edits.results"),
                        "JMSCorrelationID LIKE 'groups-%'")) {
            String[][] sends = {{"a1", "54001", "A"}, {"a2", "54001", "A"}, {"a3", "54001", "A"}, {"b1", "54002", "B"}};
            for (String[] s : sends) {
                var m = ctx.createTextMessage("{\"orderID\":" + s[1] + ",\"payment\":-2,\"items\":[{\"type\":\"free\","
                        + "\"title\":\"" + s[0] + "\",\"price\":1}]}");
                m.setStringProperty("JMSXGroupID", "groups-test-" + s[2]);
                m.setJMSCorrelationID("groups-" + s[0]);
                ctx.createProducer().send(ctx.createQueue("kash.order-edits"), m);
            }
            List<String> order = new ArrayList<>();
            for (int i = 0; i < sends.length; i++) {
                Message outcome = results.receive(30_000);
                assertNotNull(outcome, "outcomes so far: " + order);
                order.add(outcome.getJMSCorrelationID().substring("groups-".length()));
            }
            // group A in its order; B while A's consumer was busy with A's first edit, not after its second
            assertEquals(List.of("a1", "a2", "a3"), order.stream().filter(k -> k.startsWith("a")).toList());
            assertTrue(order.indexOf("b1") < order.indexOf("a2"), "outcomes in this order: " + order);
        }
        assertEquals(List.of("a1", "a2", "a3"), Sent.to(simulator, "54001").stream()
                .map(r -> r.body().replaceAll(".*_", "")).toList());
    }
}
