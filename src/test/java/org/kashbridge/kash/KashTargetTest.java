package org.kashbridge.kash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.kashbridge.support.TestSettings;

class KashTargetTest {

    private static KashTarget target(String simulator, String baseUrl, String shop, String key) {
        return target(simulator, baseUrl, shop, key, Map.of());
    }

    private static KashTarget target(String simulator, String baseUrl, String shop, String key,
            Map<String, String> more) {
        KashTarget t = new KashTarget();
        Map<String, String> settings = new HashMap<>(more);
        if (simulator != null) {
            settings.put("kash.simulator", simulator);
        }
        Optional.ofNullable(baseUrl).ifPresent(v -> settings.put("kash.base-url", v));
        Optional.ofNullable(shop).ifPresent(v -> settings.put("kash.shop-id", v));
        Optional.ofNullable(key).ifPresent(v -> settings.put("kash.api-key", v));
        t.kash = TestSettings.kash(settings);
        t.httpPort = 8080;
        t.resolve();
        return t;
    }

    @Test
    void withoutCredentialsTheSimulatorIsOnAndLocal() {
        KashTarget t = target("auto", null, null, null);
        assertTrue(t.simulatorEnabled());
        assertEquals("http://localhost:8080", t.baseUrl());
        assertEquals("demo-shop", t.shopId());
    }

    @Test
    void withCredentialsItCallsKashClick() {
        KashTarget t = target("auto", null, "42", "secret-key-1");
        assertFalse(t.simulatorEnabled());
        assertEquals("https://kash.click", t.baseUrl());
        assertEquals("https://caisse.enregistreuse.fr",
                target("auto", "https://caisse.enregistreuse.fr/", "42", "secret-key-1")
                        .baseUrl());
    }

    @Test
    void refusesToStartWithoutCredentialsWhenTheSimulatorIsOff() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> target("false", null, null, null));
        assertTrue(e.getMessage().startsWith("KASH_SHOP_ID and KASH_API_KEY are not set"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> target("yes", null, null, null));
    }

    @Test
    void theShippedDefaultNeverTurnsTheSimulatorOnByItself() {
        // nothing about Kash set, the shipped kash.simulator: refused, saying how to ask for the simulator
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> target(null, null, null, null));
        assertTrue(e.getMessage().startsWith("KASH_SHOP_ID and KASH_API_KEY are not set, but the bridge calls the "
                + "real Kash"), e.getMessage());
        assertTrue(e.getMessage().contains("bin/kash-bridge demo (or KASH_SIMULATOR=true)"), e.getMessage());
        // check mode: the same words as a problem to report, not a crash
        KashTarget checked = target(null, null, null, null, Map.of("kash.check", "true"));
        assertEquals(e.getMessage(), checked.problem().orElseThrow());
        assertTrue(target(null, null, "42", "secret-key-1").problem().isEmpty());
    }

    @Test
    void aRealTargetWithoutItsKeyRefusesToStartInsteadOfSimulating() {
        // a secret that failed to mount: the shop and the URL are there, the key is not
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> target("auto", "https://kash.click", "12345", null));
        assertTrue(e.getMessage().startsWith("KASH_API_KEY is not set, but KASH_SHOP_ID, KASH_BASE_URL point(s) the "
                + "bridge at a real Kash"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> target("auto", null, "12345", " "));
        assertThrows(IllegalStateException.class, () -> target("auto", null, null, "a-key-without-shop"));
        // nothing about a real Kash: the simulator, for the demo
        assertTrue(target("auto", null, null, null).simulatorEnabled());
        assertTrue(target("true", null, "12345", "k").simulatorEnabled());
    }

    @Test
    void aKeyTooShortToBeRealIsRefusedNamingItsLengthNotItsValue() {
        // a 1-character key would be masked character by character in everything the bridge writes
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> target("false", null, "42", "q"));
        assertTrue(e.getMessage().startsWith("KASH_API_KEY is 1 character long, shorter than any Kash API key"),
                e.getMessage());
        assertFalse(e.getMessage().contains("'q'"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> target("false", null, "42", "seven77"));
        assertTrue(target("false", null, "42", "eight888").problem().isEmpty());
        // the simulator's own demo key is not checked
        assertTrue(target("true", null, "42", "k").simulatorEnabled());
    }

    @Test
    void ledgerKeysAreNamespacedByTargetAndShop() {
        assertEquals("https://kash.click|12345", target("auto", null, "12345", "secret-key-1").namespace());
        assertEquals("https://caisse.enregistreuse.fr|12345",
                target("auto", "https://caisse.enregistreuse.fr/", "12345", "secret-key-1").namespace());
        assertEquals("simulator|demo-shop", target("auto", null, null, null).namespace());
    }
}
