package org.kashbridge.kash;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * Tells a call that failed before its request was written from one that failed after. HttpClient opens the
 * connection (TCP, then the TLS handshake) in its CONNECT step and writes the request in MAIN_TRANSPORT: a failure
 * before MAIN_TRANSPORT began (a reset or a refused certificate during the handshake, plain HTTP on an https port)
 * is rethrown as {@link NotSentException}, a ConnectException, so the route retries it as not sent; a failure
 * after it stays what it is (sent, no reply: AMBIGUOUS for a payment). The endpoint's httpClientConfigurer in
 * routes/pipeline.camel.yaml; HttpClient has no event that says so, hence these two chain handlers.
 */
@ApplicationScoped
@Named("requestWritten")
@Unremovable
public class RequestWritten implements HttpClientConfigurer {

    /** Per call (the classic client runs its chain on the calling thread): whether MAIN_TRANSPORT was reached. */
    private static final ThreadLocal<boolean[]> WRITING = new ThreadLocal<>();

    /** The connection failed before any byte of the request was written: Kash cannot have applied it. */
    public static final class NotSentException extends ConnectException {
        NotSentException(IOException cause) {
            // no cause chained: the route's onException would match the cause (a SocketException: "sent")
            super("not sent: the connection failed before the request was written (" + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")");
        }
    }

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.addExecInterceptorBefore(ChainElement.CONNECT.name(), "kash-not-sent", (request, scope, chain) -> {
            boolean[] writing = {false};
            WRITING.set(writing);
            try {
                return chain.proceed(request, scope);
            } catch (IOException e) {
                if (writing[0] || e instanceof ConnectException || e instanceof UnknownHostException
                        || e instanceof ConnectTimeoutException) {
                    throw e;
                }
                throw new NotSentException(e);
            } finally {
                WRITING.remove();
            }
        });
        builder.addExecInterceptorBefore(ChainElement.MAIN_TRANSPORT.name(), "kash-writing",
                (request, scope, chain) -> {
                    boolean[] writing = WRITING.get();
                    if (writing != null) {
                        writing[0] = true;
                    }
                    return chain.proceed(request, scope);
                });
    }
}
