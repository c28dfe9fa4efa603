package dev.betterauth4j.testsupport;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Finds credentials in text that left the library (log records, HTTP responses, toString results): compact JWS
 * tokens or their parts, long base64url runs such as signatures, Better Auth session-token signatures, and given
 * secrets.
 */
public final class LeakScanner {

    /** A JOSE header segment ({@code {"} base64url-encoded is {@code eyJ}) followed by more of a token. */
    private static final Pattern TOKEN = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.?[A-Za-z0-9_-]*");
    /**
     * 43+ base64url characters with a digit, '-' or '_' among them: an HMAC-SHA256 or longer signature, or any other
     * key-sized secret (a random run of that length lacks all of them with probability 1e-4; Java identifiers in
     * stack traces, which are letters only, are not flagged).
     */
    private static final Pattern LONG_BASE64URL = Pattern.compile("(?=[A-Za-z0-9_-]*[0-9_-])[A-Za-z0-9_-]{43,}");

    /**
     * A Better Auth session-token signature: 43 standard base64 characters and its padding, as is or URL-encoded
     * ({@code %2B %2F %3D}), so a session cookie or bearer plugin value in any form.
     */
    private static final Pattern SESSION_SIGNATURE = Pattern.compile("(?:[A-Za-z0-9+/]|%2[BbFf]){43}(?:=|%3[Dd])");

    private final List<String> secrets;

    public LeakScanner(String... secrets) {
        this.secrets = Arrays.asList(secrets);
    }

    /** Every leak in {@code text}, described (without repeating the secret in full). */
    public List<String> leaks(String where, String text) {
        List<String> found = new ArrayList<>();
        Matcher token = TOKEN.matcher(text);
        while (token.find()) {
            found.add(where + ": token-like text at " + token.start() + " (" + abbreviate(token.group()) + ")");
        }
        Matcher run = LONG_BASE64URL.matcher(text);
        while (run.find()) {
            found.add(where + ": long base64url run at " + run.start() + " (" + abbreviate(run.group()) + ")");
        }
        Matcher signature = SESSION_SIGNATURE.matcher(text);
        while (signature.find()) {
            found.add(where + ": session signature at " + signature.start() + " (" + abbreviate(signature.group())
                    + ")");
        }
        for (String secret : secrets) {
            if (text.contains(secret)) {
                found.add(where + ": a configured secret (" + abbreviate(secret) + ")");
            }
        }
        return found;
    }

    /** Runs test classes under the JUnit launcher and returns the summary (so the caller can insist they ran). */
    public static TestExecutionSummary run(Class<?>... testClasses) {
        LauncherDiscoveryRequest request = request()
                .selectors(Arrays.stream(testClasses).map(c -> selectClass(c)).toList())
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        return listener.getSummary();
    }

    private static String abbreviate(String text) {
        return text.length() <= 12 ? text.charAt(0) + "..." : text.substring(0, 6) + "...(" + text.length() + " chars)";
    }
}
