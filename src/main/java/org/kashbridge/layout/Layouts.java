package org.kashbridge.layout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.kashbridge.config.KashConfig;

/**
 * The layouts in config/layouts/ (KASH_LAYOUTS_DIR): checked at start-up, where every error is logged
 * naming the file and key, and read again whenever a layout (or its article cross-reference) changes, so
 * an integrator edits a layout and drops the next file without restarting. A broken layout never stops
 * the application: files arriving for it are refused with the layout's error in their report.
 */
@ApplicationScoped
public class Layouts {

    private static final Logger LOG = Logger.getLogger(Layouts.class);
    public static final String DRY_RUN = "dry-run";

    @Inject
    KashConfig kash;

    /** Where an inbox file goes: its layout (or why it has none) and whether it is a dry run. */
    public record Resolution(Layout layout, String error, boolean dryRun, String folder) {
    }

    /** A layout as last read, or its error, with the modification times it was read at. */
    record Entry(Layout layout, String error, Map<Path, Long> stamps) {
    }

    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    void onStart(@Observes StartupEvent start) {
        for (Map.Entry<String, Entry> e : all().entrySet()) {
            Entry entry = e.getValue();
            if (entry.error() != null) {
                LOG.errorf("layout %s cannot be used (files dropped for it will be refused): %s", e.getKey(),
                        entry.error());
            } else {
                Layout l = entry.layout();
                LOG.infof("layout %s: %s, %s, %d fields%s", l.name(), l.type().name().toLowerCase(), l.charset(),
                        l.fields().size(), l.articles() == null ? "" : ", " + l.articles().size() + " article codes");
            }
        }
    }

    /** Every layout that cannot be used, by name, with its error. */
    public Map<String, String> errors() {
        Map<String, String> errors = new TreeMap<>();
        all().forEach((name, entry) -> {
            if (entry.error() != null) {
                errors.put(name, entry.error());
            }
        });
        return errors;
    }

    /** Every layout in the folder by name, read (again) where it changed. */
    public Map<String, Entry> all() {
        Map<String, Entry> all = new TreeMap<>();
        Path folder = Paths.get(kash.layouts().dir());
        if (!Files.isDirectory(folder)) {
            return all;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                String n = f.getFileName().toString();
                if (n.endsWith(".yaml") || n.endsWith(".yml")) {
                    String name = n.substring(0, n.lastIndexOf('.'));
                    all.put(name, entry(name, f));
                }
            }
        } catch (IOException e) {
            LOG.errorf("cannot list the layouts folder %s: %s", folder, e.getMessage());
        }
        return all;
    }

    /**
     * The layout of an inbox file from the folders between the inbox and the file: none (the canonical
     * CSV, or a layout whose filePattern matches the name), {@code <layout>}, and either followed by
     * {@code dry-run}.
     */
    public Resolution resolve(List<String> folders, String fileName) {
        List<String> f = new ArrayList<>(folders);
        boolean dryRun = !f.isEmpty() && f.get(f.size() - 1).equals(DRY_RUN);
        if (dryRun) {
            f.remove(f.size() - 1);
        }
        if (f.size() > 1) {
            return new Resolution(null, "files go directly in the inbox or in a layout's folder (inbox/<layout>/ or "
                    + "inbox/<layout>/dry-run/), not in " + String.join("/", folders), dryRun, String.join("/", f));
        }
        if (f.isEmpty()) {
            for (Entry e : all().values()) {
                if (e.layout() != null && e.layout().filePattern() != null
                        && e.layout().filePattern().matcher(fileName).matches()) {
                    return new Resolution(e.layout(), null, dryRun, "");
                }
            }
            return new Resolution(Layout.canonical(), null, dryRun, "");
        }
        String name = f.get(0);
        Path file = find(name);
        if (file == null) {
            return new Resolution(null, "there is no layout named " + name + ": expected "
                    + Paths.get(kash.layouts().dir())
                            .resolve(name + ".yaml")
                    + "; known layouts: " + all().keySet(), dryRun, name);
        }
        Entry e = entry(name, file);
        return new Resolution(e.layout(), e.error() == null ? null : "the layout cannot be used: " + e.error(),
                dryRun, name);
    }

    private Path find(String name) {
        for (String ext : List.of(".yaml", ".yml")) {
            Path p = Paths.get(kash.layouts().dir()).resolve(name + ext);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    private Entry entry(String name, Path file) {
        Entry cached = cache.get(name);
        if (cached != null && cached.stamps().containsKey(file) && unchanged(cached.stamps())) {
            return cached;
        }
        Entry fresh;
        try {
            if (name.equals(DRY_RUN)) {
                throw new LayoutException(file.toString(), null, "'" + DRY_RUN + "' is reserved for dry-run folders; "
                        + "rename the layout");
            }
            Layout l = LayoutParser.parse(name, file);
            Map<Path, Long> stamps = new java.util.HashMap<>();
            stamps.put(file, stamp(file));
            if (l.articles() != null) {
                stamps.put(l.articles().file(), stamp(l.articles().file()));
            }
            fresh = new Entry(l, null, stamps);
            if (cached != null) {
                LOG.infof("layout %s read again after a change", name);
            }
        } catch (LayoutException e) {
            fresh = new Entry(null, e.getMessage(), Map.of(file, stamp(file)));
            if (cached == null || !e.getMessage().equals(cached.error())) {
                LOG.errorf("layout %s cannot be used: %s", name, e.getMessage());
            }
        }
        cache.put(name, fresh);
        return fresh;
    }

    private static boolean unchanged(Map<Path, Long> stamps) {
        for (Map.Entry<Path, Long> s : stamps.entrySet()) {
            if (stamp(s.getKey()) != s.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static long stamp(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis() ^ (Files.size(p) << 40);
        } catch (IOException e) {
            return -1;
        }
    }
}
