package org.kashbridge.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.kashbridge.core.EditEnvelope;
import org.kashbridge.support.TestSettings;

/** The REST ingest's steps on their own: how a request becomes edits, and when an edit's wait begins. */
class RestEditsTest {

    private static RestEdits steps() {
        RestEdits steps = new RestEdits();
        steps.kash = TestSettings.kash(Map.of("kash.rest.wait", "5s"));
        return steps;
    }

    private static Exchange request(String body, String key) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(body);
        exchange.getMessage().setHeader(RestEdits.IDEMPOTENCY_KEY, key);
        return exchange;
    }

    @Test
    void eachEditOfAnArrayIsNamedByItsPositionAndWaitsFromItsOwnTurn() {
        RestEdits steps = steps();
        Exchange exchange = request("[{\"orderID\":1,\"payment\":-1},{\"orderID\":2,\"payment\":-1}]", "k");
        List<EditEnvelope> edits = steps.read(exchange);
        assertEquals(List.of("k#0", "k#1"), edits.stream().map(EditEnvelope::getEditKey).toList());
        assertEquals(Boolean.TRUE, exchange.getProperty(RestEdits.ARRAY));
        // no clock runs while an edit waits behind the others of its array
        edits.forEach(e -> assertEquals(Long.MAX_VALUE, e.deadline(), e.getEditKey()));
        Exchange turn = new DefaultExchange(exchange.getContext());
        turn.getMessage().setBody(edits.get(1));
        long before = System.currentTimeMillis();
        steps.turnBegins(turn);
        long deadline = edits.get(1).deadline();
        assertTrue(deadline >= before + 5_000 && deadline <= System.currentTimeMillis() + 5_000,
                "deadline " + deadline);
        assertEquals(Long.MAX_VALUE, edits.get(0).deadline());
    }

    @Test
    void anArrayWithAnEditThatDidNotGetThroughIs503SoThatTheCallerSendsItAgain() {
        Exchange exchange = request("[]", null);
        exchange.setProperty(RestEdits.ARRAY, true);
        exchange.getMessage().setBody(List.of(new RestAnswer(200, Map.of("status", "OK")),
                new RestAnswer(503, Map.of("status", "FAILED"), "5"), "not an answer"));
        RestAnswer answer = steps().answer(exchange);
        assertEquals(503, answer.status());
        assertEquals("5", answer.retryAfter());
        List<?> entities = (List<?>) answer.entity();
        assertEquals(3, entities.size());
        assertEquals("FAILED", ((Map<?, ?>) entities.get(2)).get("status"));
    }
}
