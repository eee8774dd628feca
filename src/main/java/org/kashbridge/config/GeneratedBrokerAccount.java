package org.kashbridge.config;

import java.security.SecureRandom;
import java.util.HexFormat;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;

/**
 * The bridge's own account on its embedded broker when KASH_BROKER_USER / KASH_BROKER_PASSWORD are not set: user
 * kash-bridge with a password drawn at each start, known only to this process. It is what quarkus.artemis.username
 * and password give then (the connection factory's account), and EmbeddedBroker registers the same. With an
 * external broker nothing is generated: the bridge connects with the credentials given, or none.
 */
// where SettingValueCheck runs: values arrive here with their expressions expanded
@Priority(Priorities.APPLICATION + 10)
public class GeneratedBrokerAccount implements ConfigSourceInterceptor {

    static final String USER_KEY = "quarkus.artemis.username";
    static final String PASSWORD_KEY = "quarkus.artemis.password";
    public static final String USER = "kash-bridge";
    private static final String PASSWORD = random();

    /** 48 hex digits from SecureRandom: the broker passwords the bridge generates. */
    public static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!(USER_KEY.equals(name) || PASSWORD_KEY.equals(name))
                || value != null && value.getValue() != null && !value.getValue().isEmpty()) {
            return value;
        }
        ConfigValue embedded = context.proceed("kash.broker.embedded");
        if (embedded == null || embedded.getValue() == null || !Boolean.parseBoolean(embedded.getValue().trim())) {
            return value;
        }
        // both or neither: a configured user keeps its configured (or empty) password
        ConfigValue user = USER_KEY.equals(name) ? value : context.proceed(USER_KEY);
        if (user != null && user.getValue() != null && !user.getValue().isEmpty()) {
            return value;
        }
        return ConfigValue.builder().withName(name).withValue(USER_KEY.equals(name) ? USER : PASSWORD)
                .withConfigSourceName("generated for the embedded broker").build();
    }
}
