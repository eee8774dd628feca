package org.kashbridge.config;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import io.smallrye.config.WithName;
import jakarta.annotation.Priority;

/**
 * Checks each typed kash.* value as it is read, so that a bad one stops the start with a message naming the
 * setting, its variable and where the value came from ("kash.concurrency (KASH_CONCURRENCY): expected an
 * integer, got 'eight', from the environment"). SmallRye's own conversion message names the key only, and
 * takes any word for a boolean as false (KASH_MAIL_ENABLED=ture would silently mean no mail). Written here
 * because Quarkus has no hook on its conversion messages; registered in META-INF/services, at a priority above
 * the expression interceptor's so that it sees values as expanded.
 */
@Priority(Priorities.APPLICATION)
public class SettingValueCheck implements ConfigSourceInterceptor {

    private static final long serialVersionUID = 1L;
    // only these: SmallRye reads yes, on, 1 (and oui, ja...) as true and any other word as false, while a route's
    // "{{kash.mail.enabled}}" filter reads every word but false as true, so "no" would mean two things
    private static final Set<String> BOOLEANS = Set.of("true", "false");
    private static final Map<String, Function<String, String>> CHECKS = checks(settings(KashConfig.class, "kash."));
    /** Settings renamed so that each answers to one variable, by new name: the old one is refused, naming both. */
    static final Map<String, String> RENAMED_FROM = Map.ofEntries(
            Map.entry("kash.connect-timeout-ms", "kash.http.connect-timeout"),
            Map.entry("kash.read-timeout-ms", "kash.http.read-timeout"),
            Map.entry("kash.inbox.stable-ms", "kash.inbox.stable-for"),
            Map.entry("kash.inbox.stable-check-ms", "kash.inbox.stable-check"),
            Map.entry("kash.inbox.poll-ms", "kash.inbox.poll-delay"),
            Map.entry("kash.inbox.read-lock-timeout-ms", "kash.inbox.read-lock-timeout"),
            Map.entry("kash.success-endpoints", "kash.outcome.success-endpoints"),
            Map.entry("kash.failure-endpoints", "kash.outcome.failure-endpoints"),
            Map.entry("kash.bridge.api-key", "kash.rest.api-key"),
            Map.entry("kash.bridge.user", "kash.rest.user"),
            Map.entry("kash.bridge.password", "kash.rest.password"));

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        String old = RENAMED_FROM.get(name);
        ConfigValue oldValue = old == null ? null : context.proceed(old);
        if (oldValue != null && oldValue.getValue() != null) {
            throw new BadSetting(old + " is now " + SettingNames.describe(name) + (fromEnvironment(oldValue)
                    ? ": rename the variable "
                            + SettingNames.variable(old) + " to " + SettingNames.variable(name)
                    : ": rename it" + origin(
                            oldValue).replaceFirst("^, from", " in")));
        }
        // a value still holding an expression is the build's raw read (at run time values arrive expanded)
        Function<String, String> check = value == null || value.getValue() == null || value.getValue().contains("${")
                ? null : CHECKS.get(name);
        String problem = check == null ? null : check.apply(value.getValue().strip());
        if (problem != null) {
            throw new BadSetting(SettingNames.describe(name) + ": expected " + problem + ", got '"
                    + shortened(value.getValue()) + "'" + origin(value));
        }
        return value;
    }

    /** Every setting of the mapping, by key: its type (Optional unwrapped). */
    static Map<String, Class<?>> settings(Class<?> group, String prefix) {
        Map<String, Class<?>> settings = new TreeMap<>();
        for (Method m : group.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() > 0) {
                continue;
            }
            String key = prefix + (m.isAnnotationPresent(WithName.class) ? m.getAnnotation(WithName.class).value()
                    : kebab(m.getName()));
            Class<?> type = m.getReturnType();
            if (type == Optional.class) {
                type = (Class<?>) ((ParameterizedType) m.getGenericReturnType()).getActualTypeArguments()[0];
            }
            if (type.isInterface() && type.getName().startsWith(KashConfig.class.getName() + "$")) {
                settings.putAll(settings(type, key + "."));
            } else {
                settings.put(key, type);
            }
        }
        return settings;
    }

    /** Each typed setting by key: a function answering what was expected, or null when the value is fine. */
    static Map<String, Function<String, String>> checks(Map<String, Class<?>> settings) {
        Map<String, Function<String, String>> checks = new HashMap<>();
        settings.forEach((key, type) -> {
            if (type == int.class || type == Integer.class) {
                checks.put(key, v -> parses(v, Integer::parseInt) ? null : "an integer");
            } else if (type == long.class || type == Long.class) {
                checks.put(key, v -> parses(v, Long::parseLong) ? null : "an integer");
            } else if (type == double.class || type == Double.class) {
                checks.put(key, v -> parses(v, Double::parseDouble) ? null : "a number");
            } else if (type == boolean.class || type == Boolean.class) {
                checks.put(key, v -> BOOLEANS.contains(v.toLowerCase(Locale.ROOT)) ? null : "true or false");
            } else if (type == Duration.class) {
                checks.put(key, v -> parses(v, new DurationConverter()::convert) ? null
                        : "a duration such as 500ms, 30s, 5m, 1h or 90d");
            } else if (type == MemorySize.class) {
                checks.put(key, v -> parses(v, new MemorySizeConverter()::convert) ? null
                        : "a size such as 512K or 1M");
            }
        });
        return checks;
    }

    private static boolean parses(String value, Function<String, ?> parser) {
        try {
            return parser.apply(value) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static String kebab(String method) {
        return method.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String shortened(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "…";
    }

    private static boolean fromEnvironment(ConfigValue value) {
        return String.valueOf(value.getConfigSourceName()).startsWith("EnvConfigSource");
    }

    private static String origin(ConfigValue value) {
        String source = value.getConfigSourceName();
        if (source == null) {
            return "";
        }
        if (fromEnvironment(value)) {
            return ", from the environment";
        }
        if (source.startsWith("SysPropConfigSource")) {
            return ", from a -D system property";
        }
        int file = source.indexOf("source=");
        String where = (file < 0 ? source : source.substring(file + 7).replaceFirst("]$", "")).replaceFirst("^file:",
                "");
        return ", from " + where + (value.getLineNumber() > 0 ? " line " + value.getLineNumber() : "");
    }

    /** Printed by Quarkus as its message alone, without the exception's class name. */
    static final class BadSetting extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        BadSetting(String message) {
            super(message);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
