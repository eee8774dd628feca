package org.kashbridge.simulator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kashbridge.kash.KashTarget;

/**
 * A faithful double of POST /workers/editOrder.php, written from the vendor's documentation and kept
 * independent of the bridge's own encoder and validator so that it catches their mistakes. Orders move
 * quote -> validated -> paid; lines are appended only while not validated; once validated only payments
 * are accepted; paymentAmount makes partial payments. Replies use the documented shapes.
 */
@ApplicationScoped
public class KashSimulator {

    /** The form fields Kash knows besides client[...] and itemsList[] (KashSimulatorTest: all that the bridge sends). */
    static final Set<String> SCALARS = Set.of("shopID", "key", "orderID", "payment", "paymentAmount", "idUser",
            "idClient", "idtable", "idcaisse", "numcouverts", "publicComment", "privateComment", "pagerNum",
            "deliveryMethod");
    private static final Set<String> CLIENT = Set.of("nom", "prenom", "email", "telephone", "adresseligne1",
            "adresseligne2", "commentaireadresse", "codepostal", "ville", "pays", "numtva", "rcs", "codeBarre",
            "telephone2", "lat", "lng");
    /** Fields that change an order other than by paying it: refused once it is validated. */
    private static final Set<String> CHANGES = Set.of("idUser", "idClient", "idtable", "idcaisse", "numcouverts",
            "publicComment", "privateComment", "pagerNum", "deliveryMethod");
    private static final String NUM = "(\\d+(?:\\.\\d+)?)";
    private static final Pattern ARTICLE = Pattern.compile("([1-9]\\d*)(?:_" + NUM + "(?:_([^_]*)_" + NUM
            + "?((?:_[1-9]\\d*){0,5}))?)?");
    private static final Pattern DEPARTMENT = Pattern.compile("-([1-9]\\d*)_" + NUM + "_([^_]+)");
    private static final Pattern FREE = Pattern.compile("Free_" + NUM + "_([^_]+)");
    private static final Pattern INT = Pattern.compile("-?\\d{1,18}");

    public enum State {
        QUOTE, VALIDATED, PAID
    }

    /** One order as the simulator holds it. */
    public static final class SimOrder {
        public final long id;
        public State state = State.QUOTE;
        public BigDecimal total = BigDecimal.ZERO;
        public BigDecimal paid = BigDecimal.ZERO;
        public final List<String> lines = new ArrayList<>();
        public final Map<String, String> fields = new LinkedHashMap<>();
        public final Map<String, String> client = new LinkedHashMap<>();
        public final List<BigDecimal> payments = new ArrayList<>();

        SimOrder(long id) {
            this.id = id;
        }
    }

    /** One request as it reached the simulator: the raw body and the header names and values. */
    public record Request(String body, Map<String, String> headers) {
    }

    /**
     * What the HTTP layer sends back: status and body, after {@code delayMs}; with {@code close} the
     * connection is closed instead of answering; {@code retryAfter} becomes a Retry-After header.
     */
    public record Reply(int status, String json, long delayMs, boolean close, Integer retryAfter) {
        Reply(int status, String json) {
            this(status, json, 0, false, null);
        }
    }

    @Inject
    KashTarget target;
    @ConfigProperty(name = "kash-simulator.auto-create", defaultValue = "true")
    boolean autoCreate;
    @ConfigProperty(name = "kash-simulator.article-price", defaultValue = "10.00")
    BigDecimal articlePrice;

    private final Map<Long, SimOrder> orders = new ConcurrentHashMap<>();
    private final Map<Long, List<Long>> requestTimes = new ConcurrentHashMap<>();
    private final Map<Long, Integer> applied = new ConcurrentHashMap<>();
    private volatile FaultPlan faults = FaultPlan.none();
    // appended on the event loop for every request: O(1), not a copy-on-write list that copied every request
    // received so far on each one (and made the simulator slower the longer a run went)
    private final java.util.Queue<Request> received = new java.util.concurrent.ConcurrentLinkedQueue<>();
    // requests being answered now, and the most at once since the last reset (the bridge's in-flight cap)
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger maxInFlight = new java.util.concurrent.atomic.AtomicInteger();
    private String fixedShopId;
    private String fixedApiKey;

    /** A simulator outside CDI, for unit tests. */
    public static KashSimulator standalone(String shopId, String apiKey, boolean autoCreate, BigDecimal articlePrice) {
        KashSimulator s = new KashSimulator();
        s.fixedShopId = shopId;
        s.fixedApiKey = apiKey;
        s.autoCreate = autoCreate;
        s.articlePrice = articlePrice;
        return s;
    }

