package org.kashbridge.pipeline;

import java.util.Optional;

import io.quarkus.arc.Unremovable;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which Kash the bridge talks to. The simulator is on when KASH_SIMULATOR=true, or when it is unset
 * ("auto") and no API key is configured; the base URL then defaults to this application's own port,
 * otherwise to https://kash.click. Routes read {@code {{bean:kashTarget.baseUrl}}}.
 */
@ApplicationScoped
@Named("kashTarget")
@Unremovable
public class KashTarget {

    static final String DEMO_SHOP = "demo-shop";
    static final String DEMO_KEY = "demo-key";

    @ConfigProperty(name = "kash.simulator", defaultValue = "auto")
    String simulatorSetting;
    @ConfigProperty(name = "kash.base-url")
    Optional<String> baseUrlSetting;
    @ConfigProperty(name = "kash.shop-id")
    Optional<String> shopIdSetting;
    @ConfigProperty(name = "kash.api-key")
    Optional<String> apiKeySetting;
    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int httpPort;

    private boolean simulator;
    private String baseUrl;

    @PostConstruct
    void resolve() {
        String s = simulatorSetting.trim().toLowerCase();
        if (!s.equals("auto") && !s.equals("true") && !s.equals("false")) {
            throw new IllegalStateException("KASH_SIMULATOR (kash.simulator) must be true, false or auto, got '"
                    + simulatorSetting + "'");
        }
        simulator = s.equals("auto") ? apiKeySetting.filter(k -> !k.isBlank()).isEmpty() : s.equals("true");
        if (!simulator && (apiKeySetting.isEmpty() || shopIdSetting.isEmpty())) {
            throw new IllegalStateException("The simulator is off (KASH_SIMULATOR=false) but KASH_SHOP_ID and/or "
                    + "KASH_API_KEY are not set: set both to your Kash.click credentials (Configuration > Webservices)");
        }
        baseUrl = baseUrlSetting.map(String::trim).filter(u -> !u.isEmpty())
                .orElse(simulator ? "http://localhost:" + httpPort : "https://kash.click");
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
    }

    public boolean simulatorEnabled() {
        return simulator;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String shopId() {
        return shopIdSetting.orElse(DEMO_SHOP);
    }

    /** The secret. Only the encoder and the simulator read it; everything that is written masks it. */
    public String apiKey() {
        return apiKeySetting.orElse(DEMO_KEY);
    }
}
