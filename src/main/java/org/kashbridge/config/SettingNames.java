package org.kashbridge.config;

import java.util.Locale;

/**
 * The one environment variable of a setting: its name in upper case, dots and dashes as underscores, as Quarkus
 * maps it (kash.inbox.stable-ms: KASH_INBOX_STABLE_MS). The shipped defaults never read a variable of another
 * name, so this is the variable to name in every message about a setting (ConfigNamesTest keeps it so).
 */
public final class SettingNames {

    private SettingNames() {
    }

    public static String variable(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** "kash.x (KASH_X)", as messages name a setting. */
    public static String describe(String key) {
        return key + " (" + variable(key) + ")";
    }
}
