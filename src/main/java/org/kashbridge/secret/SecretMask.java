package org.kashbridge.secret;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.config.Config;

/**
 * Removes secrets from any text before it is written anywhere (records, reports, messages, logs, answers), in every
 * encoding a secret travels in: as is, form-encoded, JSON-escaped the ways Jackson and PHP's json_encode write it
 * (a backslash before {@code /} and {@code "}, non-ASCII as backslash-u00e9), HTML-escaped, and CSV-quoted. A Kash reply that echoes the key is
 * masked before anything reads it.
 */
public final class SecretMask {

    static final String MASK = "****";
    /**
     * The settings holding secrets. Values shorter than 8 characters are not searched for: masking them would
     * rewrite ordinary text (an order number, an amount) everywhere; {@link Secrets} warns about them at start
     * (the Kash key itself is refused below 8).
     */
    public static final List<String> SETTINGS = List.of("kash.api-key", "kash.bridge.api-key", "kash.bridge.password",
            "kash.broker.password", "kash.broker.client-password", "quarkus.artemis.password",
            "kash.ledger.jdbc.password", "kash.mail.password", "quarkus.mailer.password",
            "quarkus.datasource.password");
    static final int SHORTEST = 8;
    private static final SecretMask NONE = new SecretMask(List.of());

    /**
     * The forms of secrets the bridge makes itself while it runs (the broker client's password generated into its
     * data folder): static, as the log filter is no bean and exists before they are made.
     */
    private static volatile String[] generated = new String[0];

    /** Every encoding of every secret, longest first (a longer form is replaced before a form inside it). */
    private final String[] forms;

    private SecretMask(Collection<String> forms) {
        this.forms = longestFirst(forms);
    }

    private static String[] longestFirst(Collection<String> forms) {
        return forms.stream().sorted(Comparator.comparingInt(String::length).reversed()).toArray(String[]::new);
    }

    public static SecretMask of(Collection<String> secrets) {
        Set<String> forms = new LinkedHashSet<>();
        for (String s : secrets) {
            if (s != null && s.length() >= SHORTEST) {
                forms.addAll(encodings(s));
            }
        }
        return forms.isEmpty() ? NONE : new SecretMask(forms);
    }

    /** The secrets of {@link #SETTINGS} that are set. */
    public static SecretMask of(Config config) {
        List<String> secrets = new ArrayList<>();
        for (String key : SETTINGS) {
            config.getOptionalValue(key, String.class).ifPresent(secrets::add);
        }
        return of(secrets);
    }

    /** The settings of {@link #SETTINGS} that are set but too short to be masked. */
    public static List<String> tooShort(Config config) {
        List<String> names = new ArrayList<>();
        for (String key : SETTINGS) {
            config.getOptionalValue(key, String.class).filter(v -> v.length() < SHORTEST)
                    .ifPresent(v -> names.add(key));
        }
        return names;
    }

    /** A secret the bridge made (never configured): masked from now on by every mask, in every encoding. */
    public static synchronized void addGenerated(String secret) {
        if (secret == null || secret.length() < SHORTEST) {
            return;
        }
        Set<String> forms = new LinkedHashSet<>(List.of(generated));
        forms.addAll(encodings(secret));
        generated = longestFirst(forms);
    }

    /** Tests only: forget the secrets made so far. */
    static synchronized void forgetGenerated() {
        generated = new String[0];
    }

    public String apply(String text) {
        if (text == null) {
            return null;
        }
        return replace(replace(text, forms), generated);
    }

