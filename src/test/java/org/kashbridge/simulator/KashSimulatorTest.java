package org.kashbridge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

class KashSimulatorTest {

    /** A field added to the bridge's schema must be one the simulator (playing Kash) knows, or no test could send it. */
    @Test
    void theSimulatorKnowsEveryFieldTheBridgeSends() {
        for (org.kashbridge.model.OrderField f : org.kashbridge.model.OrderField.values()) {
            org.junit.jupiter.api.Assertions.assertTrue(KashSimulator.SCALARS.contains(f.name()), f.name());
        }
    }

    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");
    private final KashSimulator sim = KashSimulator.standalone("S", "K", true, new BigDecimal("10.00"));

    private String post(String body) {
        return sim.handle("shopID=S&key=K&" + body, FORM, "http://sim").json();
    }

    @Test
    void quoteThenValidatedThenPaidWithDocumentedShapes() {
        assertEquals("{\"success\":true,\"orderID\":1,\"paymentLink\":\"http://sim/simulator/pay/1\","
                + "\"quote\":\"http://sim/simulator/pdf/quote-1.pdf\"}",
                post("orderID=1&payment=-2&itemsList%5B%5D=Free_12.99_Item"));
        assertEquals("{\"success\":true,\"orderID\":1,\"paymentLink\":\"http://sim/simulator/pay/1\","
                + "\"invoice\":\"http://sim/simulator/pdf/invoice-1.pdf\"}", post("orderID=1&payment=-1"));
        assertEquals("{\"success\":true,\"orderID\":1,\"paymentLink\":\"http://sim/simulator/pay/1\","
                + "\"invoice\":\"http://sim/simulator/pdf/invoice-1.pdf\"}",
                post("orderID=1&payment=3&paymentAmount=5"));
        assertEquals(KashSimulator.State.VALIDATED, sim.order(1).state);
        assertEquals("{\"success\":true,\"orderID\":1,\"invoice\":\"http://sim/simulator/pdf/invoice-1.pdf\"}",
                post("orderID=1&payment=3"));
        assertEquals(KashSimulator.State.PAID, sim.order(1).state);
        assertEquals(new BigDecimal("12.99"), sim.order(1).paid);
    }

    @Test
    void validatedOrdersOnlyAcceptPayments() {
        post("orderID=2&payment=-1");
        assertEquals("{\"success\":false,\"result\":\"Order 2 is validated: only payments can be recorded\"}",
                post("orderID=2&payment=-1&itemsList%5B%5D=7"));
        assertEquals("{\"success\":false,\"result\":\"Order 2 is validated: only payments can be recorded\"}",
                post("orderID=2&payment=-1&client%5Bnom%5D=X"));
        assertEquals("{\"success\":false,\"result\":\"Order 2 is validated and cannot go back to a quote\"}",
                post("orderID=2&payment=-2"));
    }

    @Test
    void articleTotalsUseQuantityAndPrice() {
        post("orderID=3&payment=-2&itemsList%5B%5D=12_2_Pizza_14.50_3_8&itemsList%5B%5D=7&itemsList%5B%5D=-5_9.99_X");
        assertEquals(new BigDecimal("48.99"), sim.order(3).total.stripTrailingZeros().setScale(2));
    }

    @Test
    void refusesWrongCredentialsUnknownOrdersAndBadInput() {
        assertEquals("{\"success\":false,\"result\":\"Invalid shopID or key\"}",
                sim.handle("shopID=S&key=WRONG&orderID=1&payment=-2", FORM, "x").json());
        KashSimulator strict = KashSimulator.standalone("S", "K", false, BigDecimal.TEN);
        assertEquals("{\"success\":false,\"result\":\"Unknown order 9\"}",
                strict.handle("shopID=S&key=K&orderID=9&payment=-2", FORM, "x").json());
        assertEquals("{\"success\":false,\"result\":\"Malformed itemsList[] entry 1: 'Free_9,99_X'\"}",
                post("orderID=4&payment=-2&itemsList%5B%5D=Free_9%2C99_X"));
        assertEquals("{\"success\":false,\"result\":\"Malformed itemsList[] entry 1: '12_2_Title'\"}",
                post("orderID=4&payment=-2&itemsList%5B%5D=12_2_Title"));
        assertEquals("{\"success\":false,\"result\":\"deliveryMethod must be between 0 and 6, got 7\"}",
                post("orderID=4&payment=-2&deliveryMethod=7"));
        assertEquals("{\"success\":false,\"result\":\"paymentAmount needs a payment method in payment\"}",
                post("orderID=4&payment=-1&paymentAmount=3"));
        assertEquals("{\"success\":false,\"result\":\"Missing parameter payment\"}", post("orderID=4"));
    }

    @Test
    void parsesBodiesStrictly() {
        assertEquals("{\"success\":false,\"result\":\"Malformed request: parameter 'orderID' is repeated\"}",
                post("orderID=4&orderID=5&payment=-2"));
        assertEquals("{\"success\":false,\"result\":\"Unknown parameter itemsList\"}",
                post("orderID=4&payment=-2&itemsList=7"));
        assertEquals("{\"success\":false,\"result\":\"Malformed request: incomplete percent escape in 'a%2'\"}",
                post("orderID=4&payment=-2&publicComment=a%2"));
        assertEquals(
                "{\"success\":false,\"result\":\"Malformed request: unencoded non-ASCII character in 'caf\u00e9'\"}",
                post("orderID=4&payment=-2&publicComment=caf\u00e9"));
        assertEquals("{\"success\":false,\"result\":\"Content-Type must be application/x-www-form-urlencoded, got "
                + "application/json\"}", sim.handle("{}", Map.of("Content-Type", "application/json"), "x").json());
    }

    @Test
    void faultScriptsPlayPerOrderAndCountApplications() {
        FaultPlan plan = new FaultPlan();
        plan.perOrder = java.util.List.of("503", "429:2", "false", "apply-reset", "ok");
        sim.faults(plan);
        KashSimulator.Reply first = sim.handle("shopID=S&key=K&orderID=50&payment=3", FORM, "x");
        assertEquals(503, first.status());
        KashSimulator.Reply second = sim.handle("shopID=S&key=K&orderID=50&payment=3", FORM, "x");
        assertEquals(429, second.status());
        assertEquals(2, second.retryAfter());
        assertEquals("{\"success\":false,\"result\":\"Simulated refusal\"}",
                sim.handle("shopID=S&key=K&orderID=50&payment=3", FORM, "x").json());
        KashSimulator.Reply reset = sim.handle("shopID=S&key=K&orderID=50&payment=3", FORM, "x");
        assertEquals(true, reset.close());
        assertEquals(1, ((java.util.Map<?, ?>) sim.stats().get("applied")).get(50L));
        sim.handle("shopID=S&key=K&orderID=50&payment=3", FORM, "x");
        assertEquals(2, ((java.util.Map<?, ?>) sim.stats().get("applied")).get(50L));
        assertEquals(5, ((java.util.List<?>) ((java.util.Map<?, ?>) sim.stats().get("requestTimes")).get(50L)).size());
    }
}
