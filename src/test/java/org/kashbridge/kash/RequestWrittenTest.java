package org.kashbridge.kash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.ssl.TLS;
import org.apache.hc.core5.ssl.SSLContexts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * TLS 1.3 lets the client write its request before the server has judged the client's certificate: a server that
 * refuses it answers with an alert the client only reads after writing. The request never reached the server's
 * application, so the call is "not sent"; a server that takes the handshake and then drops the connection without
 * an answer stays "sent, no reply".
 */
class RequestWrittenTest {

    private SSLServerSocket server;
    private final AtomicInteger requestsRead = new AtomicInteger();

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    /** A TLS 1.3 server with WireMock's self-signed certificate; {@code needClientAuth}: it wants one from us. */
    private int serve(boolean needClientAuth) throws Exception {
        KeyManagerFactory kmf = keys();
        SSLContext ctx = SSLContext.getInstance("TLSv1.3");
        ctx.init(kmf.getKeyManagers(), null, null);
        server = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 5,
                InetAddress.getLoopbackAddress());
        server.setEnabledProtocols(new String[] {"TLSv1.3"});
        server.setNeedClientAuth(needClientAuth);
        Thread t = new Thread(() -> {
            try (SSLSocket s = (SSLSocket) server.accept()) {
                // a refused certificate fails here, in the handshake, before the application reads anything
                int first = s.getInputStream().read();
                if (first >= 0) {
                    requestsRead.incrementAndGet();
                }
                // taken, then dropped without an answer
            } catch (IOException e) {
                // the refusal
            }
        }, "tls13-server");
        t.setDaemon(true);
        t.start();
        return server.getLocalPort();
    }

    /**
     * A TLS 1.3 server that judges the client's certificate only once the client's request is on the wire (as a slow
     * certificate check would), then refuses it: the client reads the alert after writing. It drains what the
     * client sent before closing, so no reset overtakes the alert.
     */
    private int serveRefusingCertificateLate() throws Exception {
        KeyManagerFactory kmf = keys();
        java.net.ServerSocket plain = new java.net.ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (plain; java.net.Socket raw = plain.accept()) {
                TrustManager slow = new X509TrustManager() {
                    @Override
                    public void checkClientTrusted(X509Certificate[] chain, String authType)
                            throws java.security.cert.CertificateException {
                        // the client writes its request right after its Finished: wait until it is here
                        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                                .until(() -> raw.getInputStream().available() > 0);
                        throw new java.security.cert.CertificateException("not a client of ours");
                    }

                    @Override
                    public void checkServerTrusted(X509Certificate[] chain, String authType) {
                    }

                    @Override
                    public X509Certificate[] getAcceptedIssuers() {
                        return new X509Certificate[0];
                    }
                };
                SSLContext ctx = SSLContext.getInstance("TLSv1.3");
                ctx.init(kmf.getKeyManagers(), new TrustManager[] {slow}, null);
                SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(raw, null, raw.getPort(), false);
                s.setUseClientMode(false);
                s.setEnabledProtocols(new String[] {"TLSv1.3"});
                s.setNeedClientAuth(true);
                try {
                    if (s.getInputStream().read() >= 0) {
                        requestsRead.incrementAndGet();
                    }
                } catch (IOException refused) {
                    raw.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                }
            } catch (Exception e) {
                // closed
            }
        }, "tls13-late-refusal");
        t.setDaemon(true);
        t.start();
        return plain.getLocalPort();
    }

    private static KeyManagerFactory keys() throws Exception {
        KeyStore ks = KeyStore.getInstance("JKS");
        try (InputStream in = RequestWrittenTest.class.getClassLoader().getResourceAsStream("keystore")) {
            ks.load(in, "password".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "password".toCharArray());
        return kmf;
    }

    private static CloseableHttpClient client(javax.net.ssl.KeyManager[] keys) throws Exception {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext ctx = SSLContexts.createDefault();
        ctx.init(keys, new TrustManager[] {trustAll}, null);
        HttpClientBuilder builder = HttpClientBuilder.create().disableAutomaticRetries()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(new DefaultClientTlsStrategy(ctx, new String[] {TLS.V_1_3.id}, null,
                                null, NoopHostnameVerifier.INSTANCE))
                        .build());
        new RequestWritten().configureHttpClient(builder);
        return builder.build();
    }

    private static IOException post(int port, javax.net.ssl.KeyManager[] keys) throws Exception {
        try (CloseableHttpClient client = client(keys)) {
            HttpPost post = new HttpPost("https://127.0.0.1:" + port + "/workers/editOrder.php");
            post.setEntity(
                    new StringEntity("shopID=s&key=k&orderID=7&payment=3", ContentType.APPLICATION_FORM_URLENCODED));
            return assertThrows(IOException.class, () -> client.execute(post, response -> response.getCode()));
        }
    }

    @Test
    void aClientCertificateRefusedUnderTls13IsNotSent() throws Exception {
        IOException e = post(serveRefusingCertificateLate(), keys().getKeyManagers());
        assertInstanceOf(RequestWritten.NotSentException.class, e, e.toString());
        assertTrue(e.getMessage().contains("Received fatal alert: certificate_unknown")
                || e.getMessage().contains("Received fatal alert: bad_certificate"), e.getMessage());
        assertEquals(0, requestsRead.get());
    }

    @Test
    void noClientCertificateWhereOneIsNeededIsNotSentWhicheverComesFirst() throws Exception {
        // the alert, or the reset it is followed by while the request is still being written
        IOException e = post(serve(true), null);
        assertInstanceOf(RequestWritten.NotSentException.class, e, e.toString());
        assertEquals(0, requestsRead.get());
    }

    @Test
    void aConnectionDroppedAfterTheHandshakeStaysSentWithoutReply() throws Exception {
        IOException e = post(serve(false), null);
        assertFalse(e instanceof RequestWritten.NotSentException, e.toString());
        assertEquals(1, requestsRead.get());
    }

    @Test
    void onlyAlertsOfARefusedHandshakeCount() {
        assertTrue(RequestWritten.refusedHandshake(new SSLException("Received fatal alert: certificate_required")));
        assertTrue(RequestWritten.refusedHandshake(new SSLException("Received fatal alert: bad_certificate")));
        assertFalse(RequestWritten.refusedHandshake(new SSLException("Received fatal alert: internal_error")));
        assertFalse(RequestWritten.refusedHandshake(new SSLException("Connection reset")));
    }
}
