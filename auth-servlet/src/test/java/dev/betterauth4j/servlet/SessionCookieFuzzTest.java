package dev.betterauth4j.servlet;

import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.testkit.CookieCaches;
import dev.betterauth4j.testkit.SessionServer;
import dev.betterauth4j.testkit.SigningKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random and hostile Better Auth session cookies and cookie caches, sent as raw bytes to real Jetty and Tomcat behind
 * a filter with session credentials and the cookie cache on: garbage, wrong-length and mutated signatures, huge and
 * percent-broken values, several session cookies, broken chunks. A session cookie that is not valid gets only 400 or
 * 401; a valid one next to a hostile cache is its own user or a 400, never someone else and never a 5xx.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionCookieFuzzTest {

    private static final int CASES = 1_000;
    private static final String SECRET = "a-secret-for-the-session-cookie-fuzz-test-0123";
    private static final String TOKEN = "better-auth.session_token";
    private static final String CACHE = "better-auth.session_data";
    private static final SigningKey KEY = SigningKey.of("EdDSA");

    private final SessionServer server = SessionServer.start(SECRET);
    private final List<ServletContainer> containers = new ArrayList<>();
    private BetterAuthVerifier verifier;
    private String alice;
    private List<String> caches;

    @BeforeAll
    void start() throws Exception {
        verifier = BetterAuthVerifier.builder().baseUrl(server.baseUrl()).sharedSecret(SECRET).jwks(KEY.jwkSet())
                .sessions(true).cookieCache(true).http(http -> http.readTimeout(Duration.ofSeconds(2))).build();
        BetterAuthFilter filter = BetterAuthFilter.builder(verifier).build();
        containers.add(JettyContainer.start(ServletContainer.Setup.of(ServletContainer.FilterSetup.instance(filter))));
        containers.add(TomcatContainer.start(ServletContainer.Setup.of(ServletContainer.FilterSetup.instance(filter))));
        alice = server.signIn("alice");
        String mallory = server.signIn("mallory");
        caches = new ArrayList<>();
        for (CookieCaches.Strategy strategy : CookieCaches.Strategy.values()) {
            caches.add(server.cookieCache(alice, strategy, Duration.ofMinutes(5), null, KEY));
            caches.add(server.cookieCache(mallory, strategy, Duration.ofMinutes(5), null, KEY));
        }
    }

    @AfterAll
    void stop() throws Exception {
        for (ServletContainer container : containers) {
            container.close();
        }
        verifier.close();
        server.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void hostileSessionCookiesGetOnly400Or401AndTheServerKeepsServing(int which) throws Exception {
        ServletContainer container = containers.get(which);
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        TreeMap<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < CASES; i++) {
            String cookie = "Cookie: " + TOKEN + "=" + hostileToken(random) + (random.nextInt(3) == 0
                    ? "; " + CACHE + "=" + caches.get(random.nextInt(caches.size())) : "")
                    + (random.nextInt(8) == 0 ? "; __Secure-" + TOKEN + "=" + hostileToken(random) : "");
            int status = Http.rawGet(container.port(), "/api/me", cookie);
            statuses.merge(status, 1, Integer::sum);
            assertThat(status).as("seed %d, case %d on %s: %s", seed, i, container, abbreviated(cookie)).isIn(400, 401);
        }
        Http.RawResponse stillServing = Http.raw(container.port(), "/api/me", "Cookie: " + TOKEN + "="
                + SessionServer.cookieValue(alice));
        assertThat(stillServing.status()).as("statuses seen: %s", statuses).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void aValidSessionCookieNextToAHostileCacheIsItsOwnUserOrA400(int which) throws Exception {
        ServletContainer container = containers.get(which);
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int i = 0; i < CASES / 4; i++) {
            String cookie = "Cookie: " + TOKEN + "=" + SessionServer.cookieValue(alice) + "; " + hostileCache(random);
            Http.RawResponse response = Http.raw(container.port(), "/api/me", cookie);
            assertThat(response.status()).as("seed %d, case %d on %s: %s -> %s", seed, i, container,
                    abbreviated(cookie), response.body()).isIn(200, 400, 431);
            if (response.status() == 200) {
                assertThat(response.body()).contains("\"principal\":\"alice\"");
            }
        }
    }

    private String hostileToken(Random random) {
        String valid = SessionServer.cookieValue(alice);
        return switch (random.nextInt(9)) {
            case 0 -> randomChars(random, 1 + random.nextInt(80), 0x21, 0x7e).replace(";", "").replace(",", "");
            case 1 -> mutatedButNotEquivalent(random, valid);
            case 2 -> SessionServer.tokenOf(alice) + "." + randomChars(random, random.nextInt(60), 'A', 'Z');
            case 3 -> SessionServer.tokenOf(alice) + "." + "A".repeat(43) + "%3D";
            case 4 -> "x".repeat(1 + random.nextInt(6000));
            case 5 -> "%" + randomChars(random, 1 + random.nextInt(10), 'g', 'z');
            case 6 -> SessionServer.tokenOf(alice);
            case 7 -> valid.substring(0, random.nextInt(valid.length()));
            default -> "";
        };
    }

    /**
     * A one-character mutation of the valid cookie that decodes to another value: {@code %2B} to {@code %2b} changes
     * the text but not the cookie, which then rightly authenticates (seed 8738864978199 hit that).
     */
    private static String mutatedButNotEquivalent(Random random, String valid) {
        String decoded = URLDecoder.decode(valid, StandardCharsets.UTF_8);
        while (true) {
            String mutated = mutate(random, valid);
            try {
                if (!URLDecoder.decode(mutated.replace("+", "%2B"), StandardCharsets.UTF_8).equals(decoded)) {
                    return mutated;
                }
            } catch (IllegalArgumentException e) {
                return mutated;
            }
        }
    }

    private String hostileCache(Random random) {
        String cache = caches.get(random.nextInt(caches.size()));
        return switch (random.nextInt(6)) {
            case 0 -> CACHE + "=" + mutate(random, cache);
            case 1 -> CACHE + ".0=" + cache.substring(0, cache.length() / 2) + "; " + CACHE + ".2="
                    + cache.substring(cache.length() / 2);
            case 2 -> CACHE + "=" + cache + "; " + CACHE + ".0=" + cache;
            case 3 -> CACHE + "=" + randomChars(random, 1 + random.nextInt(3000), 0x21, 0x7e).replace(";", "");
            case 4 -> CACHE + "=a; " + CACHE + "=b";
            default -> CACHE + "=" + cache;
        };
    }

    private static String mutate(Random random, String value) {
        char[] chars = value.toCharArray();
        int at = random.nextInt(chars.length);
        char replacement;
        do {
            replacement = (char) ('0' + random.nextInt(75));
        } while (replacement == chars[at] || replacement == ';' || replacement == '\\');
        chars[at] = replacement;
        return new String(chars);
    }

    private static String randomChars(Random random, int length, int from, int to) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (from + random.nextInt(to - from + 1)));
        }
        return text.toString();
    }

    private static String abbreviated(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "...(" + text.length() + " chars)" : text;
    }
}
