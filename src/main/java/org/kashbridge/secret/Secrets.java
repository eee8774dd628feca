package org.kashbridge.secret;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/** The secrets of this start ({@link SecretMask#SETTINGS}), masked wherever the bridge writes or answers. */
@Singleton
public class Secrets {

    private final SecretMask mask = SecretMask.of(ConfigProvider.getConfig());

    /** A secret too short to be told from ordinary text is not masked: said once, naming the setting only. */
    void onStart(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent start) {
        for (String name : SecretMask.tooShort(ConfigProvider.getConfig())) {
            org.jboss.logging.Logger.getLogger(Secrets.class).warnf("%s is shorter than %d characters: it is not "
                    + "masked in logs, records and answers; set a longer one", name, SecretMask.SHORTEST);
        }
    }

    public String mask(String text) {
        return mask.apply(text);
    }

    public SecretMask mask() {
        return mask;
    }
}
