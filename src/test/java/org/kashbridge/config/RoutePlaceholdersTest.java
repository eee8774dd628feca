package org.kashbridge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import io.smallrye.config.PropertiesConfigSource;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.LoadablePropertiesSource;
import org.junit.jupiter.api.Test;
import org.kashbridge.support.TestSettings;

/**
 * The routes' placeholders answered from the configuration by name, ahead of a source that Camel asks to load every
 * setting each time it answers one (as its MicroProfile source is).
 */
class RoutePlaceholdersTest {

    /** Answers what the configuration answers, as Camel's MicroProfile source does, and counts full loads. */
    static final class LoadingSource implements LoadablePropertiesSource {
        final AtomicInteger loads = new AtomicInteger();
        final Map<String, String> settings;

        LoadingSource(Map<String, String> settings) {
            this.settings = settings;
        }

        @Override
        public String getName() {
            return "loading";
        }

        @Override
        public String getProperty(String name) {
            return settings.get(name);
        }

        @Override
        public Properties loadProperties() {
            loads.incrementAndGet();
            Properties all = new Properties();
            all.putAll(settings);
            return all;
        }

        @Override
        public Properties loadProperties(java.util.function.Predicate<String> filter) {
            return loadProperties();
        }

        @Override
        public void reloadProperties(String location) {
        }
    }

    private static final Map<String, String> SETTINGS = Map.of("placeholders-test.dir", "/data/in",
            "placeholders-test.delay",
            "50");

    /** Adds the loading source (the names are the test's own: no other source of the context knows them). */
    private static LoadingSource withLoadingSource(DefaultCamelContext camel, Map<String, String> settings) {
        LoadingSource loading = new LoadingSource(settings);
        camel.getPropertiesComponent().addPropertiesSource(loading);
        return loading;
    }

    @Test
    void placeholdersResolveAsBeforeWithoutLoadingEverySetting() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            LoadingSource loading = withLoadingSource(camel, SETTINGS);
            camel.getPropertiesComponent().addPropertiesSource(new RoutePlaceholders.Source(
                    TestSettings.builder().withSources(new PropertiesConfigSource(SETTINGS, "test", 400)).build()));
            camel.start();
            assertEquals("file:/data/in?delay=50", camel.resolvePropertyPlaceholders(
                    "file:{{placeholders-test.dir}}?delay={{placeholders-test.delay}}"));
            assertEquals("fallback", camel.resolvePropertyPlaceholders("{{placeholders-test.not-set:fallback}}"));
            assertThrows(IllegalArgumentException.class,
                    () -> camel.resolvePropertyPlaceholders("{{placeholders-test.not-set}}"));
            assertEquals(0, loading.loads.get(), "no placeholder loaded the whole configuration");
        }
    }

    @Test
    void withoutItEachPlaceholderLoadsEverySetting() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            LoadingSource loading = withLoadingSource(camel, SETTINGS);
            camel.start();
            assertEquals("file:/data/in?delay=50", camel.resolvePropertyPlaceholders(
                    "file:{{placeholders-test.dir}}?delay={{placeholders-test.delay}}"));
            assertEquals(2, loading.loads.get(),
                    "Camel loads every setting per placeholder, which RoutePlaceholders is "
                            + "written for: if this fails after a Camel upgrade, RoutePlaceholders may no longer be needed");
        }
    }
}
