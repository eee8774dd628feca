package org.kashbridge.csv;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.apache.camel.Exchange;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.kashbridge.pipeline.EditEnvelope;
import org.kashbridge.pipeline.EditOutcome;
import org.kashbridge.pipeline.EditStatus;

/**
 * The file side of the CSV drop (routes/csv-inbox.camel.yaml): reads a dropped file into edits, then
 * writes {@code <file>.result.csv} and names where the file goes: the done folder, or the failed folder
 * when it could not be read at all. Target names never overwrite anything: a clash gets a numbered name.
 */
@ApplicationScoped
@Named("inboxFiles")
@Unremovable
public class InboxFiles {

    /** Header holding the absolute path the file consumer moves the processed file to. */
    public static final String TARGET_HEADER = "KashFileTarget";
    static final String[] REPORT_COLUMNS = {"editKey", "orderID", "rows", "status", "message", "invoice", "quote",
        "paymentLink"};
    private static final Logger LOG = Logger.getLogger(InboxFiles.class);

    @ConfigProperty(name = "kash.done.dir")
    String doneDir;
    @ConfigProperty(name = "kash.failed.dir")
    String failedDir;

    public CsvEditFile read(Exchange exchange) throws IOException {
        Path path = Paths.get(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class));
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        CsvEditFile file = CsvEditReader.read(path, name);
        Path target = uniqueTarget(Paths.get(file.isReadable() ? doneDir : failedDir), name);
        exchange.getMessage().setHeader(TARGET_HEADER, target.toAbsolutePath().toString());
        if (file.isReadable()) {
            LOG.infof("file %s: %d edits", name, file.edits().size());
        } else {
            LOG.errorf("file %s cannot be read: %s; moving it to %s", name, file.unreadableReason(), target);
        }
        return file;
    }

    /** Writes the result report beside the target; call after every edit of the file has an outcome. */
    public void writeReport(Exchange exchange) throws IOException {
        CsvEditFile file = exchange.getMessage().getBody(CsvEditFile.class);
        Path target = Paths.get(exchange.getMessage().getHeader(TARGET_HEADER, String.class));
        Files.createDirectories(target.getParent());
        Path report = target.resolveSibling(target.getFileName() + ".result.csv");
        // written under a temporary name and renamed: whoever watches for the report never reads half of it
        Path partial = target.resolveSibling("." + target.getFileName() + ".result.csv.part");
        Map<EditStatus, Integer> counts = new EnumMap<>(EditStatus.class);
        try (Writer w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(REPORT_COLUMNS).get())) {
            if (!file.isReadable()) {
                csv.printRecord("", "", "", EditStatus.REJECTED, "file not processed: " + file.unreadableReason(), "",
                        "", "");
                counts.put(EditStatus.REJECTED, 1);
            }
            for (EditEnvelope e : file.edits()) {
                EditOutcome o = e.getOutcome();
                EditStatus status = o == null ? EditStatus.FAILED : o.status();
                counts.merge(status, 1, Integer::sum);
                Object orderID = o != null && o.orderID() != null ? o.orderID()
                        : e.getInput().field("orderID") == null ? "" : e.getInput().field("orderID").text();
                csv.printRecord(e.getEditKey(), orderID,
                        e.getRows().stream().map(String::valueOf).collect(Collectors.joining(" ")), status,
                        o == null ? "no outcome" : nz(o.message()), o == null ? "" : nz(o.invoice()),
                        o == null ? "" : nz(o.quote()), o == null ? "" : nz(o.paymentLink()));
            }
        }
        Files.move(partial, report, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        LOG.infof("file %s done: %s; report %s", file.fileName(), counts, report);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** {@code dir/name}, or {@code dir/name-1.ext}, {@code -2}... when that name (or its report) is taken. */
    static Path uniqueTarget(Path dir, String name) {
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        Path candidate = dir.resolve(name);
        for (int i = 1; Files.exists(candidate) || Files.exists(dir.resolve(candidate.getFileName() + ".result.csv"));
                i++) {
            candidate = dir.resolve(base + "-" + i + ext);
        }
        return candidate;
    }
}
