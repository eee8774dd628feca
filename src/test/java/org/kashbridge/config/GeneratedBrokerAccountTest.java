package org.kashbridge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import org.junit.jupiter.api.Test;
import org.kashbridge.support.TestSettings;

/** The bridge's own broker account: generated for the embedded broker when none is set, never for an external one. */
class GeneratedBrokerAccountTest {

    private static SmallRyeConfig config(Map<String, String> settings) {
        return TestSettings.builder().withInterceptors(new GeneratedBrokerAccount())
                .withSources(new PropertiesConfigSource(settings, "test", 400)).build();
    }

    @Test
    void embeddedWithoutCredentialsGetsAGeneratedAccount() {
        SmallRyeConfig c = config(Map.of());
        assertEquals("kash-bridge", c.getValue("quarkus.artemis.username", String.class));
        String password = c.getValue("quarkus.artemis.password", String.class);
        assertEquals(48, password.length());
        assertNotEquals(password, GeneratedBrokerAccount.random());
    }

    @Test
    void configuredCredentialsWin() {
        SmallRyeConfig c = config(Map.of("kash.broker.user", "ops", "kash.broker.password", "s3cret-pass"));
        assertEquals("ops", c.getValue("quarkus.artemis.username", String.class));
        assertEquals("s3cret-pass", c.getValue("quarkus.artemis.password", String.class));
    }

    @Test
    void aConfiguredUserKeepsItsOwnPassword() {
        SmallRyeConfig c = config(Map.of("kash.broker.user", "ops"));
        assertEquals("ops", c.getValue("quarkus.artemis.username", String.class));
        assertFalse(c.getOptionalValue("quarkus.artemis.password", String.class).isPresent());
    }

    @Test
    void anExternalBrokerGetsNoGeneratedCredentials() {
        SmallRyeConfig c = config(Map.of("kash.broker.embedded", "false"));
        assertFalse(c.getOptionalValue("quarkus.artemis.username", String.class).isPresent());
        assertFalse(c.getOptionalValue("quarkus.artemis.password", String.class).isPresent());
    }
}
