package org.kashbridge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Quarkus also reads every property from the environment under its upper-case name (dots and dashes as
 * underscores). Two settings with the same such name would silently share a value: once, the REST key
 * (kash.api.key) took the Kash API key from KASH_API_KEY. No two settings may collide.
 */
class ConfigNamesTest {

    static final List<String> FILES = List.of("src/main/resources/application.properties",
            "src/test/resources/application.properties", "config/application.properties");

    static Properties load(String file) throws IOException {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of(file))) {
            props.load(r);
        }
        return props;
    }

    @Test
    void noTwoSettingsShareAnEnvironmentVariableName() throws IOException {
        Properties props = new Properties();
        for (String file : FILES) {
            props.putAll(load(file));
        }
        Map<String, String> byEnv = new HashMap<>();
        Map<String, String> collisions = new TreeMap<>();
        for (String name : props.stringPropertyNames()) {
            String plain = name.startsWith("%") ? name.substring(name.indexOf('.') + 1) : name;
            String env = SettingNames.variable(plain);
            String other = byEnv.putIfAbsent(env, plain);
            if (other != null && !other.equals(plain)) {
                collisions.put(env, other + " / " + plain);
            }
        }
        assertEquals(Map.of(), collisions);
    }

    @Test
    void theShippedFilesReadNoVariableUnderAnotherName() throws IOException {
        // ${KASH_X:default} would make the setting answer to KASH_X and to its own variable: two names, and
        // which wins depends on where else it is set
        for (String file : FILES) {
            Properties props = load(file);
            for (String name : props.stringPropertyNames()) {
                assertFalse(props.getProperty(name).matches("(?s).*\\$\\{[A-Z].*"),
                        file + ": " + name + " reads a variable by name: " + props.getProperty(name));
            }
        }
    }

    @Test
    void everySettingIsDocumentedWithTheVariableNamedAfterIt() throws IOException {
        Pattern code = Pattern.compile("`([^`]+)`");
        Set<String> documented = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("docs/configuration.md"))) {
            String[] cells = line.split("\\|");
            if (!line.startsWith("| `") || cells.length < 4) {
                continue;
            }
            List<String> settings = code.matcher(cells[1]).results().map(m -> m.group(1)).toList();
            List<String> variables = code.matcher(cells[2]).results().map(m -> m.group(1)).toList();
            assertEquals(settings.stream().map(SettingNames::variable).toList(), variables, line);
            documented.addAll(settings);
        }
        Set<String> missing = new TreeSet<>(SettingValueCheck.settings(KashConfig.class, "kash.").keySet());
        missing.removeAll(documented);
        missing.remove("kash.check"); // bin/kash-bridge check's own
        assertEquals(Set.of(), missing, "settings of KashConfig missing from docs/configuration.md");
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
