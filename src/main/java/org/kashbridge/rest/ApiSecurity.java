package org.kashbridge.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.quarkus.vertx.http.security.HttpSecurity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.kashbridge.config.Addresses;
import org.kashbridge.config.KashConfig;

/**
 * Who may call /api (Quarkus Security: a mechanism, two identity providers, a path policy): the X-API-Key header
 * (KASH_BRIDGE_API_KEY) or HTTP Basic (KASH_BRIDGE_USER and KASH_BRIDGE_PASSWORD). With neither configured, /api
 * answers 401 to everyone: there is no default credential. Health is always open (probes); metrics and the OpenAPI
 * document are open only while the port is on loopback (kash.http.host) and need the same credentials beyond it.
 * The mechanism is our own: Quarkus has none for a key in a header.
 */
@ApplicationScoped
public class ApiSecurity {

    public static final String API_KEY_HEADER = "X-API-Key";
    static final String REALM = "kash-bridge";
    private static final String CHALLENGE = "Basic realm=\"" + REALM + "\"";
    private static final String UNAUTHORIZED = "{\"status\":\"UNAUTHORIZED\",\"message\":\"send the " + API_KEY_HEADER
            + " header or HTTP Basic credentials (configured by KASH_BRIDGE_API_KEY or KASH_BRIDGE_USER/"
            + "KASH_BRIDGE_PASSWORD)\"}";

    /** Answered to API callers only once the port is reachable from other hosts. */
    static final String[] TOOLS = {"/q/metrics", "/q/metrics/*", "/q/openapi", "/q/openapi/*", "/q/openapi.json",
            "/q/openapi.yaml", "/q/openapi.yml"};

    void configure(@Observes HttpSecurity http) {
        http.path("/api", "/api/*").authenticated();
        if (!Addresses.loopback(boundHost())) {
            http.path(TOOLS).authenticated();
        }
    }

    /** Whether a request to this path must carry credentials. */
    static boolean guarded(String path, boolean exposed) {
        if (path.equals("/api") || path.startsWith("/api/")) {
            return true;
        }
        return exposed && (path.equals("/q/metrics") || path.startsWith("/q/metrics/") || path.startsWith("/q/openapi")
                && (path.length() == 10 || path.charAt(10) == '/' || path.charAt(10) == '.'));
    }

    /**
     * The address the port is bound to: quarkus.http.host as Quarkus reads it (KASH_HTTP_HOST by default, but a
     * container may set QUARKUS_HTTP_HOST directly).
     */
    static String boundHost() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig().getOptionalValue("quarkus.http.host",
                String.class).orElse("0.0.0.0");
    }

    /** A key sent in {@value #API_KEY_HEADER}. */
    static final class ApiKeyRequest extends BaseAuthenticationRequest {
        final String key;

        ApiKeyRequest(String key) {
            this.key = key;
        }
    }

    /**
     * Reads {@value #API_KEY_HEADER} or Basic credentials and hands them to the identity providers below; a request
     * with neither is anonymous (refused on /api). Basic is read here rather than by Quarkus's own Basic mechanism,
     * which answers 500 to a header that is not Base64 (RestSecurityTest).
     */
    @ApplicationScoped
    public static class ApiCredentials implements HttpAuthenticationMechanism {

        private boolean exposed;

        @PostConstruct
        void bindAddress() {
            exposed = !Addresses.loopback(boundHost());
        }

        @Override
        public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
            if (!guarded(context.normalizedPath(), exposed)) {
                // Quarkus authenticates every request: stale credentials sent to health or metrics are not read
                return Uni.createFrom().optional(Optional.empty());
            }
            String key = context.request().getHeader(API_KEY_HEADER);
            String auth = context.request().getHeader("Authorization");
            boolean basic = auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6);
            if (key == null && !basic) {
                return Uni.createFrom().optional(Optional.empty());
            }
            if (key == null) {
                return basic(auth, context, identities);
            }
            Uni<SecurityIdentity> byKey = identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                    new ApiKeyRequest(key), context));
            // a key that does not match, beside Basic credentials: the Basic ones decide (as before this mechanism)
            return basic ? byKey.onFailure().recoverWithUni(() -> basic(auth, context, identities)) : byKey;
        }

        private static Uni<SecurityIdentity> basic(String auth, RoutingContext context,
                IdentityProviderManager identities) {
            String pair;
            try {
                pair = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Uni.createFrom().failure(new AuthenticationFailedException());
            }
            int colon = pair.indexOf(':');
            if (colon < 0) {
                return Uni.createFrom().failure(new AuthenticationFailedException());
            }
            return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                    new UsernamePasswordAuthenticationRequest(pair.substring(0, colon),
                            new PasswordCredential(pair.substring(colon + 1).toCharArray())),
                    context));
        }

        @Override
        public Uni<ChallengeData> getChallenge(RoutingContext context) {
            return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", CHALLENGE));
        }

        @Override
        public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
            return Set.of(ApiKeyRequest.class, UsernamePasswordAuthenticationRequest.class);
        }

        /** The challenge, with a body that says which settings give credentials (and never a credential). */
        @Override
        public Uni<Boolean> sendChallenge(RoutingContext context) {
            if (!context.response().ended()) {
                context.response().setStatusCode(401).putHeader("WWW-Authenticate", CHALLENGE)
                        .putHeader("Content-Type", "application/json").end(UNAUTHORIZED);
            }
            return Uni.createFrom().item(true);
        }
    }

    /** Checks an API key against KASH_BRIDGE_API_KEY, in constant time. */
    @ApplicationScoped
    public static class ApiKeys implements IdentityProvider<ApiKeyRequest> {

        @Inject
        KashConfig kash;

        @Override
        public Class<ApiKeyRequest> getRequestType() {
            return ApiKeyRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(ApiKeyRequest request, AuthenticationRequestContext context) {
            Optional<String> key = kash.bridge().apiKey();
            return key.isPresent() && same(request.key, key.get()) ? identity("api-key")
                    : Uni.createFrom().failure(new AuthenticationFailedException());
        }
    }

    /** Checks Basic credentials against KASH_BRIDGE_USER and KASH_BRIDGE_PASSWORD, in constant time. */
    @ApplicationScoped
    public static class Users implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

        @Inject
        KashConfig kash;

        @Override
        public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
            return UsernamePasswordAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                AuthenticationRequestContext context) {
            KashConfig.Bridge api = kash.bridge();
            // both compared whatever the first gives: the time taken tells nothing about either
            boolean user = same(request.getUsername(), api.user().orElse(""));
            boolean password = same(new String(request.getPassword().getPassword()), api.password().orElse(""));
            boolean ok = api.user().isPresent() && api.password().isPresent() && user && password;
            return ok ? identity(request.getUsername()) : Uni.createFrom().failure(new AuthenticationFailedException());
        }
    }

    private static Uni<SecurityIdentity> identity(String name) {
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name))
                .addRole("api").build());
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
