package org.kashbridge.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scripted misbehaviour of the simulator, for fault tests (POST /simulator/faults). Steps, each one
 * request: {@code ok}; an HTTP status such as {@code 503} or {@code 400} (not applied); {@code 429:2}
 * (Retry-After 2 s, not applied); {@code false} (success:false); {@code reset} (connection closed, not
 * applied); {@code apply-reset} (applied, then the connection is closed); {@code apply-stall} (applied,
 * then the reply is held for stallMs). {@code perOrder} is played for every orderID from its first request;
 * {@code firstRequests} once, for the first requests of the run whatever their order; while "down",
 * every request gets 503 and nothing is applied.
 */
public final class FaultPlan {

    /** What to do with one request. */
    public record Step(boolean apply, int status, Integer retryAfterSeconds, boolean refuse, boolean close,
            long delayMs) {
        static final Step OK = new Step(true, 200, null, false, false, 0);
    }

    public List<String> perOrder = List.of();
    public List<String> firstRequests = List.of();
    public long delayMs;
    public long downForMs;
    public long stallMs = 10_000;

    private final Map<Long, AtomicInteger> cursor = new ConcurrentHashMap<>();
    private final AtomicInteger global = new AtomicInteger();
    private volatile long downUntil;

    /** Starts the plan's clock (the "down" window opens now). */
    FaultPlan start() {
        downUntil = downForMs > 0 ? System.currentTimeMillis() + downForMs : 0;
        return this;
    }

    Step next(long orderID) {
        if (System.currentTimeMillis() < downUntil) {
            return parse("503");
        }
        int g = global.getAndIncrement();
        if (g < firstRequests.size()) {
            return parse(firstRequests.get(g));
        }
        int i = cursor.computeIfAbsent(orderID, id -> new AtomicInteger()).getAndIncrement();
        return i < perOrder.size() ? parse(perOrder.get(i)) : withDelay(Step.OK);
    }

    private Step withDelay(Step s) {
        return delayMs == 0 ? s : new Step(s.apply(), s.status(), s.retryAfterSeconds(), s.refuse(), s.close(),
                s.delayMs() + delayMs);
    }

    private Step parse(String step) {
        String s = step.trim().toLowerCase();
        Step parsed = switch (s) {
            case "ok", "200" -> Step.OK;
            case "false" -> new Step(false, 200, null, true, false, 0);
            case "reset" -> new Step(false, 0, null, false, true, 0);
            case "apply-reset" -> new Step(true, 0, null, false, true, 0);
            case "apply-stall" -> new Step(true, 200, null, false, false, stallMs);
            default -> {
                if (s.startsWith("429:")) {
                    yield new Step(false, 429, Integer.parseInt(s.substring(4)), false, false, 0);
                }
                yield new Step(false, Integer.parseInt(s), null, false, false, 0);
            }
        };
        return withDelay(parsed);
    }

    static FaultPlan none() {
        return new FaultPlan();
    }

    /** Plans are compared by content in logs only. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add("perOrder=" + perOrder);
        parts.add("firstRequests=" + firstRequests);
        parts.add("delayMs=" + delayMs);
        parts.add("downForMs=" + downForMs);
        parts.add("stallMs=" + stallMs);
        return String.join(", ", parts);
    }
}
