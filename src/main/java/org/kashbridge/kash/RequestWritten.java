package org.kashbridge.kash;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketAddress;
import java.net.UnknownHostException;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.EndpointDetails;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.ProtocolVersion;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.http.io.HttpClientConnection;
import org.apache.hc.core5.http.io.HttpResponseInformationCallback;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * Tells a call that failed before its request was written from one that failed after. HttpClient opens the
 * connection (TCP, then the TLS handshake) in its CONNECT step, then its request executor writes the request and
 * flushes it: a failure before that flush succeeded (a reset or a refused certificate during the handshake, plain
 * HTTP on an https port, a connection reset while the request was being written) is rethrown as
 * {@link NotSentException}, a ConnectException, so the route retries it as not sent; the request never reached
 * Kash whole. A failure after it stays what it is (sent, no reply: AMBIGUOUS for a payment), but for a TLS 1.3
 * server refusing the client's certificate, whose alert only arrives once the request was written, unread.
 * The endpoint's httpClientConfigurer in routes/pipeline.camel.yaml; HttpClient has no event that says so, hence a
 * chain handler and a request executor that watches its connection.
 */
@ApplicationScoped
@Named("requestWritten")
@Unremovable
public class RequestWritten implements HttpClientConfigurer {

    private static final int CONNECTING = 0;
    private static final int WRITING = 1;
    private static final int WRITTEN = 2;
    /** Per call (the classic client runs its chain on the calling thread): how far the request got. */
    private static final ThreadLocal<int[]> PROGRESS = new ThreadLocal<>();

    /** The request did not reach Kash whole: Kash cannot have applied it. */
    public static final class NotSentException extends ConnectException {
        NotSentException(IOException cause) {
            // no cause chained: the route's onException would match the cause (a SocketException: "sent")
            super("not sent: the request did not reach Kash whole (" + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")");
        }
    }

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.addExecInterceptorBefore(ChainElement.CONNECT.name(), "kash-not-sent", (request, scope, chain) -> {
            int[] progress = {CONNECTING};
            PROGRESS.set(progress);
            try {
                return chain.proceed(request, scope);
            } catch (IOException e) {
                if (e instanceof ConnectException || e instanceof UnknownHostException
                        || e instanceof ConnectTimeoutException) {
                    throw e;
                }
                if (progress[0] < WRITTEN || e instanceof SSLException ssl && refusedHandshake(ssl)) {
                    throw new NotSentException(e);
                }
                throw e;
            } finally {
                PROGRESS.remove();
            }
        });
        builder.setRequestExecutor(new HttpRequestExecutor() {
            @Override
            public ClassicHttpResponse execute(ClassicHttpRequest request, HttpClientConnection conn,
                    HttpResponseInformationCallback informationCallback, HttpContext context)
                    throws IOException, HttpException {
                int[] progress = PROGRESS.get();
                return super.execute(request, progress == null ? conn : new Watched(conn, progress),
                        informationCallback, context);
            }
        });
    }

    /**
     * Alerts a TLS server sends only while it refuses the handshake (RFC 8446, 6.2). Under TLS 1.3 the client
     * finishes its side and writes the request before the server has judged its certificate, so such an alert
     * comes while the reply is read; the server's application never received the request. (A post-handshake
     * certificate request, which could follow a processed request, is never offered by the JDK's client.)
     */
    private static final java.util.Set<String> HANDSHAKE_REFUSALS = java.util.Set.of("handshake_failure",
            "bad_certificate", "unsupported_certificate", "certificate_revoked", "certificate_expired",
            "certificate_unknown", "unknown_ca", "access_denied", "certificate_required");

    static boolean refusedHandshake(SSLException e) {
        String m = e.getMessage();
        String prefix = "Received fatal alert: ";
        return m != null && m.startsWith(prefix) && HANDSHAKE_REFUSALS.contains(m.substring(prefix.length()).trim());
    }

    /**
     * The connection as the request executor uses it: writing begins with the header and ends with the flush that
     * follows the body (with Expect: 100-continue the header is flushed alone first).
     */
    private static final class Watched implements HttpClientConnection {
        private final HttpClientConnection conn;
        private final int[] progress;
        private boolean bodyLeft;

        Watched(HttpClientConnection conn, int[] progress) {
            this.conn = conn;
            this.progress = progress;
        }

        @Override
        public void sendRequestHeader(ClassicHttpRequest request) throws HttpException, IOException {
            progress[0] = WRITING;
            bodyLeft = request.getEntity() != null;
            conn.sendRequestHeader(request);
        }

        @Override
        public void flush() throws IOException {
            conn.flush();
            if (progress[0] == WRITING && !bodyLeft) {
                progress[0] = WRITTEN;
            }
        }

        @Override
        public ClassicHttpResponse receiveResponseHeader() throws HttpException, IOException {
            return conn.receiveResponseHeader();
        }

        @Override
        public boolean isConsistent() {
            return conn.isConsistent();
        }

        @Override
        public void terminateRequest(ClassicHttpRequest request) throws HttpException, IOException {
            conn.terminateRequest(request);
        }

        @Override
        public void sendRequestEntity(ClassicHttpRequest request) throws HttpException, IOException {
            conn.sendRequestEntity(request);
            bodyLeft = false;
        }

        @Override
        public void receiveResponseEntity(ClassicHttpResponse response) throws HttpException, IOException {
            conn.receiveResponseEntity(response);
        }

        @Override
        public boolean isDataAvailable(Timeout timeout) throws IOException {
            return conn.isDataAvailable(timeout);
        }

        @Override
        public boolean isStale() throws IOException {
            return conn.isStale();
        }

        @Override
        public void close() throws IOException {
            conn.close();
        }

        @Override
        public void close(CloseMode mode) {
            conn.close(mode);
        }

        @Override
        public EndpointDetails getEndpointDetails() {
            return conn.getEndpointDetails();
        }

        @Override
        public SocketAddress getLocalAddress() {
            return conn.getLocalAddress();
        }

        @Override
        public SocketAddress getRemoteAddress() {
            return conn.getRemoteAddress();
        }

        @Override
        public ProtocolVersion getProtocolVersion() {
            return conn.getProtocolVersion();
        }

        @Override
        public SSLSession getSSLSession() {
            return conn.getSSLSession();
        }

        @Override
        public boolean isOpen() {
            return conn.isOpen();
        }

        @Override
        public Timeout getSocketTimeout() {
            return conn.getSocketTimeout();
        }

        @Override
        public void setSocketTimeout(Timeout timeout) {
            conn.setSocketTimeout(timeout);
        }
    }
}
