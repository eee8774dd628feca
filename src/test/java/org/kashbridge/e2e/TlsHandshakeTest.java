package org.kashbridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kashbridge.support.Api;
import org.kashbridge.support.TlsTroubleKash;

/**
 * A TLS handshake that fails (a reset after the hello, plain HTTP on the https port, a self-signed certificate)
 * happens before any byte of the request is written: a payment is FAILED "not sent" after its retries, never
 * AMBIGUOUS, and the retries did connect again. (A reset after the request was written stays AMBIGUOUS:
 * KashFailuresTest.)
 */
@QuarkusTest
@QuarkusTestResource(value = TlsTroubleKash.class, restrictToAnnotatedClass = true)
class TlsHandshakeTest {

    @ParameterizedTest
    @EnumSource(TlsTroubleKash.Mode.class)
    void aFailedHandshakeIsNotSentNeverAmbiguous(TlsTroubleKash.Mode mode) {
        TlsTroubleKash.mode = mode;
        int before = TlsTroubleKash.CONNECTIONS.get();
        long order = 62_000 + mode.ordinal();
        Response r = Api.postEdit("tls-" + order, "{\"orderID\":" + order + ",\"payment\":3,\"paymentAmount\":5.00}");
        assertEquals("FAILED", r.jsonPath().getString("status"), mode + ": " + r.asString());
        assertEquals(502, r.statusCode(), r.asString());
        assertTrue(r.jsonPath().getString("message").contains("not sent: the request did not reach Kash whole ("),
                r.asString());
        assertTrue(TlsTroubleKash.CONNECTIONS.get() - before > 1, mode + ": retried as not sent");
    }
}
