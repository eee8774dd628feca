package org.kashbridge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        for (String file : new String[] {"src/main/resources/application.properties",
                "src/test/resources/application.properties", "config/application.properties"}) {
            try (Reader r = Files.newBufferedReader(Path.of(file))) {
                props.load(r);
            }
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

    @Test
    void theJarShipsNoTestSettingAndConfigHoldsOnlyTheOperatorsOwn() throws IOException {
        for (String line : Files.readAllLines(Path.of("src/main/resources/application.properties"))) {
            assertFalse(line.startsWith("%test."), "a test setting in the shipped defaults: " + line);
        }
        // config/ is where an operator writes what they change: as shipped, it changes nothing
        for (String line : Files.readAllLines(Path.of("config/application.properties"))) {
            assertTrue(line.isBlank() || line.startsWith("#"), "a setting in the shipped config/: " + line);
        }
    }
}
