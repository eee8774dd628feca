package org.kashbridge.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which bind addresses keep a port on this machine (and so may stay without credentials). */
class AddressesTest {

    @Test
    void loopbackAddressesAndLocalhost() {
        for (String host : new String[] {"127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost", " 127.0.0.1 "}) {
            assertTrue(Addresses.loopback(host), host);
        }
    }

    @Test
    void theWildcardAnyOtherAddressAndNamesThatDoNotResolveAreNot() {
        for (String host : new String[] {"0.0.0.0", "::", "[::]", "", "192.0.2.2", "10.0.0.1",
                "no-such-host.invalid"}) {
            assertFalse(Addresses.loopback(host), host);
        }
    }
}
