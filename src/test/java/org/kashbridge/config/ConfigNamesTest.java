package org.kashbridge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * Quarkus also reads every property from the environment under its upper-case name (dots and dashes as
 * underscores). Two settings with the same such name would silently share a value: once, the REST key
 * (kash.api.key) took the Kash API key from KASH_API_KEY. No two settings may collide.
 */
class ConfigNamesTest {

    @Test
    void noTwoSettingsShareAnEnvironmentVariableName() throws IOException {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("config/application.properties"))) {
            props.load(r);
        }
        Map<String, String> byEnv = new HashMap<>();
        Map<String, String> collisions = new TreeMap<>();
        for (String name : props.stringPropertyNames()) {
            String plain = name.startsWith("%") ? name.substring(name.indexOf('.') + 1) : name;
            String env = plain.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
            String other = byEnv.putIfAbsent(env, plain);
            if (other != null && !other.equals(plain)) {
                collisions.put(env, other + " / " + plain);
            }
        }
        assertEquals(Map.of(), collisions);
    }
}
