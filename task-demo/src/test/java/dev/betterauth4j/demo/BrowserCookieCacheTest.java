package dev.betterauth4j.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.betterauth4j.testkit.CookieCaches.Strategy;
import dev.betterauth4j.testkit.JwksServer;
import dev.betterauth4j.testkit.SessionServer;
import dev.betterauth4j.testkit.SigningKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser with Better Auth's cookie pair (issue 16): headless Chromium holds a session's
 * {@code better-auth.session_token} and {@code better-auth.session_data} cookies for the demo's own origin, as a page of
 * the same site holds them once its user signed in through Better Auth, and a page on that origin calls the task API
 * with {@code fetch(..., {credentials: 'include'})}, so the browser sends the cookies itself. The demo runs as
 * docs/demo.md configures it for session cookies ({@code BETTER_AUTH_SESSIONS}, {@code BETTER_AUTH_SECRET}), with
 * {@code BETTER_AUTH_COOKIE_CACHE} on and its own origin in {@code BETTER_AUTH_TRUSTED_ORIGINS}; Better Auth's
 * {@code get-session} is a loopback stand-in that counts its calls, so "no call" is observed, not assumed. The tests
 * share one demo and one stand-in (a demo's stop waits on the browser's open connection), so each counts the calls made
 * since it began, and signs in users of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserCookieCacheTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String SECRET = "browser-cookie-cache-test-secret-0123456789";
    private static final String TOKEN_COOKIE = "better-auth.session_token";
    private static final String CACHE_COOKIE = "better-auth.session_data";
    /** Better Auth's default {@code session.cookieCache.maxAge}. */
    private static final Duration CACHE_MAX_AGE = Duration.ofMinutes(5);
    /** The jwt plugin's key, which signs the {@link Strategy#KEY_SET} cache; {@link #keySet} publishes it. */
    private static final SigningKey KEY = SigningKey.of("EdDSA");

    private final AtomicInteger users = new AtomicInteger();
    ChromeDriver browser;
    JwksServer keySet;
    SessionServer betterAuth;
    RunningDemo demo;
    int callsBefore;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Browsers.requireChromium(CHROMIUM, CHROMEDRIVER);
        keySet = JwksServer.serving(KEY);
        betterAuth = SessionServer.start(SECRET);
        // The trusted origin names the demo's port, so the port is chosen before the demo starts.
        int port = freePort();
        demo = RunningDemo.start(Map.of("HOST", "127.0.0.1", "PORT", Integer.toString(port),
                "DATABASE_URL", RunningDemo.h2(dir.resolve("db")),
                "BETTER_AUTH_URL", betterAuth.baseUrl().toString(),
                "BETTER_AUTH_JWKS_URL", keySet.jwksUrl().toString(),
                "BETTER_AUTH_SECRET", SECRET,
                "BETTER_AUTH_SESSIONS", "true",
                "BETTER_AUTH_COOKIE_CACHE", "true",
                "BETTER_AUTH_TRUSTED_ORIGINS", "http://localhost:" + port));

        browser = Browsers.headlessChromium(CHROMIUM, CHROMEDRIVER, dir.resolve("profile"));
        // After each navigation Chromium fetches /favicon.ico on its own, with whatever cookies it holds by then, and
        // WebDriver sets the pair one cookie at a time (Better Auth's answer sets both at once): a favicon request
        // between the two would carry the session cookie without its cache, and cost a get-session call that no
        // page made. Blocked, it never leaves the browser; the page's fetches are the only requests to the demo.
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/favicon.ico")));
        // The demo serves no HTML: its JSON health check is a page of its origin, and the scripts need no more.
        browser.get(origin() + "/health");
    }

    /** Each test holds only its own cookies, and counts get-session calls from here. */
    @BeforeEach
    void forgetCookies() {
        browser.manage().deleteAllCookies();
        callsBefore = betterAuth.calls();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (demo != null) {
            demo.close();
        }
        if (betterAuth != null) {
            betterAuth.close();
        }
        if (keySet != null) {
            keySet.close();
        }
    }

    @Test
    void thePageIsOnTheDemosOwnOrigin() {
        assertThat(browser.executeScript("return location.origin")).isEqualTo(origin());
    }

    @Test
    void theBrowserHoldsTheCookiePairOutOfReachOfThePagesScript() {
        holdCookiePair(betterAuth.signIn(newUser("grace")), Strategy.COMPACT);

        Object namesThePageReads = browser.executeScript(
                "return document.cookie.split(';').map(c => c.split('=')[0].trim()).filter(name => name)");

        assertThat(browser.manage().getCookies()).extracting(Cookie::getName)
                .containsExactlyInAnyOrder(TOKEN_COOKIE, CACHE_COOKIE);
        assertThat((List<?>) namesThePageReads).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void theDemoReadsTheUserFromTheCacheCookieWithNoGetSessionCall(Strategy strategy) throws Exception {
        String grace = newUser("grace");
        holdCookiePair(betterAuth.signIn(grace), strategy);

        JsonNode me = fetch("GET", "/api/me", null);

        assertStatus(me, 200);
        assertThat(me.at("/body/id").asText()).isEqualTo(grace);
        assertThat(me.at("/body/credential").asText()).isEqualTo("SESSION_COOKIE_CACHE");
        assertThat(getSessionCalls()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void aGetFromThePageListsOnlyTheCookiePairsUsersTasksWithNoGetSessionCall(Strategy strategy) throws Exception {
        String graceSession = betterAuth.signIn(newUser("grace"));
        String henrySession = betterAuth.signIn(newUser("henry"));
        seed(graceSession, strategy, "grace's task");
        seed(henrySession, strategy, "henry's task");
        holdCookiePair(graceSession, strategy);

        JsonNode list = fetch("GET", "/api/tasks", null);

        assertStatus(list, 200);
        assertThat(list.get("body").findValuesAsText("title")).containsExactly("grace's task");
        assertThat(getSessionCalls()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void aPostFromThePageCreatesATaskOfTheCookiePairsUserWithNoGetSessionCall(Strategy strategy) throws Exception {
        String grace = newUser("grace");
        holdCookiePair(betterAuth.signIn(grace), strategy);

        JsonNode created = fetch("POST", "/api/tasks", "{\"title\":\"from the browser\"}");

        assertStatus(created, 201);
        assertThat(created.at("/body/title").asText()).isEqualTo("from the browser");
        // The path names the user: 200 only when the caller is grace and the task is hers (else 403).
        JsonNode asGraces = fetch("GET", "/api/" + grace + "/tasks/" + created.at("/body/id").asLong(), null);
        assertStatus(asGraces, 200);
        assertThat(getSessionCalls()).isZero();
    }

    /**
     * A cache speaks only for the session of the {@code session_token} beside it: henry's cache next to grace's
     * session cookie is not used, and with {@code BETTER_AUTH_SESSIONS} on, Better Auth is asked once, for grace.
     */
    @ParameterizedTest
    @EnumSource(Strategy.class)
    void aCacheCookieOfAnotherUsersSessionIsNotUsedSoGetSessionIsAskedOnceForTheCookiesOwnUser(Strategy strategy)
            throws Exception {
        String grace = newUser("grace");
        String graceSession = betterAuth.signIn(grace);
        String henrySession = betterAuth.signIn(newUser("henry"));
        holdCookies(graceSession, betterAuth.cookieCache(henrySession, strategy, CACHE_MAX_AGE, null, KEY));

        JsonNode me = fetch("GET", "/api/me", null);

        assertStatus(me, 200);
        assertThat(me.at("/body/id").asText()).isEqualTo(grace);
        assertThat(me.at("/body/credential").asText()).isEqualTo("SESSION");
        assertThat(getSessionCalls()).isEqualTo(1);
    }

    /** A user id no other test uses: the tests share the demo's database. */
    private String newUser(String name) {
        return name + "-" + users.incrementAndGet();
    }

    /** The calls the get-session stand-in answered since this test began. */
    private int getSessionCalls() {
        return betterAuth.calls() - callsBefore;
    }

    private String origin() {
        return demo.demo.baseUrl().toString();
    }

    /** The cookie pair Better Auth sets at sign-in with the cookie cache on, in {@code strategy}. */
    private void holdCookiePair(String signed, Strategy strategy) {
        holdCookies(signed, betterAuth.cookieCache(signed, strategy, CACHE_MAX_AGE, null, KEY));
    }

    /** Both cookies for the demo's host, HttpOnly and SameSite=Lax as Better Auth sets them over http. */
    private void holdCookies(String signed, String cache) {
        browser.manage().addCookie(cookie(TOKEN_COOKIE, SessionServer.cookieValue(signed)));
        browser.manage().addCookie(cookie(CACHE_COOKIE, cache));
    }

    private static Cookie cookie(String name, String value) {
        return new Cookie.Builder(name, value).path("/").isHttpOnly(true).sameSite("Lax").build();
    }

    /**
     * The page calls the demo as a same-site front end does: a relative URL, {@code credentials: 'include'}, no
     * {@code Authorization}; the browser adds the cookies and, to a {@code POST}, the {@code Origin}.
     */
    private JsonNode fetch(String method, String path, String jsonBody) throws IOException {
        Object answer = browser.executeAsyncScript("""
                const [method, path, body, done] = arguments;
                const init = {method, credentials: 'include'};
                if (body !== null) {
                  init.headers = {'Content-Type': 'application/json'};
                  init.body = body;
                }
                fetch(path, init)
                  .then(async response => {
                    const text = await response.text();
                    done(JSON.stringify({status: response.status, body: text ? JSON.parse(text) : null}));
                  })
                  .catch(e => done(JSON.stringify({failed: String(e)})));
                """, method, path, jsonBody);
        JsonNode result = RunningDemo.JSON.readTree((String) answer);
        assertThat(result.has("failed")).as("fetch failed: %s", result.path("failed").asText()).isFalse();
        return result;
    }

    /** The answer's status, described on failure by its problem's detail (the demo's problems quote no credential). */
    private static void assertStatus(JsonNode answer, int expected) {
        assertThat(answer.get("status").asInt()).as("status (detail: %s)", answer.at("/body/detail").asText())
                .isEqualTo(expected);
    }

    /** A task of {@code signed}'s user, created outside the browser with the same cookie pair and a trusted origin. */
    private void seed(String signed, Strategy strategy, String title) throws Exception {
        String cookies = TOKEN_COOKIE + "=" + SessionServer.cookieValue(signed) + "; " + CACHE_COOKIE + "="
                + betterAuth.cookieCache(signed, strategy, CACHE_MAX_AGE, null, KEY);
        HttpResponse<String> created = demo.send("POST", "/api/tasks", Map.of("Cookie", cookies,
                "Origin", origin(), "Content-Type", "application/json"),
                RunningDemo.JSON.writeValueAsString(Map.of("title", title)));
        assertThat(created.statusCode()).as("seeding a task").isEqualTo(201);
    }

    /** A loopback port free now; the demo binds it a moment later. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