    /**
     * A piece of a longer text that was cut anywhere (HttpClient's wire log writes a body as several records): also
     * masks a start that could end a secret and an end that could begin one, so no part of a secret cut across two
     * pieces stays readable. It masks a few ordinary characters at a cut now and then.
     */
    public String applyToPiece(String piece) {
        String masked = apply(piece);
        if (masked == null) {
            return null;
        }
        int head = 0;
        int tail = 0;
        for (String[] all : new String[][] {forms, generated}) {
            for (String form : all) {
                for (int k = Math.min(form.length() - 1, masked.length()); k > tail; k--) {
                    if (masked.regionMatches(masked.length() - k, form, 0, k)) {
                        tail = k;
                        break;
                    }
                }
                for (int k = Math.min(form.length() - 1, masked.length()); k > head; k--) {
                    if (masked.regionMatches(0, form, form.length() - k, k)) {
                        head = k;
                        break;
                    }
                }
            }
        }
        if (head + tail >= masked.length()) {
            return MASK;
        }
        return (head > 0 ? MASK : "") + masked.substring(head, masked.length() - tail) + (tail > 0 ? MASK : "");
    }

    private static String replace(String text, String[] forms) {
        String masked = text;
        for (String form : forms) {
            if (masked.contains(form)) {
                masked = masked.replace(form, MASK);
            }
        }
        return masked;
    }

    /** The forms a secret is written in by what the bridge talks to and writes. */
    static Set<String> encodings(String s) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(s);
        String form = URLEncoder.encode(s, StandardCharsets.UTF_8);
        forms.add(form);
        forms.add(form.replace("+", "%20"));
        forms.add(lowerHexEscapes(form));
        for (boolean slash : new boolean[] {false, true}) {
            for (int unicode = 0; unicode < 3; unicode++) {
                forms.add(json(s, slash, unicode));
            }
        }
        for (String f : List.copyOf(forms)) {
            forms.add(f.replace("\"", "\"\"")); // inside a quoted CSV cell
        }
        forms.add(html(s, "&quot;", "&#039;"));
        forms.add(html(s, "&quot;", "&#39;"));
        forms.add(html(s, "&#34;", "&#39;"));
        forms.add(html(s, "&quot;", "&apos;"));
        for (String f : List.copyOf(forms)) {
            forms.add(wire(f)); // what reaches the HTTP client's DEBUG wire log
        }
        forms.remove("");
        return forms;
    }

    /**
     * The bytes of a text as Apache HttpClient's wire log prints them: UTF-8, a byte outside printable ASCII as
     * [0x..] of its signed value ([0xffffffc3]), CR and LF as [\r] and [\n].
     */
    static String wire(String form) {
        StringBuilder b = new StringBuilder(form.length() + 16);
        for (byte x : form.getBytes(StandardCharsets.UTF_8)) {
            int ch = x;
            if (ch == 13) {
                b.append("[\\r]");
            } else if (ch == 10) {
                b.append("[\\n]");
            } else if (ch < 32 || ch >= 127) {
                b.append("[0x").append(Integer.toHexString(ch)).append(']');
            } else {
                b.append((char) ch);
            }
        }
        return b.toString();
    }

    /** {@code %2F} written {@code %2f}. */
    private static String lowerHexEscapes(String form) {
        StringBuilder b = new StringBuilder(form.length());
        for (int i = 0; i < form.length(); i++) {
            char c = form.charAt(i);
            b.append(c);
            if (c == '%' && i + 2 < form.length()) {
                b.append(Character.toLowerCase(form.charAt(++i))).append(Character.toLowerCase(form.charAt(++i)));
            }
        }
        return b.toString();
    }

    /**
     * A JSON string's content: {@code "} and backslash escaped, control characters as backslash-u00XX; {@code /}
     * escaped when {@code slash} (PHP's default); non-ASCII as is (0), or as backslash-u00e9 (1, PHP's default)
     * or backslash-u00E9 (2).
     */
    static String json(String s, boolean slash, int unicode) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c == '/' && slash) {
                b.append("\\/");
            } else if (c < 0x20 || (c > 0x7E && unicode > 0)) {
                String hex = String.format("%04x", (int) c);
                b.append("\\u").append(unicode == 2 ? hex.toUpperCase(java.util.Locale.ROOT) : hex);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String html(String s, String quot, String apos) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", quot)
                .replace("'", apos);
    }
}
