package org.kashbridge.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A Kash at an https address whose TLS handshake never completes, in the way {@link #mode} says: the connection is
 * reset after the client's hello, plain HTTP answers on the https port, or the server shows a self-signed
 * certificate (WireMock's, through a TCP pipe). No request byte can reach it.
 */
public class TlsTroubleKash implements QuarkusTestResourceLifecycleManager {

    public enum Mode {
        RESET, PLAIN_HTTP, SELF_SIGNED
    }

    public static volatile Mode mode = Mode.RESET;
    /** Connections accepted so far: each is one attempt of the bridge. */
    public static final AtomicInteger CONNECTIONS = new AtomicInteger();

    private ServerSocket server;
    private WireMockServer tls;

    @Override
    public Map<String, String> start() {
        try {
            tls = new WireMockServer(WireMockConfiguration.options().dynamicPort().dynamicHttpsPort());
            tls.start();
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Thread accept = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    CONNECTIONS.incrementAndGet();
                    Thread t = new Thread(() -> serve(s), "tls-trouble");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return; // closed
                }
            }
        }, "tls-trouble-accept");
        accept.setDaemon(true);
        accept.start();
        return Map.of("kash.base-url", "https://127.0.0.1:" + server.getLocalPort(), "kash.connect-timeout-ms", "2000",
                "kash.read-timeout-ms", "2000");
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            switch (mode) {
                case RESET -> {
                    in.read(new byte[512]); // the ClientHello
                    s.setSoLinger(true, 0); // RST, not FIN
                }
                case PLAIN_HTTP -> {
                    in.read(new byte[512]);
                    s.getOutputStream()
                            .write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                                    .getBytes(StandardCharsets.US_ASCII));
                }
                case SELF_SIGNED -> {
                    try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), tls.httpsPort())) {
                        Thread back = new Thread(() -> pipe(upstreamIn(upstream), out(s)), "tls-trouble-back");
                        back.setDaemon(true);
                        back.start();
                        pipe(in, upstream.getOutputStream());
                        back.join(5_000);
                    }
                }
                default -> throw new IllegalStateException();
            }
        } catch (IOException | InterruptedException e) {
            // the bridge hung up: what these servers expect
        }
    }

    private static InputStream upstreamIn(Socket s) {
        try {
            return s.getInputStream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static OutputStream out(Socket s) {
        try {
            return s.getOutputStream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void pipe(InputStream in, OutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            // one side closed
        }
    }

    @Override
    public void stop() {
        try {
            server.close();
        } catch (IOException e) {
            // stopping
        }
        tls.stop();
    }
}
