package dev.betterauth4j.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser: headless Chromium loads a page from one loopback origin and calls the demo, on another origin,
 * with a bearer token. The requests with {@code Authorization} or a JSON body need a preflight, so they succeed only
 * if CORS works end to end; a refusal must be readable by the page: status, problem body and
 * {@code WWW-Authenticate}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserCorsTest {

    /** The page's script: every call the front end makes, with what it could read of each answer. */
    private static final String PAGE = """
            <!doctype html>
            <html><head><meta charset="utf-8"><title>front end</title></head><body>
            <script>
            async function read(response) {
              const text = await response.text();
              return {status: response.status, contentType: response.headers.get('Content-Type'),
                      wwwAuthenticate: response.headers.get('WWW-Authenticate'),
                      location: response.headers.get('Location'), totalCount: response.headers.get('X-Total-Count'),
                      body: text ? JSON.parse(text) : null};
            }
            async function call(api, method, path, token, body) {
              const headers = {'Authorization': 'Bearer ' + token};
              if (body !== undefined) headers['Content-Type'] = 'application/json';
              try {
                return await read(await fetch(api + path, {method, headers,
                    body: body === undefined ? undefined : JSON.stringify(body)}));
              } catch (e) {
                return {failed: String(e)};
              }
            }
            </script>
            </body></html>
            """;

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    SettableClock clock;
    RunningDemo demo;
    HttpServer pages;
    ChromeDriver browser;
    String alice;
    String expired;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Browsers.requireChromium(CHROMIUM, CHROMEDRIVER);
        Instant now = Instant.now();
        clock = new SettableClock(now);
        demo = RunningDemo.start(Map.of("DATABASE_URL", RunningDemo.h2(dir.resolve("db"))), clock);
        // Issued now, then the clock moves past its lifetime: expired for the demo, which reads the same clock.
        expired = demo.demo.devTokens().issue(DevTokenIssuer.ALICE);
        clock.set(now.plus(DevTokenIssuer.TOKEN_LIFETIME).plusSeconds(3600));
        alice = demo.demo.devTokens().issue(DevTokenIssuer.ALICE);

        pages = pageServer(InetAddress.getByName("127.0.0.1"));

        browser = Browsers.headlessChromium(CHROMIUM, CHROMEDRIVER, dir.resolve("profile"));
        browser.get("http://127.0.0.1:" + pages.getAddress().getPort() + "/");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (pages != null) {
            pages.stop(0);
        }
        if (demo != null) {
            demo.close();
        }
    }

    private JsonNode call(String method, String path, String token, String jsonBody) throws Exception {
        Object result = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                call(arguments[0], arguments[1], arguments[2], arguments[3],
                     arguments[4] === null ? undefined : JSON.parse(arguments[4]))
                  .then(result => done(JSON.stringify(result)));
                """, demo.demo.baseUrl().toString(), method, path, token, jsonBody);
        return RunningDemo.JSON.readTree((String) result);
    }

    @Test
    void thePageIsOnAnotherOriginThanTheDemo() {
        assertThat(browser.executeScript("return location.origin"))
                .isEqualTo("http://127.0.0.1:" + pages.getAddress().getPort())
                .isNotEqualTo(demo.demo.baseUrl().toString());
    }

    @Test
    void aJsonPostWithABearerTokenSucceedsAfterItsPreflight() throws Exception {
        JsonNode created = call("POST", "/api/tasks", alice, "{\"title\":\"from the browser\"}");

        assertThat(created.has("failed")).as(created.toString()).isFalse();
        assertThat(created.get("status").asInt()).isEqualTo(201);
        assertThat(created.get("body").get("title").asText()).isEqualTo("from the browser");
        assertThat(created.get("location").asText()).startsWith("/api/tasks/");
    }

    @Test
    void aGetWithABearerTokenSucceedsAndThePageReadsTheApisHeaders() throws Exception {
        call("POST", "/api/tasks", alice, "{\"title\":\"listed\"}");

        JsonNode list = call("GET", "/api/tasks", alice, null);

        assertThat(list.has("failed")).as(list.toString()).isFalse();
        assertThat(list.get("status").asInt()).isEqualTo(200);
        assertThat(list.get("body").findValuesAsText("title")).contains("listed");
        assertThat(list.get("totalCount").asInt()).isPositive();
    }

    @Test
    void withAnExpiredTokenThePageReads401TheProblemAndWwwAuthenticate() throws Exception {
        JsonNode refused = call("GET", "/api/tasks", expired, null);

        assertThat(refused.has("failed")).as(refused.toString()).isFalse();
        assertThat(refused.get("status").asInt()).isEqualTo(401);
        assertThat(refused.get("contentType").asText()).startsWith("application/problem+json");
        assertThat(refused.get("body").get("status").asInt()).isEqualTo(401);
        assertThat(refused.get("wwwAuthenticate").asText()).startsWith("Bearer").contains("invalid_token");
    }

    /** The demo's answer reaches the page only through CORS: from an origin not allowed, the browser blocks it. */
    @Test
    void aPageFromAnOriginNotAllowedCannotReadTheAnswer() throws Exception {
        HttpServer elsewhere = pageServer(InetAddress.getByName("127.0.0.2"));
        try {
            browser.get("http://127.0.0.2:" + elsewhere.getAddress().getPort() + "/");

            JsonNode blocked = call("GET", "/api/tasks", alice, null);

            assertThat(blocked.get("failed").asText()).contains("TypeError");
        } finally {
            browser.get("http://127.0.0.1:" + pages.getAddress().getPort() + "/");
            elsewhere.stop(0);
        }
    }

    /** Serves the front end's page at {@code /} on {@code address}, on a free port. */
    private static HttpServer pageServer(InetAddress address) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        server.createContext("/", exchange -> {
            byte[] page = PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        server.start();
        return server;
    }
}
