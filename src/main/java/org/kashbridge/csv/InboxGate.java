package org.kashbridge.csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.jboss.logging.Logger;
import org.kashbridge.config.KashConfig;

/**
 * What the inbox consumer may take (its {@code filter}): plain files under plain names, inside the inbox. Camel's
 * file component reads a {@code \} in a name as a path separator, so a name such as {@code a\..\..\x.csv} would
 * be moved outside the data folder: such names (a backslash, a control character, a drive prefix, a name too
 * long for the lock and report files beside it) never reach it; this gate moves the file into failed/ under a
 * safe name itself, with a report saying why. Symbolic links, and anything whose real path leaves the inbox, are
 * refused and never moved or read (a report in failed/ names them, once).
 */
@ApplicationScoped
@Named("inboxGate")
public class InboxGate implements GenericFileFilter<Object> {

    private static final Logger LOG = Logger.getLogger(InboxGate.class);
    /** Bytes of a name, leaving room for ".result.csv", "-99" and Camel's ".camelLock" within NAME_MAX (255). */
    static final int MAX_NAME_BYTES = 200;

    @Inject
    KashConfig kash;
    @Inject
    org.kashbridge.secret.Secrets secrets;
    /** Links and folders already reported: they stay where they are, and are reported once per start. */
    private final Set<Object> reported = ConcurrentHashMap.newKeySet();
    private java.util.regex.Pattern include;

    @jakarta.annotation.PostConstruct
    void compile() {
        include = java.util.regex.Pattern.compile(kash.inbox().include());
    }

    @Override
    public boolean accept(GenericFile<Object> file) {
        String listed = file.getFileNameOnly();
        try {
            // the entry as listed (GenericFile's own path has a backslash already turned into a separator)
            Path path = file.getFile() instanceof java.io.File f ? f.toPath().toAbsolutePath()
                    : Paths.get(file.getAbsoluteFilePath());
            Path inbox = Paths.get(kash.inbox().dir()).toAbsolutePath().normalize();
            String name = path.getFileName().toString();
            listed = name;
            if (Files.isSymbolicLink(path) || !inside(path, inbox)) {
                refuseOnce(path, inbox, name, name + " is a symbolic link, or leads outside the inbox; links are "
                        + "never read or moved. Copy the file itself into the inbox");
                return false;
            }
            String problem = problem(name);
            if (file.isDirectory()) {
                if (problem != null) {
                    // never walked into: Camel would read the files under it at a path of its own making
                    refuseOnce(path, inbox, name, "the folder " + safeName(name) + " is not read: " + problem
                            + ". Rename it");
                }
                return problem == null;
            }
            if (problem == null || !include.matcher(safeName(name)).matches()) {
                // what the inbox would not take under a plain name either (a .tmp being written) is left alone
                return problem == null;
            }
            // a file still being written is moved once it is quiet, as the read lock would take it
            long age = System.currentTimeMillis() - Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS)
                    .toMillis();
            if (age >= kash.inbox().stableMs()) {
                refuseName(path, inbox, name, problem);
            }
        } catch (IOException | RuntimeException e) {
            // a name the JVM cannot even turn into a path (not UTF-8 under a C locale): said once, never read
            if (reported.add(safeName(String.valueOf(listed)))) {
                LOG.errorf("inbox entry %s is not read: it could not be checked or refused (%s); rename it, and run "
                        + "the bridge with a UTF-8 locale (LANG=C.UTF-8)", safeName(String.valueOf(listed)),
                        e.getMessage());
            }
        }
        return false;
    }

    /** Why this file name is refused, or null. */
    static String problem(String name) {
        if (name.indexOf('\\') >= 0) {
            return "its name contains '\\', which is read as a folder separator";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                return "its name contains a control character (U+" + String.format("%04X", (int) c) + ")";
            }
            if (c == '\uFFFD' || Character.isSurrogate(c)) {
                return "its name is not valid UTF-8";
            }
        }
        if (name.length() >= 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0))) {
            return "its name starts with a drive prefix (" + name.substring(0, 2) + ")";
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_NAME_BYTES) {
            return "its name is " + bytes + " bytes long, more than " + MAX_NAME_BYTES;
        }
        return null;
    }

    /** The name with every refused character replaced by '_', cut to the length allowed. */
    static String safeName(String name) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            b.append(c == '\\' || c == ':' || Character.isISOControl(c) || c == '\uFFFD' || Character.isSurrogate(c)
                    ? '_' : c);
        }
        String safe = b.toString();
        while (safe.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            safe = safe.substring(1); // keep the end, where the extension is
        }
        return safe.isEmpty() || safe.equals(".") || safe.equals("..") ? "_" : safe;
    }

    private static boolean inside(Path path, Path inbox) throws IOException {
        if (!path.toAbsolutePath().normalize().startsWith(inbox)) {
            return false;
        }
        // a folder on the way may itself be a link
        return path.toRealPath().startsWith(inbox.toRealPath());
    }

    private void refuseName(Path path, Path inbox, String name, String problem) throws IOException {
        Path target = failedTarget(path, inbox, name);
        Files.createDirectories(target.getParent());
        Files.move(path, target);
        report(target, problem + "; it was moved here as " + target.getFileName()
                + ". Rename it (letters, digits, '.', '-', '_') and drop it again");
        LOG.errorf("file %s refused: %s; moved to %s", safeName(name), problem, target);
    }

    private void refuseOnce(Path path, Path inbox, String name, String reason) throws IOException {
        if (reported.contains(path)) {
            return;
        }
        report(failedTarget(path, inbox, name), reason);
        reported.add(path); // after the report: one that could not be written is tried again next poll
        LOG.errorf("inbox entry %s refused and left where it is: %s", safeName(name), reason);
    }

    /** failed/[folder/]safe-name, never anywhere but under failed/. */
    private Path failedTarget(Path path, Path inbox, String name) {
        Path failed = Paths.get(kash.failed().dir()).toAbsolutePath().normalize();
        Path parent = path.getParent().normalize();
        Path dir = parent.startsWith(inbox) ? failed.resolve(inbox.relativize(parent)).normalize() : failed;
        return InboxFiles.uniqueTarget(dir.startsWith(failed) ? dir : failed, safeName(name));
    }

    private void report(Path target, String reason) throws IOException {
        Path report = target.resolveSibling(target.getFileName() + ".result.csv");
        Path work = Paths.get(kash.work().dir());
        new ReportWriter(work, false, secrets.mask()).finish(report, reason);
        ReportWriter.publish(report);
    }
}
