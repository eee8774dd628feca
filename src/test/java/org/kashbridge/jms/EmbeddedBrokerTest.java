package org.kashbridge.jms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kashbridge.support.TestSettings;

/** The bridge's own connection goes to the embedded broker in its process; without that broker it cannot. */
class EmbeddedBrokerTest {

    @Test
    void anExternalBrokerLeftAtTheInProcessAddressStopsTheStartNamingTheVariable() {
        EmbeddedBroker broker = new EmbeddedBroker();
        broker.kash = TestSettings.kash(Map.of("kash.broker.embedded", "false"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> broker.begin(null));
        assertEquals(
                "KASH_BROKER_EMBEDDED=false, but KASH_BROKER_URL (kash.broker.url) is vm://0?consumerWindowSize=8192, "
                        + "the embedded broker inside this process: set it to your broker, tcp://host:61616",
                e.getMessage());
    }

    @Test
    void aConfigurationCheckOpensNoBrokerAndRefusesNothing() {
        EmbeddedBroker broker = new EmbeddedBroker();
        broker.kash = TestSettings.kash(Map.of("kash.broker.embedded", "false", "kash.check", "true"));
        broker.begin(null);
    }
}
