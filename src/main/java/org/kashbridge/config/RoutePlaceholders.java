package org.kashbridge.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.camel.Ordered;
import org.apache.camel.quarkus.main.events.BeforeConfigure;
import org.apache.camel.spi.PropertiesSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Answers the routes' {{placeholders}} from the bridge's configuration, ahead of Camel's own MicroProfile source.
 * Written because that source, each time it answers one placeholder, is asked to load every setting (to name where
 * the value came from): every placeholder of every route read the whole configuration, variables included, while
 * Camel built the routes at start-up. This one looks up the one name, with the same result.
 */
@ApplicationScoped
public class RoutePlaceholders {

    void register(@Observes BeforeConfigure event) {
        event.getCamelContext().getPropertiesComponent().addPropertiesSource(new Source(ConfigProvider.getConfig()));
    }

    static final class Source implements PropertiesSource, Ordered {

        private final Config config;

        Source(Config config) {
            this.config = config;
        }

        @Override
        public String getName() {
            return "kash-bridge configuration";
        }

        @Override
        public String getProperty(String name) {
            return config.getOptionalValue(name, String.class).orElse(null);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST;
        }
    }
}
