package org.kashbridge.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.kashbridge.core.EditEnvelope;
import org.kashbridge.core.EditOutcome;
import org.kashbridge.core.EditStatus;
import org.kashbridge.secret.SecretMask;

/**
 * Writes {@code <file>.result.csv} as the file is processed: each batch's lines go to a part file as soon
 * as the batch is done, and the parts are merged by first row at the end, so the report lists the edits
 * in file order without ever holding them all. The report appears under its final name only when complete.
 */
final class ReportWriter {

    static final String[] COLUMNS = {"editKey", "orderID", "rows", "status", "message", "invoice", "quote",
            "paymentLink"};
    /** Dry runs add the form body that would have been sent (key masked). */
    static final String FORM = "form";

    private final Path workDir;
    private final boolean dryRun;
    private final List<Path> parts = new ArrayList<>();
    private final String[] header;
    private final SecretMask secrets;

    ReportWriter(Path workDir, boolean dryRun, SecretMask secrets) {
        this.workDir = workDir;
        this.dryRun = dryRun;
        this.secrets = secrets;
        if (dryRun) {
            header = Arrays.copyOf(COLUMNS, COLUMNS.length + 1);
            header[COLUMNS.length] = FORM;
        } else {
            header = COLUMNS;
        }
    }

    synchronized void batch(List<EditEnvelope> edits) throws IOException {
        Files.createDirectories(workDir);
        Path part = workDir.resolve("report-" + parts.size() + ".csv");
        try (Writer w = Files.newBufferedWriter(part, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180)) {
            for (EditEnvelope e : edits) {
                List<Object> line = new ArrayList<>(header.length + 1);
                line.add(e.getRows().isEmpty() ? 0 : e.getRows().get(0));
                line.addAll(line(e));
                csv.printRecord(line);
            }
        }
        parts.add(part);
    }

    private List<Object> line(EditEnvelope e) {
        EditOutcome o = e.getOutcome();
        EditStatus status = o == null ? EditStatus.FAILED : o.status();
        Object orderID = o != null && o.orderID() != null ? o.orderID()
                : e.getInput().field("orderID") == null ? "" : e.getInput().field("orderID").text();
        List<Object> line = new ArrayList<>(List.of(e.getEditKey(), orderID,
                e.getRows().stream().map(String::valueOf).collect(Collectors.joining(" ")), status,
                o == null ? "no outcome" : nz(o.message()), o == null ? "" : nz(o.invoice()),
                o == null ? "" : nz(o.quote()), o == null ? "" : nz(o.paymentLink())));
        if (dryRun) {
            line.add(nz(e.getPreview()));
        }
        line.replaceAll(this::safe);
        return line;
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[-+]?\\d+(\\.\\d+)?");

    /**
     * A cell as a spreadsheet may safely open it (OWASP CSV injection): text that starts like a formula (=, +, -,
     * @, a tab or a carriage return) gets a leading apostrophe, so it shows as text and never runs; a plain number
     * (-2, +3.5) stays as it is.
     */
    /** A cell with every secret masked, safe to open in a spreadsheet ({@link #cell}). */
    private Object safe(Object value) {
        return cell(value instanceof String s ? secrets.apply(s) : value);
    }

    static Object cell(Object value) {
        if (!(value instanceof String s) || s.isEmpty() || "=+-@\t\r".indexOf(s.charAt(0)) < 0
                || NUMBER.matcher(s).matches()) {
            return value;
        }
        return "'" + s;
    }

    /** Merges the parts into {@code report} (atomically), or writes the one line of an unreadable file. */
    /** Writes the whole report under a hidden name beside {@code report}; {@link #publish} gives it its name. */
    Path finish(Path report, String unreadableReason) throws IOException {
        Files.createDirectories(report.getParent());
        Path partial = partial(report);
        try (Writer w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header).get())) {
            if (unreadableReason != null) {
                List<Object> line = new ArrayList<>(List.of("", "", "", EditStatus.REJECTED, safe("file not "
                        + "processed: " + unreadableReason), "", "", ""));
                if (dryRun) {
                    line.add("");
                }
                csv.printRecord(line);
            } else {
                merge(csv);
            }
        }
        for (Path p : parts) {
            Files.deleteIfExists(p);
        }
        return partial;
    }

    private static Path partial(Path report) {
        return report.resolveSibling("." + report.getFileName() + ".part");
    }

    /** The report appears under its name: after the file it reports on has left the inbox. */
    static void publish(Path report) throws IOException {
        Path partial = partial(report);
        if (Files.exists(partial)) {
            Files.move(partial, report, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** The pass failed (the file stays in the inbox): its report is not published. */
    static void discard(Path report) throws IOException {
        Files.deleteIfExists(partial(report));
    }

    private record Head(CSVRecord record, Iterator<CSVRecord> rest) {
        long firstRow() {
            return Long.parseLong(record.get(0));
        }
    }

    private void merge(CSVPrinter csv) throws IOException {
        List<Reader> readers = new ArrayList<>();
        try {
            PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> Long.compare(a.firstRow(), b.firstRow()));
            for (Path p : parts) {
                Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8);
                readers.add(r);
                Iterator<CSVRecord> it = CSVParser.parse(r, CSVFormat.RFC4180).iterator();
                if (it.hasNext()) {
                    heads.add(new Head(it.next(), it));
                }
            }
            while (!heads.isEmpty()) {
                Head h = heads.poll();
                List<String> values = h.record().toList();
                csv.printRecord(values.subList(1, values.size()));
                if (h.rest().hasNext()) {
                    heads.add(new Head(h.rest().next(), h.rest()));
                }
            }
        } finally {
            for (Reader r : readers) {
                r.close();
            }
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
