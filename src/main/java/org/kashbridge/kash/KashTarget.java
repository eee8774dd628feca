package org.kashbridge.kash;

import java.util.Optional;

import io.quarkus.arc.Unremovable;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kashbridge.config.KashConfig;

/**
 * Which Kash the bridge talks to. The simulator runs only when asked: KASH_SIMULATOR=true, or the profile
 * "demo" ({@code bin/kash-bridge demo}); "auto" (dev mode) turns it on while nothing about a real Kash is
 * configured: no shop id, no base URL, no key. Otherwise the bridge talks to a real Kash and refuses to start
 * while the shop id or the key is missing: a forgotten setting or a secret that failed to mount must never
 * quietly turn into a simulator answering OK. {@code bin/kash-bridge check} reports that as one of its problems.
 * Routes read {@code {{bean:kashTarget.baseUrl}}}; the ledger keys every edit by {@link #namespace()}.
 */
@ApplicationScoped
@Named("kashTarget")
@Unremovable
@io.quarkus.runtime.Startup
public class KashTarget {

    static final String DEMO_SHOP = "demo-shop";
    static final String DEMO_KEY = "demo-key";

    @Inject
    KashConfig kash;
    /** Quarkus' own setting: where the simulator is served when it is on. */
    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int httpPort;

    private boolean simulator;
    private String baseUrl;
    private String shopId;
    private String apiKey;
    /** Check mode: why the bridge would not start (null: it would). */
    private String problem;

    @PostConstruct
    void resolve() {
        Optional<String> key = set(kash.apiKey());
        Optional<String> shop = set(kash.shopId());
        Optional<String> url = set(kash.baseUrl());
        simulator = simulatorOn(kash.simulator(), shop, url, key);
        shopId = shop.orElse(DEMO_SHOP);
        apiKey = key.orElse(DEMO_KEY);
        if (!simulator && (key.isEmpty() || shop.isEmpty())) {
            problem = missing(shop, url, key);
        } else if (!simulator && key.get().length() < MIN_KEY_LENGTH) {
            problem = tooShort(key.get());
        }
        if (problem != null && !kash.check()) {
            throw new IllegalStateException(problem);
        }
        baseUrl = url.orElse(simulator ? "http://localhost:" + httpPort : "https://kash.click");
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
    }

    /** Shorter than any real key: a truncated secret, a placeholder, or a typo (and masked everywhere it occurs). */
    static final int MIN_KEY_LENGTH = 8;

    /** Names the length only, never the value. */
    static String tooShort(String key) {
        return "KASH_API_KEY is " + key.length() + " character" + (key.length() == 1 ? "" : "s")
                + " long, shorter than "
                + "any Kash API key (at least " + MIN_KEY_LENGTH + "): check that the secret was mounted whole and "
                + "copy the key again from the Kash back office (Configuration > Webservices). Nothing was started.";
    }

    static boolean simulatorOn(String setting, Optional<String> shop, Optional<String> url, Optional<String> key) {
        String s = setting.trim().toLowerCase();
        return switch (s) {
            case "true" -> true;
            case "false" -> false;
            case "auto" -> shop.isEmpty() && url.isEmpty() && key.isEmpty();
            default -> throw new IllegalStateException("KASH_SIMULATOR (kash.simulator) must be true, false or auto, "
                    + "got '" + setting + "'");
        };
    }

    static String missing(Optional<String> shop, Optional<String> url, Optional<String> key) {
        StringBuilder given = new StringBuilder();
        shop.ifPresent(s -> given.append("KASH_SHOP_ID"));
        url.ifPresent(u -> given.append(given.isEmpty() ? "" : ", ").append("KASH_BASE_URL"));
        key.ifPresent(k -> given.append(given.isEmpty() ? "" : ", ").append("KASH_API_KEY"));
        String what = key.isEmpty() && shop.isEmpty() ? "KASH_SHOP_ID and KASH_API_KEY are" : key.isEmpty()
                ? "KASH_API_KEY is" : "KASH_SHOP_ID is";
        return what + " not set, but " + (given.isEmpty() ? "the bridge calls the real Kash (KASH_SIMULATOR is not "
                + "true)" : given + " point(s) the bridge at a real Kash") + ": set " + (key.isEmpty() && shop.isEmpty()
                        ? "both" : "it")
                + " to your Kash.click credentials (back office, Configuration > Webservices), "
                + "or, to try the bridge without Kash, start it with its built-in simulator: bin/kash-bridge demo (or "
                + "KASH_SIMULATOR=true). Nothing was started.";
    }

    /** Check mode: why the bridge would refuse to start with these Kash settings, if it would. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    private static Optional<String> set(Optional<String> v) {
        return v.map(String::trim).filter(s -> !s.isEmpty());
    }

    public boolean simulatorEnabled() {
        return simulator;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String shopId() {
        return shopId;
    }

    /** The secret. Only the encoder and the simulator read it; everything that is written masks it. */
    public String apiKey() {
        return apiKey;
    }

    /**
     * The ledger's namespace: edit keys of the simulator, of another shop or of another Kash never answer
     * DUPLICATE for this one's. The simulator's port is left out, so a demo's ledger survives a port change.
     */
    public String namespace() {
        return (simulator ? "simulator" : baseUrl) + "|" + shopId();
    }
}
