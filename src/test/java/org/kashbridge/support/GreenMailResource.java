package org.kashbridge.support;

import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real SMTP server (GreenMail) on a free port for the alert mails. */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail greenMail;

    public static GreenMail mail() {
        return greenMail;
    }

    @Override
    public Map<String, String> start() {
        if (greenMail == null) {
            greenMail = new GreenMail(
                    new ServerSetup(FreePortResource.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
        }
        // application.properties builds the %test mail endpoint from this port; SmtpDownTest overrides the endpoint
        return Map.of("kash-test.smtp-port", String.valueOf(greenMail.getSmtp().getPort()));
    }

    @Override
    public void stop() {
        // kept for the whole test run: a Quarkus restart for another class reuses it
    }
}
