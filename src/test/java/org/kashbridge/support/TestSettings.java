package org.kashbridge.support;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.kashbridge.config.KashConfig;
import org.kashbridge.config.SettingValueCheck;

/** The bridge's settings for a unit test: the shipped defaults, with these values over them, as the bridge maps them. */
public final class TestSettings {

    /** The password of the broker's client account in the test profile (src/test/resources). */
    public static final String CLIENT_PASSWORD = "test-client-password";

    private TestSettings() {
    }

    /** The shipped defaults, read as the bridge reads them (Quarkus's converters, the bridge's own check). */
    public static SmallRyeConfigBuilder builder() {
        try {
            return new SmallRyeConfigBuilder().addDefaultInterceptors().withInterceptors(new SettingValueCheck())
                    .withSources(new PropertiesConfigSource(
                            Path.of("src/main/resources/application.properties").toUri().toURL(), 250))
                    // "30s", "5m", "90d", "256K": the forms Quarkus reads
                    .withConverter(Duration.class, 200, new DurationConverter())
                    .withConverter(MemorySize.class, 200, new MemorySizeConverter())
                    .withMapping(KashConfig.class);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static KashConfig kash(Map<String, String> overrides) {
        return builder().withSources(new PropertiesConfigSource(overrides, "test overrides", 500)).build()
                .getConfigMapping(KashConfig.class);
    }

    public static KashConfig kash() {
        return kash(Map.of());
    }
}
