package org.kashbridge.support;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.kashbridge.config.KashConfig;

/** The bridge's settings for a unit test: the shipped defaults, with these values over them, as the bridge maps them. */
public final class TestSettings {

    private TestSettings() {
    }

    public static KashConfig kash(Map<String, String> overrides) {
        try {
            SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors()
                    .withSources(new PropertiesConfigSource(
                            Path.of("src/main/resources/application.properties").toUri().toURL(), 250))
                    .withSources(new PropertiesConfigSource(overrides, "test overrides", 500))
                    // "30s", "5m", "90d": the Duration forms Quarkus reads
                    .withConverter(Duration.class, 200, new DurationConverter())
                    .withMapping(KashConfig.class).build();
            return config.getConfigMapping(KashConfig.class);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static KashConfig kash() {
        return kash(Map.of());
    }
}
