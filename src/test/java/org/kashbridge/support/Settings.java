package org.kashbridge.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Settings of one test class, given as its resource's arguments: {@code @QuarkusTestResource(value =
 * Settings.class, restrictToAnnotatedClass = true, initArgs = @ResourceArg(name = "kash.x", value = "1"))}.
 */
public class Settings implements QuarkusTestResourceLifecycleManager {

    private Map<String, String> settings = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        settings = Map.copyOf(initArgs);
    }

    @Override
    public Map<String, String> start() {
        return settings;
    }

    @Override
    public void stop() {
    }
}
