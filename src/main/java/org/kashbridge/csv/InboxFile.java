package org.kashbridge.csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.kashbridge.core.EditEnvelope;
import org.kashbridge.core.EditStatus;

/**
 * A dropped file on its way through routes/csv-inbox.camel.yaml: staged by pass one, handed out batch by
 * batch, its report written as batches finish, and a bounded summary kept for the alert mail.
 */
public final class InboxFile {

    /** How many failed edits the summary mail lists by name. */
    static final int LISTED_FAILURES = 50;

    /** One batch of edits: all the edits of the orders it holds. */
    public record Batch(InboxFile file, List<EditEnvelope> edits) {
        public List<List<EditEnvelope>> getLanes() {
            return Lanes.of(edits);
        }
    }

    private final String name;
    private final boolean dryRun;
    private final StagedFile staged;
    private final Path target;
    private final ReportWriter report;
    private final Path workDir;
    private final Map<EditStatus, Integer> counts = new EnumMap<>(EditStatus.class);
    private final StringBuilder failures = new StringBuilder();
    private int listed;
    private int edits;

    InboxFile(String name, boolean dryRun, StagedFile staged, Path target, Path workDir,
            org.kashbridge.secret.SecretMask secrets) {
        this.name = name;
        this.dryRun = dryRun;
        this.staged = staged;
        this.target = target;
        this.report = new ReportWriter(workDir, dryRun, secrets);
        this.workDir = workDir;
    }

    public String fileName() {
        return name;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    public boolean isReadable() {
        return staged.isReadable();
    }

    public String unreadableReason() {
        return staged.unreadableReason();
    }

    public Path target() {
        return target;
    }

    /** Where this file's row buckets and report parts live while it is processed. */
    Path workDir() {
        return workDir;
    }

    public Path reportPath() {
        return target.resolveSibling(target.getFileName() + ".result.csv");
    }

    public Iterator<Batch> getBatches() {
        Iterator<List<EditEnvelope>> it = staged.batches();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Batch next() {
                return new Batch(InboxFile.this, it.next());
            }
        };
    }

    /** A batch has every outcome: its report lines are written, its counts kept, its edits let go. */
    synchronized void batchDone(List<EditEnvelope> batch) throws IOException {
        report.batch(batch);
        for (EditEnvelope e : batch) {
            edits++;
            EditStatus s = e.getOutcome() == null ? EditStatus.FAILED : e.getOutcome().status();
            counts.merge(s, 1, Integer::sum);
            if (s != EditStatus.OK && s != EditStatus.WOULD_SEND && listed++ < LISTED_FAILURES) {
                failures.append("  ").append(e.getSource().detail()).append(", edit ").append(e.getEditKey())
                        .append(": ").append(s).append(": ")
                        .append(e.getOutcome() == null ? "no outcome" : e.getOutcome().message()).append('\n');
            }
        }
    }

    void finish() throws IOException {
        try {
            report.finish(reportPath(), staged.unreadableReason());
        } finally {
            staged.close();
        }
    }

    /** After the file has moved to its target: the report appears beside it. */
    void publish() throws IOException {
        ReportWriter.publish(reportPath());
    }

    /** The pass did not complete: no report, and the staged rows are let go. */
    void discard() throws IOException {
        staged.close();
        ReportWriter.discard(reportPath());
    }

    public synchronized Map<EditStatus, Integer> counts() {
        return Map.copyOf(counts);
    }

    public synchronized int editCount() {
        return edits;
    }

    /** The failed edits named in the summary (at most {@value #LISTED_FAILURES}), one per line. */
    public synchronized String failureLines() {
        return failures.toString();
    }

    /** Failed edits beyond those listed. */
    public synchronized int unlistedFailures() {
        return Math.max(0, listed - LISTED_FAILURES);
    }
}
