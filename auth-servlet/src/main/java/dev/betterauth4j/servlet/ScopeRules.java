package dev.betterauth4j.servlet;

import dev.betterauth4j.core.AuthenticatedUser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The OAuth scopes a request needs, by method and path: rules such as
 *
 * <pre>
 * GET /api/** tasks:read
 * *   /api/** tasks:write
 * POST,DELETE /admin/* admin:write audit
 * </pre>
 *
 * <p>A rule is {@code METHODS PATH SCOPE...}, separated by spaces: {@code METHODS} is {@code *} (any method) or
 * methods separated by commas ({@code GET} also covers {@code HEAD}); {@code PATH} is exact ({@code /api/me}), or a
 * prefix ending in {@code /*} or {@code /**} that matches the prefix itself and everything below it ({@code /*} or
 * {@code /**} alone: every path); then one or more RFC 6749 scope tokens, all of which the request needs. The
 * <b>first rule that matches</b> the request's method and path decides; a request no rule matches needs no scope.
 *
 * <p>The path is the request's path within the application, matched only in canonical form (see
 * {@link CanonicalPath}), like public paths. A request whose raw path is not canonical ({@code /x/..;/admin}) could be
 * routed by a framework behind the filter to another handler than its container path suggests, so it needs the scopes
 * of <b>every</b> rule for its method: it can only need more, never fewer.
 *
 * <p>A credential without scopes (a jwt-plugin token, a session) facing a rule lacks every scope it names, and is
 * refused with {@code 403 insufficient_scope} like an access token without them: scope rules admit OAuth access
 * tokens only.
 */
final class ScopeRules {

    static final ScopeRules NONE = new ScopeRules(List.of());

    private static final Pattern METHOD = Pattern.compile("[A-Za-z][A-Za-z0-9!#$%&'+.^_`|~-]*");

    /** One rule: its methods (empty: any), its exact path or prefix, its scopes. */
    private record Rule(Set<String> methods, String exact, String prefix, List<String> scopes, String text) {

        boolean matchesMethod(String method) {
            return methods.isEmpty() || methods.contains(method) || (method.equals("HEAD") && methods.contains("GET"));
        }

        boolean matchesPath(String path) {
            if (exact != null) {
                return path.equals(exact);
            }
            return prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/");
        }
    }

    private final List<Rule> rules;

    private ScopeRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * Parses rules.
     *
     * @param label how messages name the option
     * @throws IllegalArgumentException for a rule that breaks the syntax; the message quotes it
     */
    static ScopeRules parse(String label, List<String> texts) {
        List<Rule> rules = new ArrayList<>();
        for (String text : texts) {
            String rule = text.strip();
            if (!rule.isEmpty()) {
                rules.add(rule(label, rule));
            }
        }
        return new ScopeRules(rules);
    }

    private static Rule rule(String label, String text) {
        String[] parts = text.split("\\s+");
        if (parts.length < 3) {
            throw invalid(label, text, "needs a method (or *), a path and at least one scope");
        }
        Set<String> methods = new LinkedHashSet<>();
        if (!parts[0].equals("*")) {
            for (String method : parts[0].split(",", -1)) {
                if (!METHOD.matcher(method).matches()) {
                    throw invalid(label, text, "'" + parts[0] + "' is not * or methods separated by commas");
                }
                methods.add(method.toUpperCase(Locale.ROOT));
            }
        }
        String path = parts[1];
        String exact = null;
        String prefix = null;
        if (path.equals("*") || path.equals("/*") || path.equals("/**")) {
            prefix = "";
        } else if (!path.startsWith("/")) {
            throw invalid(label, text, "the path '" + path + "' must start with '/'");
        } else if (path.endsWith("/**") || path.endsWith("/*")) {
            prefix = path.substring(0, path.lastIndexOf('/'));
        } else {
            exact = path;
        }
        if ((exact != null ? exact : prefix).contains("*")) {
            throw invalid(label, text, "the path '" + path + "' may only end with /* or /**");
        }
        List<String> scopes = Arrays.asList(parts).subList(2, parts.length);
        for (String scope : scopes) {
            if (!isScopeToken(scope)) {
                throw invalid(label, text, "'" + scope + "' is not an OAuth scope");
            }
        }
        return new Rule(methods, exact, prefix, List.copyOf(new LinkedHashSet<>(scopes)), text);
    }

    /** RFC 6749 §3.3: {@code scope-token = 1*( %x21 / %x23-5B / %x5D-7E )}. */
    private static boolean isScopeToken(String scope) {
        return !scope.isEmpty() && scope.chars().allMatch(c -> c >= 0x21 && c <= 0x7E && c != '"' && c != '\\');
    }

    private static IllegalArgumentException invalid(String label, String rule, String problem) {
        return new IllegalArgumentException(label + ": the rule '" + rule + "' " + problem + " (e.g. 'GET /api/**"
                + " tasks:read')");
    }

    boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Every scope a rule names, sorted: what the protected-resource metadata lists as {@code scopes_supported}. */
    Set<String> scopes() {
        Set<String> all = new TreeSet<>();
        rules.forEach(rule -> all.addAll(rule.scopes()));
        return all;
    }

    /**
     * The scopes a request needs that the user's credential does not grant, in the rules' order.
     *
     * @param method        the request's method
     * @param canonicalPath the request's path within the application, if its raw form is canonical
     * @return the missing scopes; empty when the request may pass
     */
    List<String> missing(String method, Optional<String> canonicalPath, AuthenticatedUser user) {
        if (rules.isEmpty()) {
            return List.of();
        }
        String upper = method.toUpperCase(Locale.ROOT);
        Set<String> required = new LinkedHashSet<>();
        for (Rule rule : rules) {
            if (!rule.matchesMethod(upper)) {
                continue;
            }
            if (canonicalPath.isEmpty()) {
                required.addAll(rule.scopes());
            } else if (rule.matchesPath(canonicalPath.get())) {
                required.addAll(rule.scopes());
                break;
            }
        }
        required.removeIf(user::hasScope);
        return List.copyOf(required);
    }

    @Override
    public String toString() {
        return rules.stream().map(Rule::text).toList().toString();
    }
}
