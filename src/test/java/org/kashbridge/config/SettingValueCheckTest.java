package org.kashbridge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.common.MapBackedConfigSource;
import org.junit.jupiter.api.Test;
import org.kashbridge.support.TestSettings;

/** A bad kash.* value stops the start naming the setting, its variable and where it was set. */
class SettingValueCheckTest {

    /** The shipped defaults, with a config/application.properties and an environment over them. */
    static SmallRyeConfig config(Map<String, String> file, Map<String, String> env) {
        return TestSettings.builder()
                .withSources(new PropertiesConfigSource(file, "file:config/application.properties", 260))
                .withSources(new MapBackedConfigSource("EnvConfigSource", env, 300) {
                    private static final long serialVersionUID = 1L;
                }).build();
    }

    static List<String> problems(Map<String, String> file, Map<String, String> env) {
        ConfigValidationException e = assertThrows(ConfigValidationException.class, () -> config(file, env));
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < e.getProblemCount(); i++) {
            problems.add(e.getProblem(i).getMessage());
        }
        return problems;
    }

    @Test
    void theShippedDefaultsPass() {
        assertEquals(8, config(Map.of(), Map.of()).getConfigMapping(KashConfig.class).concurrency());
    }

    @Test
    void aValueOfTheWrongTypeNamesTheSettingItsVariableAndWhereItCameFrom() {
        assertEquals(List.of("kash.concurrency (KASH_CONCURRENCY): expected an integer, got 'eight', from the "
                + "environment"), problems(Map.of(), Map.of("kash.concurrency", "eight")));
        assertEquals(List.of("kash.retry.max-delay (KASH_RETRY_MAX_DELAY): expected a duration such as 500ms, 30s, "
                + "5m, 1h or 90d, got '30 seconds', from config/application.properties"),
                problems(Map.of("kash.retry.max-delay", "30 seconds"), Map.of()));
        assertEquals(List.of("kash.inbox.poll-ms (KASH_INBOX_POLL_MS): expected an integer, got '1s', from the "
                + "environment"), problems(Map.of(), Map.of("kash.inbox.poll-ms", "1s")));
    }

    @Test
    void aBooleanThatIsNoBooleanIsRefusedInsteadOfMeaningFalse() {
        assertEquals(List.of("kash.mail.enabled (KASH_MAIL_ENABLED): expected true or false, got 'ture', from the "
                + "environment"), problems(Map.of(), Map.of("kash.mail.enabled", "ture")));
        // SmallRye would read it as false, a route's {{kash.mail.enabled}} filter as true
        assertEquals(List.of("kash.mail.enabled (KASH_MAIL_ENABLED): expected true or false, got 'no', from the "
                + "environment"), problems(Map.of(), Map.of("kash.mail.enabled", "no")));
        assertTrue(config(Map.of(), Map.of("kash.mail.enabled", "TRUE")).getConfigMapping(KashConfig.class).mail()
                .enabled());
    }

    @Test
    void aSettingUnderItsFormerNameNamesTheNewOne() {
        List<String> fromFile = problems(Map.of("kash.inbox.stable-for", "5000"), Map.of());
        assertTrue(fromFile.contains("kash.inbox.stable-for is now kash.inbox.stable-ms (KASH_INBOX_STABLE_MS): "
                + "rename it in config/application.properties"), fromFile.toString());
        List<String> fromEnv = problems(Map.of(), Map.of("kash.http.read-timeout", "100"));
        assertTrue(fromEnv.contains("kash.http.read-timeout is now kash.read-timeout-ms (KASH_READ_TIMEOUT_MS): "
                + "rename the variable KASH_HTTP_READ_TIMEOUT to KASH_READ_TIMEOUT_MS"), fromEnv.toString());
    }

    @Test
    void aValueWrittenAsAnExpressionIsCheckedOnceExpanded() {
        assertEquals(16, config(Map.of("kash.concurrency", "${cores:16}"), Map.of()).getConfigMapping(KashConfig.class)
                .concurrency());
        assertEquals(List.of("kash.concurrency (KASH_CONCURRENCY): expected an integer, got 'many', from "
                + "config/application.properties"),
                problems(Map.of("kash.concurrency", "${cores}", "cores", "many"), Map.of()));
    }

    @Test
    void aSecretUnderItsFormerNameIsRefusedWithoutItsValue() {
        List<String> problems = problems(Map.of(), Map.of("kash.rest.password", "S3cr3t-former"));
        assertTrue(problems.contains("kash.rest.password is now kash.bridge.password (KASH_BRIDGE_PASSWORD): rename "
                + "the variable KASH_REST_PASSWORD to KASH_BRIDGE_PASSWORD"), problems.toString());
        assertTrue(problems.stream().noneMatch(p -> p.contains("S3cr3t")), problems.toString());
    }

    @Test
    void everyProblemIsNamedNotOnlyTheFirst() {
        assertEquals(2, problems(Map.of("kash.rate-limit", "many"), Map.of("kash.retry.jitter", "lots")).size());
    }
}
