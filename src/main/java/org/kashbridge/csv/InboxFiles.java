package org.kashbridge.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.apache.camel.Exchange;
import org.jboss.logging.Logger;
import org.kashbridge.config.KashConfig;
import org.kashbridge.layout.Layouts;

/**
 * The file side of the inbox (routes/csv-inbox.camel.yaml): finds a dropped file's layout from its folder,
 * reads it (pass one), hands its edits out batch by batch, writes {@code <file>.result.csv} as batches
 * finish, and names where the file goes: done/, failed/ when it could not be read at all, or dry-run/.
 * Target names never overwrite anything: a clash gets a numbered name.
 */
@ApplicationScoped
@Named("inboxFiles")
@Unremovable
public class InboxFiles {

    /** Header holding the absolute path the file consumer moves the processed file to. */
    public static final String TARGET_HEADER = "KashFileTarget";
    /** Header set to true for files dropped in a dry-run folder: nothing is sent. */
    public static final String DRY_RUN_HEADER = "KashDryRun";
    /** Exchange property holding the {@link InboxFile}, for the batch steps. */
    public static final String FILE_PROPERTY = "kashInboxFile";
    private static final Logger LOG = Logger.getLogger(InboxFiles.class);

    @Inject
    KashConfig kash;
    @Inject
    Layouts layouts;
    @Inject
    org.kashbridge.secret.Secrets secrets;
    /** Failed passes of the files still in the inbox, by path (forgotten once a pass succeeds or gives up). */
    private final java.util.concurrent.ConcurrentHashMap<String, Integer> failedTries = new java.util.concurrent.ConcurrentHashMap<>();

    /** Work folders left by a stopped process hold nothing needed: the file is still in the inbox. */
    void onStart(@Observes StartupEvent start) throws IOException {
        if (kash.check()) {
            return; // a check changes nothing on disk: a bridge may be running on this folder
        }
        Path work = Paths.get(kash.work().dir());
        if (Files.isDirectory(work)) {
            try (var old = Files.list(work)) {
                for (Path p : (Iterable<Path>) old::iterator) {
                    if (p.getFileName().toString().startsWith("inbox-")) {
                        deleteTree(p);
                    }
                }
            }
        }
    }

