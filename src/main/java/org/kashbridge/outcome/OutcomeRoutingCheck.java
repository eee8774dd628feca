package org.kashbridge.outcome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.mail.MailEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.URISupport;
import org.eclipse.microprofile.config.Config;
import org.kashbridge.config.SettingNames;

/**
 * Whether the endpoints outcomes are routed to can work, decided before anything is consumed: an outcome that
 * cannot be routed leaves its file in the inbox to be read again, after Kash already applied its edits. Each
 * problem names the setting, the variable that sets it and what to fix.
 */
public final class OutcomeRoutingCheck {

    /** The settings whose value is a comma-separated list of endpoint URIs (Camel's recipientList). */
    static final List<String> ENDPOINT_LISTS = List.of("kash.success-endpoints", "kash.failure-endpoints");
    static final String MAIL_ENDPOINT = "kash.mail.endpoint";
    static final String REVIEW_DIR = "kash.review.dir";
    private static final Set<String> CONSUMED_BY_ROUTES = Set.of("direct", "seda");

    private OutcomeRoutingCheck() {
    }

    /** Every problem found, empty when each configured endpoint can take outcomes. */
    public static List<String> problems(CamelContext camel, Config config) {
        List<String> problems = new ArrayList<>();
        boolean checkOnly = config.getOptionalValue("kash.check", Boolean.class).orElse(false);
        for (String key : ENDPOINT_LISTS) {
            String value = config.getOptionalValue(key, String.class).orElse("");
            List<String> uris = split(value);
            if (uris.isEmpty() && key.endsWith("failure-endpoints")) {
                problems.add(SettingNames.describe(key)
                        + " is empty: failed edits would be recorded nowhere; name at least "
                        + "one endpoint (the default is file:data/failed,direct:dead-letter,direct:alert-mail)");
            }
            for (String uri : uris) {
                String problem = problem(camel, uri, checkOnly);
                if (problem != null) {
                    problems.add(
                            SettingNames.describe(key) + ": '" + masked(URISupport.sanitizeUri(uri)) + "' " + problem);
                }
            }
        }
        // every AMBIGUOUS outcome is kept there, whatever the failure endpoints say
        String review = config.getOptionalValue(REVIEW_DIR, String.class).orElse("");
        String reviewProblem = review.isBlank() ? "is empty" : folderProblem(review, checkOnly);
        if (reviewProblem != null) {
            problems.add(SettingNames.describe(REVIEW_DIR) + ": '" + review + "' " + reviewProblem);
        }
        if (config.getOptionalValue("kash.mail.enabled", Boolean.class).orElse(false)) {
            String uri = config.getOptionalValue(MAIL_ENDPOINT, String.class).orElse("").trim();
            String problem = uri.isEmpty() ? "is empty" : problem(camel, uri, checkOnly);
            if (problem != null) {
                problems.add(
                        SettingNames.describe(MAIL_ENDPOINT) + ": '" + masked(URISupport.sanitizeUri(uri)) + "' "
                                + problem
                                + " (or set KASH_MAIL_ENABLED=false)");
            }
        }
        return problems;
    }

    /** What keeps this endpoint from taking outcomes, or null. */
    static String problem(CamelContext camel, String configured, boolean checkOnly) {
        String uri;
        try {
            uri = camel.resolvePropertyPlaceholders(configured); // as recipientList resolves them
        } catch (RuntimeException e) {
            return "has a placeholder that cannot be resolved: " + masked(rootMessage(e));
        }
        int colon = uri.indexOf(':');
        if (colon <= 0) {
            return "is not an endpoint URI (scheme:path, for example file:data/failed or direct:dead-letter)";
        }
        String scheme = uri.substring(0, colon);
        Component component = camel.getComponent(scheme);
        if (component == null) {
            return "names no component this build has: '" + scheme + "' (it has " + String.join(", ",
                    componentNames(camel)) + ")";
        }
        Endpoint endpoint;
        try {
            endpoint = camel.getEndpoint(uri);
        } catch (RuntimeException e) {
            return "cannot be used: " + masked(rootMessage(e));
        }
        if (CONSUMED_BY_ROUTES.contains(scheme)) {
            Set<String> consumed = new TreeSet<>();
            for (Route route : camel.getRoutes()) {
                Endpoint from = route.getEndpoint();
                if (from.getEndpointBaseUri().equals(endpoint.getEndpointBaseUri())) {
                    return null;
                }
                if (CONSUMED_BY_ROUTES.contains(schemeOf(from.getEndpointUri()))) {
                    consumed.add(scheme(from));
                }
            }
            return "is consumed by no route (routes/*.camel.yaml consume " + String.join(", ", consumed) + ")";
        }
        if (endpoint instanceof GenericFileEndpoint<?> file) {
            return folderProblem(file.getConfiguration().getDirectory(), checkOnly);
        }
        if (endpoint instanceof MailEndpoint mail) {
            String host = mail.getConfiguration().getHost();
            return host == null || host.isBlank() ? "names no mail host (for example smtp://mail.example.com:587)"
                    : null;
        }
        return null;
    }

    /**
     * A folder outcomes are written to. The bridge creates it and writes a probe file (isWritable says yes to
     * root whatever the mode); a check ({@code kash.check}) writes nothing and asks the nearest existing folder.
     */
    static String folderProblem(String name, boolean checkOnly) {
        try {
            Path dir = Path.of(name).toAbsolutePath();
            if (checkOnly) {
                Path existing = dir;
                while (existing != null && !Files.exists(existing)) {
                    existing = existing.getParent();
                }
                if (existing == null || !Files.isDirectory(existing)) {
                    return "is a folder that cannot be created: " + dir + (existing == null ? ""
                            : " (" + existing + " is not a folder)");
                }
                return Files.isWritable(existing) ? null : "is a folder that cannot be written: " + existing;
            }
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                return "is a folder that cannot be created: " + dir + " (" + rootMessage(e) + ")";
            }
            try {
                Path probe = Files.createTempFile(dir, ".kash-check-", ".tmp");
                Files.delete(probe);
                return null;
            } catch (IOException e) {
                return "is a folder that cannot be written: " + dir + " (" + rootMessage(e) + ")";
            }
        } catch (RuntimeException e) {
            return "is not a usable folder name: " + rootMessage(e);
        }
    }

    static List<String> split(String value) {
        List<String> uris = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                uris.add(part.trim());
            }
        }
        return uris;
    }

    private static Set<String> componentNames(CamelContext camel) {
        Set<String> names = new TreeSet<>(camel.getComponentNames());
        try {
            names.addAll(PluginHelper.getComponentNameResolver(camel).resolveNames(camel));
        } catch (RuntimeException e) {
            // the components already in use are list enough
        }
        return names;
    }

    private static String scheme(Endpoint e) {
        String uri = e.getEndpointBaseUri();
        return uri.replaceFirst("^([a-z]+)://", "$1:");
    }

    private static String schemeOf(String uri) {
        int colon = uri.indexOf(':');
        return colon < 0 ? "" : uri.substring(0, colon);
    }

    /** Camel's messages quote option values (a misspelt password option among them): none is printed. */
    static String masked(String message) {
        return message == null ? null : OPTION_VALUE.matcher(message).replaceAll("$1=xxxxxx");
    }

    private static final Pattern OPTION_VALUE = Pattern.compile("([A-Za-z0-9_.\\-]+)=[^,&}\\]\\s]+");

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
