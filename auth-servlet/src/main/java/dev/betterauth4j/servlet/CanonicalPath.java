package dev.betterauth4j.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The path a request names within the application, taken from the raw request URI and accepted only when it is
 * already canonical: the only form of a path that every router behind the filter reads the same way.
 *
 * <p>Containers match servlets on a decoded, normalised path ({@code /admin/..;/public/x} becomes {@code /public/x}),
 * while frameworks such as Spring MVC route on the raw URI, where the same request names {@code /admin/**}. A public
 * path decided on one form and served on the other is a bypass. So a path counts as canonical only if its raw text
 * has
 * <ul>
 *   <li>no {@code .} or {@code ..} segment, in any encoding ({@code %2e}, {@code .%2E}, ...);</li>
 *   <li>no path parameter ({@code ;}), no backslash, no encoded {@code /}, {@code \}, {@code ;} or {@code %}, no
 *       control character, and no percent-escape that is not valid UTF-8;</li>
 *   <li>no empty segment ({@code //}, or a trailing {@code /}), the root path {@code /} aside;</li>
 * </ul>
 * and its decoded form is the path the container itself derived. Anything else is not canonical, which makes a
 * request protected, never public.
 */
final class CanonicalPath {

    private CanonicalPath() {
    }

    /**
     * The decoded path within the application if the request's raw path is canonical, else empty. For an
     * {@code INCLUDE} dispatch it is the included path, for a {@code FORWARD} the forward's target.
     */
    static Optional<String> of(HttpServletRequest request) {
        boolean include = request.getDispatcherType() == DispatcherType.INCLUDE;
        String uri = include ? (String) request.getAttribute(RequestDispatcher.INCLUDE_REQUEST_URI)
                : request.getRequestURI();
        String contextPath = include ? (String) request.getAttribute(RequestDispatcher.INCLUDE_CONTEXT_PATH)
                : request.getContextPath();
        if (uri == null || contextPath == null || !uri.startsWith(contextPath)) {
            return Optional.empty();
        }
        Optional<String> decoded = decode(uri.substring(contextPath.length()));
        String containerPath = include ? includedPath(request) : BetterAuthFilter.pathWithinApplication(request);
        return decoded.filter(containerPath::equals);
    }

    /** The decoded form of {@code raw} if it is canonical (see the class comment), else empty. */
    static Optional<String> decode(String raw) {
        if (raw.equals("/")) {
            return Optional.of(raw);
        }
        if (!raw.startsWith("/")) {
            return Optional.empty();
        }
        StringBuilder path = new StringBuilder(raw.length());
        int start = 1;
        while (start <= raw.length()) {
            int end = raw.indexOf('/', start);
            if (end < 0) {
                end = raw.length();
            }
            String segment = decodeSegment(raw, start, end);
            if (segment == null || segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
            path.append('/').append(segment);
            start = end + 1;
        }
        return Optional.of(path.toString());
    }

    /** One decoded segment, or null if it has a character or an escape a canonical segment may not have. */
    private static String decodeSegment(String raw, int start, int end) {
        ByteArrayOutputStream bytes = null;
        for (int i = start; i < end; i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int value = i + 2 < end ? hex(raw.charAt(i + 1)) << 4 | hex(raw.charAt(i + 2)) : -1;
                if (value < 0 || value == '/' || value == '\\' || value == ';' || value == '%' || isControl(value)) {
                    return null;
                }
                if (bytes == null) {
                    bytes = new ByteArrayOutputStream(end - start);
                    for (int j = start; j < i; j++) {
                        bytes.write(raw.charAt(j));
                    }
                }
                bytes.write(value);
                i += 2;
            } else if (c == ';' || c == '\\' || c > 0x7E || isControl(c)) {
                return null;
            } else if (bytes != null) {
                bytes.write(c);
            }
        }
        if (bytes == null) {
            return raw.substring(start, end);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean isControl(int c) {
        return c < 0x20 || c == 0x7F;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1 << 8;
    }

    private static String includedPath(HttpServletRequest request) {
        Object servletPath = request.getAttribute(RequestDispatcher.INCLUDE_SERVLET_PATH);
        Object pathInfo = request.getAttribute(RequestDispatcher.INCLUDE_PATH_INFO);
        String path = (servletPath == null ? "" : servletPath.toString()) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }
}
