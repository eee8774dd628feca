package org.kashbridge.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic test data: for a seed, the same edits every time. Each edit targets its own order
 * (firstOrderID + i), has {@code linesPerEdit} free lines, and a share of them records a payment.
 */
public final class EditGenerator {

    public record Edit(long orderID, boolean payment, List<String> titles, List<String> prices) {
    }

    private EditGenerator() {
    }

    public static List<Edit> edits(long seed, int count, int linesPerEdit, double paymentShare, long firstOrderID) {
        Random random = new Random(seed);
        List<Edit> edits = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<String> titles = new ArrayList<>();
            List<String> prices = new ArrayList<>();
            boolean payment = random.nextDouble() < paymentShare;
            for (int l = 0; l < (payment ? 0 : linesPerEdit); l++) {
                titles.add("Item " + random.nextInt(1000));
                prices.add(random.nextInt(100) + "." + (10 + random.nextInt(90)));
            }
            edits.add(new Edit(firstOrderID + i, payment, titles, prices));
        }
        return edits;
    }

    /** The canonical CSV of the edits (one row per line; payment edits one order-level row). */
    public static String csv(List<Edit> edits) {
        StringBuilder sb = new StringBuilder("orderID,payment,paymentAmount,itemType,title,price\n");
        for (Edit e : edits) {
            if (e.payment()) {
                sb.append(e.orderID()).append(",3,1.00,,,\n");
                continue;
            }
            for (int l = 0; l < e.titles().size(); l++) {
                sb.append(e.orderID()).append(l == 0 ? ",-2" : ",").append(",,free,").append(e.titles().get(l))
                        .append(',').append(e.prices().get(l)).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * The same rows as {@link #csv}, but the lines of an edit are not adjacent: within each window of
     * {@code window} edits, first every edit's first row, then every edit's second row, and so on.
     */
    public static String csvInterleaved(List<Edit> edits, int window) {
        String[] rows = csv(List.of()).split("\n");
        StringBuilder sb = new StringBuilder(rows[0]).append('\n');
        for (int from = 0; from < edits.size(); from += window) {
            List<String[]> lines = new ArrayList<>();
            int most = 0;
            for (Edit e : edits.subList(from, Math.min(edits.size(), from + window))) {
                String[] l = csv(List.of(e)).split("\n");
                lines.add(l);
                most = Math.max(most, l.length);
            }
            for (int r = 1; r < most; r++) {
                for (String[] l : lines) {
                    if (r < l.length) {
                        sb.append(l[r]).append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }

    /** The JSON form of one edit (REST and JMS). */
    public static String json(Edit e) {
        if (e.payment()) {
            return "{\"orderID\":" + e.orderID() + ",\"payment\":3,\"paymentAmount\":1.00}";
        }
        StringBuilder sb = new StringBuilder("{\"orderID\":" + e.orderID() + ",\"payment\":-2,\"items\":[");
        for (int l = 0; l < e.titles().size(); l++) {
            sb.append(l == 0 ? "" : ",").append("{\"type\":\"free\",\"title\":\"").append(e.titles().get(l))
                    .append("\",\"price\":").append(e.prices().get(l)).append('}');
        }
        return sb.append("]}").toString();
    }
}
