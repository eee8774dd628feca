package org.kashbridge.secret;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/** The secrets of this start ({@link SecretMask#SETTINGS}), masked wherever the bridge writes or answers. */
@Singleton
public class Secrets {

    private final SecretMask mask = SecretMask.of(ConfigProvider.getConfig());

    public String mask(String text) {
        return mask.apply(text);
    }

    public SecretMask mask() {
        return mask;
    }
}
