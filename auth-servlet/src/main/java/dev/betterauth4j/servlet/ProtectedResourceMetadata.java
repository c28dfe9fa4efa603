package dev.betterauth4j.servlet;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.betterauth4j.core.ProtectedResource;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * RFC 9728 protected-resource metadata: what an OAuth client (an MCP client in particular) reads to find the
 * authorization server of this API, and which the filter serves itself, without credentials, for {@code GET} and
 * {@code HEAD} at {@value #PATH} and at {@value #PATH} followed by the resource identifier's path (the URL RFC 9728
 * §3.1 derives from the identifier: {@code https://api.example.com/mcp} has its metadata at
 * {@code https://api.example.com/.well-known/oauth-protected-resource/mcp}):
 *
 * <pre>{@code
 * {"resource":"https://api.example.com","authorization_servers":["https://app.example.com/api/auth"],
 *  "scopes_supported":["tasks:read","tasks:write"],"bearer_methods_supported":["header"],
 *  "dpop_signing_alg_values_supported":["EdDSA","ES256","ES512","PS256","RS256"]}
 * }</pre>
 *
 * <p>Every {@code WWW-Authenticate} challenge the filter sends names it ({@code resource_metadata="..."}): the URL
 * derived from the resource identifier when that is an http(s) URL, else the well-known path under the application's
 * public URL.
 *
 * @param resource what the verifier says about the API
 * @param scopes   the scopes the filter's rules name
 * @param publicUrl where the application is, for a resource identifier that is not an http(s) URL
 */
record ProtectedResourceMetadata(ProtectedResource resource, Set<String> scopes, PublicUrl publicUrl) {

    static final String PATH = "/.well-known/oauth-protected-resource";

    ProtectedResourceMetadata {
        scopes = Set.copyOf(scopes);
    }

    /** The path of the resource identifier, if it is an http(s) URL with one ({@code /mcp}); else empty. */
    private Optional<String> resourcePath() {
        return httpResource().map(URI::getRawPath).filter(path -> !path.isEmpty() && !path.equals("/"))
                .map(path -> path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    }

    private Optional<URI> httpResource() {
        try {
            URI uri = new URI(resource.resource());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null ? Optional.of(uri)
                    : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Whether this request asks for the metadata: {@code GET} or {@code HEAD} of one of its paths, canonical. */
    boolean asks(HttpServletRequest request) {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return false;
        }
        return CanonicalPath.of(request).filter(path -> path.equals(PATH)
                || resourcePath().map(own -> path.equals(PATH + own)).orElse(false)).isPresent();
    }

    /** The URL the challenges name. */
    String url(HttpServletRequest request) {
        return httpResource().map(uri -> uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority()
                + PATH + resourcePath().orElse("")).orElseGet(() -> publicUrl.root(request) + PATH);
    }

    void write(HttpServletResponse response) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("resource", resource.resource());
        document.put("authorization_servers", List.of(resource.authorizationServer()));
        if (!scopes.isEmpty()) {
            document.put("scopes_supported", List.copyOf(new java.util.TreeSet<>(scopes)));
        }
        document.put("bearer_methods_supported", List.of("header"));
        document.put("dpop_signing_alg_values_supported", resource.dpopAlgorithms());
        byte[] body = JSONObjectUtils.toJSONString(document).getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    @Override
    public String toString() {
        return resource.resource();
    }
}