    /** Every request received so far, in order (tests assert on these bytes): a copy. */
    public List<Request> received() {
        return List.copyOf(received);
    }

    public SimOrder order(long id) {
        return orders.get(id);
    }

    public Map<Long, SimOrder> orders() {
        return Collections.unmodifiableMap(orders);
    }

    /** Creates an order in the given state, as if it had been recorded on the till. */
    public SimOrder seed(long id, State state, BigDecimal total) {
        SimOrder o = new SimOrder(id);
        o.state = state;
        o.total = total;
        orders.put(id, o);
        return o;
    }

    public void reset() {
        orders.clear();
        received.clear();
        requestTimes.clear();
        restartInFlightCount();
        applied.clear();
        faults = FaultPlan.none();
    }

    public void faults(FaultPlan plan) {
        faults = plan.start();
    }

    /** For fault tests: per orderID, how many requests arrived (and when) and how many edits were applied. */
    public Map<String, Object> stats() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("requests", received.size());
        s.put("maxInFlight", maxInFlight.get());
        s.put("requestTimes", new java.util.TreeMap<>(requestTimes));
        s.put("applied", new java.util.TreeMap<>(applied));
        return s;
    }

    /** The HTTP layer calls this when a request arrives and {@link #answered()} once it is answered or closed. */
    public void arrived() {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    }

    public void answered() {
        inFlight.decrementAndGet();
    }

    /** Requests being answered now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** The most requests that were being answered at the same time since the last reset or restart. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** Counts the most requests at once from now on, starting from those being answered now. */
    public void restartInFlightCount() {
        maxInFlight.set(inFlight.get());
    }

    public Reply handle(String body, Map<String, String> headers, String linkBase) {
        received.add(new Request(body == null ? "" : body, Map.copyOf(headers)));
        String contentType = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Content-Type"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (contentType == null || !contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            return fail("Content-Type must be application/x-www-form-urlencoded, got " + contentType);
        }
        StrictForm form;
        try {
            form = StrictForm.parse(body);
        } catch (StrictForm.FormException e) {
            return fail("Malformed request: " + e.getMessage());
        }
        for (String name : form.single.keySet()) {
            if (!SCALARS.contains(name) && !(name.startsWith("client[") && name.endsWith("]")
                    && CLIENT.contains(name.substring(7, name.length() - 1)))) {
                return fail("Unknown parameter " + name);
            }
        }
        String shopId = fixedShopId != null ? fixedShopId : target.shopId();
        String apiKey = fixedApiKey != null ? fixedApiKey : target.apiKey();
        if (!shopId.equals(form.single.get("shopID")) || !apiKey.equals(form.single.get("key"))) {
            return fail("Invalid shopID or key");
        }
        String problem = checkRanges(form.single);
        if (problem != null) {
            return fail(problem);
        }
        List<BigDecimal> lineTotals = new ArrayList<>();
        for (int i = 0; i < form.items.size(); i++) {
            BigDecimal t = lineTotal(form.items.get(i));
            if (t == null) {
                return fail("Malformed itemsList[] entry " + (i + 1) + ": '" + form.items.get(i) + "'");
            }
            lineTotals.add(t);
        }
        long orderID = Long.parseLong(form.single.get("orderID"));
        long payment = Long.parseLong(form.single.get("payment"));
        requestTimes.computeIfAbsent(orderID, id -> new CopyOnWriteArrayList<>()).add(System.currentTimeMillis());
        FaultPlan.Step step = faults.next(orderID);
        if (!step.apply()) {
            if (step.close()) {
                return new Reply(0, "", step.delayMs(), true, null);
            }
            if (step.refuse()) {
                Reply refusal = fail("Simulated refusal");
                return new Reply(refusal.status(), refusal.json(), step.delayMs(), false, null);
            }
            return new Reply(step.status(), "<html><body>Simulated HTTP " + step.status() + "</body></html>",
                    step.delayMs(), false, step.retryAfterSeconds());
        }
        Reply reply = apply(form, lineTotals, orderID, payment, linkBase);
        if (reply.json().startsWith("{\"success\":true")) {
            applied.merge(orderID, 1, Integer::sum);
        }
        return new Reply(reply.status(), reply.json(), step.delayMs(), step.close(), null);
    }

    private Reply apply(StrictForm form, List<BigDecimal> lineTotals, long orderID, long payment, String linkBase) {
        synchronized (this) {
            SimOrder existing = orders.get(orderID);
            if (existing == null && !autoCreate) {
                return fail("Unknown order " + orderID);
            }
            SimOrder order = existing != null ? existing : new SimOrder(orderID);
            orders.putIfAbsent(orderID, order);
            boolean changes = !form.items.isEmpty() || form.single.keySet().stream()
                    .anyMatch(k -> CHANGES.contains(k) || k.startsWith("client["));
            if (order.state != State.QUOTE && changes) {
                return fail("Order " + orderID + " is validated: only payments can be recorded");
            }
            if (order.state != State.QUOTE && payment == -2) {
                return fail("Order " + orderID + " is validated and cannot go back to a quote");
            }
            order.lines.addAll(form.items);
            for (BigDecimal t : lineTotals) {
                order.total = order.total.add(t);
            }
            form.single.forEach((k, v) -> {
                if (k.startsWith("client[")) {
                    order.client.put(k.substring(7, k.length() - 1), v);
                } else if (CHANGES.contains(k)) {
                    order.fields.put(k, v);
                }
            });
            if (payment == -1 && order.state == State.QUOTE) {
                order.state = State.VALIDATED;
            } else if (payment > 0) {
                BigDecimal due = order.total.subtract(order.paid).max(BigDecimal.ZERO);
                BigDecimal amount = form.single.containsKey("paymentAmount")
                        ? new BigDecimal(form.single.get("paymentAmount")) : due;
                order.paid = order.paid.add(amount);
                order.payments.add(amount);
                order.state = order.paid.compareTo(order.total) >= 0 ? State.PAID : State.VALIDATED;
            }
            return success(order, linkBase);
        }
    }

    private static String checkRanges(Map<String, String> f) {
        for (String required : List.of("orderID", "payment")) {
            if (!f.containsKey(required)) {
                return "Missing parameter " + required;
            }
        }
        for (String k : List.of("orderID", "payment", "idUser", "idClient", "idtable", "idcaisse", "numcouverts",
                "pagerNum", "deliveryMethod")) {
            if (f.containsKey(k) && !INT.matcher(f.get(k)).matches()) {
                return "Parameter " + k + " must be an integer, got '" + f.get(k) + "'";
            }
        }
        if (Long.parseLong(f.get("orderID")) <= 0) {
            return "Invalid orderID " + f.get("orderID");
        }
        long payment = Long.parseLong(f.get("payment"));
        if (payment == 0 || payment < -2) {
            return "Invalid payment " + payment;
        }
        if (f.containsKey("deliveryMethod")) {
            long d = Long.parseLong(f.get("deliveryMethod"));
            if (d < 0 || d > 6) {
                return "deliveryMethod must be between 0 and 6, got " + d;
            }
        }
        if (f.containsKey("paymentAmount")) {
            if (!f.get("paymentAmount").matches(NUM)) {
                return "Invalid paymentAmount '" + f.get("paymentAmount") + "'";
            }
            if (payment <= 0) {
                return "paymentAmount needs a payment method in payment";
            }
        }
        return null;
    }

    /** The amount a token adds to the order, or null when it does not follow the documented grammar. */
    private BigDecimal lineTotal(String token) {
        Matcher m = FREE.matcher(token);
        if (m.matches()) {
            return new BigDecimal(m.group(1));
        }
        m = DEPARTMENT.matcher(token);
        if (m.matches()) {
            return new BigDecimal(m.group(2));
        }
        m = ARTICLE.matcher(token);
        if (m.matches()) {
            BigDecimal qty = m.group(2) == null ? BigDecimal.ONE : new BigDecimal(m.group(2));
            if (qty.signum() <= 0) {
                return null;
            }
            BigDecimal price = m.group(4) == null ? articlePrice : new BigDecimal(m.group(4));
            return qty.multiply(price);
        }
        return null;
    }

    private static Reply success(SimOrder order, String linkBase) {
        StringBuilder sb = new StringBuilder("{\"success\":true,\"orderID\":").append(order.id);
        if (order.state != State.PAID) {
            sb.append(",\"paymentLink\":\"").append(linkBase).append("/simulator/pay/").append(order.id).append('"');
        }
        String doc = order.state == State.QUOTE ? "quote" : "invoice";
        sb.append(",\"").append(doc).append("\":\"").append(linkBase).append("/simulator/pdf/").append(doc).append('-')
                .append(order.id).append(".pdf\"}");
        return new Reply(200, sb.toString());
    }

    private static Reply fail(String message) {
        return new Reply(200, "{\"success\":false,\"result\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"}");
    }
}
