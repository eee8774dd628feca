package org.kashbridge.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.kashbridge.config.KashConfig;

/**
 * Every /api path needs the X-API-Key header or HTTP Basic credentials configured in the environment
 * (KASH_BRIDGE_API_KEY, or KASH_BRIDGE_USER and KASH_BRIDGE_PASSWORD). With none configured, /api
 * answers 401 to everyone: there is no default credential.
 */
public class ApiAuthFilter {

    public static final String API_KEY_HEADER = "X-API-Key";

    @Inject
    KashConfig kash;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("/api") && !path.startsWith("/api/")) {
            return Optional.empty();
        }
        String key = request.getHeaderString(API_KEY_HEADER);
        KashConfig.Rest rest = kash.rest();
        if (key != null && rest.apiKey().isPresent() && same(key, rest.apiKey().get())) {
            return Optional.empty();
        }
        String auth = request.getHeaderString("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6) && rest.user().isPresent()
                && rest.password().isPresent()) {
            try {
                String pair = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
                if (same(pair, rest.user().get() + ":" + rest.password().get())) {
                    return Optional.empty();
                }
            } catch (IllegalArgumentException e) {
                // not Base64: fall through to 401
            }
        }
        return Optional.of(Response.status(Response.Status.UNAUTHORIZED)
                .header("WWW-Authenticate", "Basic realm=\"kash-bridge\"").type(MediaType.APPLICATION_JSON)
                .entity(Map.of("status", "UNAUTHORIZED", "message", "send the " + API_KEY_HEADER + " header or HTTP "
                        + "Basic credentials (configured by KASH_BRIDGE_API_KEY or KASH_BRIDGE_USER/KASH_BRIDGE_PASSWORD)"))
                .build());
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