    public InboxFile open(Exchange exchange) throws IOException {
        Path path = Paths.get(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class));
        String baseName = path.getFileName().toString();
        Path relative = Paths.get(kash.inbox().dir()).toAbsolutePath().normalize()
                .relativize(path.toAbsolutePath().normalize());
        List<String> folders = new ArrayList<>();
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            folders.add(relative.getName(i).toString());
        }
        Layouts.Resolution r = layouts.resolve(folders, baseName);
        String name = r.folder().isEmpty() ? baseName : r.folder() + "/" + baseName;
        Path work = Paths.get(kash.work().dir()).resolve("inbox-" + UUID.randomUUID());
        long started = System.nanoTime();
        StagedFile staged = r.error() != null ? StagedFile.unreadable(name, r.error()) : stage(path, r, name, work);
        Path dir = Paths.get(r.dryRun() ? kash.dryRun().dir() : staged.isReadable() ? kash.done().dir()
                : kash.failed().dir()).resolve(r.folder());
        Path target = uniqueTarget(dir, baseName);
        exchange.getMessage().setHeader(TARGET_HEADER, target.toAbsolutePath().toString());
        exchange.getMessage().setHeader(DRY_RUN_HEADER, r.dryRun());
        InboxFile file = new InboxFile(name, r.dryRun(), staged, target, work, secrets.mask());
        exchange.setProperty(FILE_PROPERTY, file);
        exchange.getExchangeExtension().addOnCompletion(new AfterMove(file));
        if (staged.isReadable()) {
            LOG.infof("file %s%s: %d rows (%s), %d batch(es), read in %d ms", name,
                    r.dryRun() ? " (dry run: nothing is sent)" : "", staged.rowCount(), r.layout().describe(),
                    staged.bucketCount(), (System.nanoTime() - started) / 1_000_000);
        } else {
            LOG.errorf("file %s cannot be read: %s; moving it to %s", name, staged.unreadableReason(), target);
        }
        return file;
    }

    /**
     * Pass one. A pass that fails before anything is sent (the file changed while read, an I/O error) leaves the
     * file in the inbox to be read again at a later poll; after kash.inbox.max-tries such passes in a row it is
     * refused into failed/ with the last reason, never retried forever.
     */
    StagedFile stage(Path path, Layouts.Resolution r, String name, Path work) throws IOException {
        String key = path.toAbsolutePath().normalize().toString();
        try {
            StagedFile staged = CsvEditReader.stage(path, r.layout(), name, work, kash.inbox().batchBytes(),
                    kash.inbox().maxRecord(), FileStamp.of(path));
            failedTries.remove(key);
            return staged;
        } catch (IOException | RuntimeException e) {
            deleteTree(work); // no InboxFile owns it yet
            int tries = failedTries.merge(key, 1, Integer::sum);
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            if (tries < kash.inbox().maxTries()) {
                LOG.warnf("file %s: reading it failed (try %d of %d, read again at a later poll): %s", name, tries,
                        kash.inbox().maxTries(), reason);
                throw e;
            }
            failedTries.remove(key);
            return StagedFile.unreadable(name, "reading it failed " + tries + " times in a row (KASH_INBOX_MAX_TRIES); "
                    + "the last time: " + reason);
        }
    }

    /** Body: the {@link InboxFile}. Its batches, read one after another from the staged file. */
    public java.util.Iterator<InboxFile.Batch> batches(Exchange exchange) {
        return exchange.getMessage().getBody(InboxFile.class).getBatches();
    }

    /** Body: an {@link InboxFile.Batch}. Its lanes: the edits of each order, in file order. */
    public java.util.List<java.util.List<org.kashbridge.core.EditEnvelope>> lanes(Exchange exchange) {
        return exchange.getMessage().getBody(InboxFile.Batch.class).getLanes();
    }

    /** A batch has every outcome: its report lines are written. Body: the {@link InboxFile.Batch}. */
    public void batchDone(Exchange exchange) throws IOException {
        InboxFile.Batch batch = exchange.getMessage().getBody(InboxFile.Batch.class);
        batch.file().batchDone(batch.edits());
    }

    /** Completes the report beside the target; call after every batch. Body: the {@link InboxFile}. */
    public void writeReport(Exchange exchange) throws IOException {
        InboxFile file = exchange.getMessage().getBody(InboxFile.class);
        file.finish();
        LOG.infof("file %s done: %s; report %s", file.fileName(), file.isReadable() ? file.counts() : "unreadable",
                file.reportPath());
    }

    /**
     * Runs once the file consumer has moved the file (Camel runs completions last-added first; the highest order
     * puts this one after the consumer's move): the report appears only when the file is out of the inbox, and
     * the work folder goes whether the pass completed or failed (the file then stays, to be read again).
     */
    private static final class AfterMove extends org.apache.camel.support.SynchronizationAdapter {
        private final InboxFile file;

        AfterMove(InboxFile file) {
            this.file = file;
        }

        @Override
        public int getOrder() {
            return LOWEST;
        }

        @Override
        public void onComplete(Exchange exchange) {
            try {
                file.publish();
            } catch (IOException e) {
                LOG.errorf("file %s: cannot publish its report %s: %s", file.fileName(), file.reportPath(), e);
            } finally {
                clean(file);
            }
        }

        @Override
        public void onFailure(Exchange exchange) {
            try {
                file.discard();
            } catch (IOException e) {
                LOG.warnf("file %s: %s", file.fileName(), e);
            } finally {
                clean(file);
            }
        }

        private static void clean(InboxFile file) {
            try {
                deleteTree(file.workDir());
            } catch (IOException e) {
                LOG.warnf("file %s: cannot remove its work folder %s: %s", file.fileName(), file.workDir(), e);
            }
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            for (Path q : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(q);
            }
        }
    }

    /** {@code dir/name}, or {@code dir/name-1.ext}, {@code -2}... when that name (or its report) is taken. */
    static Path uniqueTarget(Path dir, String name) {
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        Path candidate = dir.resolve(name);
        for (int i = 1; Files.exists(candidate)
                || Files.exists(dir.resolve(candidate.getFileName() + ".result.csv")); i++) {
            candidate = dir.resolve(base + "-" + i + ext);
        }
        return candidate;
    }
}
