package dev.betterauth4j.servlet;

import dev.betterauth4j.testkit.TestToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of random and hostile {@code Authorization} values, sent as raw bytes to real Jetty and Tomcat: the
 * only answers are 400 and 401 (from the filter, or from the container's own HTTP parser for bytes HTTP forbids),
 * and the server keeps serving valid requests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationHeaderFuzzTest {

    private static final int CASES = 2_000;
    private static final int MAX_HEADER_BYTES = 60_000;
    private static final String[] SCHEMES = {"Bearer", "bearer", "BEARER", "Basic", "Digest", "Negotiate", "Bearer\t",
            "Bearer,", "Bearerx", "", " Bearer", "Token", "DPoP"};

    private final List<ServletContainer> containers = new ArrayList<>();

    @BeforeAll
    void startContainers() throws Exception {
        BetterAuthFilter filter = BetterAuthFilter.builder(FilterContractTest.verifier()).build();
        containers.add(JettyContainer.start(ServletContainer.Setup.of(ServletContainer.FilterSetup.instance(filter))));
        containers.add(TomcatContainer.start(ServletContainer.Setup.of(ServletContainer.FilterSetup.instance(filter))));
    }

    @AfterAll
    void stopContainers() throws Exception {
        for (ServletContainer container : containers) {
            container.close();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void hostileAuthorizationHeadersGetOnly400Or401AndTheServerKeepsServing(int which) throws Exception {
        ServletContainer container = containers.get(which);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String valid = FilterContractTest.token();
        TreeMap<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < CASES; i++) {
            String[] lines = hostileHeaderLines(random, valid);
            int status = Http.rawGet(container.port(), "/api/me", lines);
            statuses.merge(status, 1, Integer::sum);
            assertThat(status).as("seed %d, case %d on %s: %s", seed, i, container, describe(lines)).isIn(400, 401);
        }
        HttpResponse<String> stillServing = Http.get(container.uri("/api/me"), "Authorization", "Bearer " + valid);
        assertThat(stillServing.statusCode()).as("statuses seen: %s", statuses).isEqualTo(200);
        assertThat(Http.json(stillServing)).containsEntry("principal", TestToken.USER_ID);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void aHeaderWhoseLineBreaksSplitTheRequestStillGetsOnly400Or401(int which) throws Exception {
        // The bare line feeds end the request early; what follows reaches the container as a second request of
        // garbage, which it answers itself (the random cases above hit this now and then; this one always does).
        ServletContainer container = containers.get(which);

        int status = Http.rawGet(container.port(), "/api/me", "Authorization: Digest \n\n" + "\u000f".repeat(300));

        assertThat(status).isIn(400, 401);
    }

    private static String[] hostileHeaderLines(Random random, String valid) {
        int count = random.nextInt(10) == 0 ? 2 + random.nextInt(4) : 1;
        String[] lines = new String[count];
        for (int i = 0; i < count; i++) {
            // The containers are configured for 64 KiB of headers; beyond it they answer 431 themselves.
            lines[i] = "Authorization: " + hostileValue(random, valid, MAX_HEADER_BYTES / count);
        }
        if (count > 1 && random.nextBoolean()) {
            lines[0] = "Authorization: Bearer " + valid;
        }
        return lines;
    }

    private static String hostileValue(Random random, String valid, int maxLength) {
        String scheme = SCHEMES[random.nextInt(SCHEMES.length)];
        String spaces = " ".repeat(random.nextInt(10) == 0 ? random.nextInt(200) : 1);
        String credential = switch (random.nextInt(8)) {
            case 0 -> randomChars(random, 1 + random.nextInt(64), 0x20, 0x7e);
            case 1 -> randomChars(random, 1 + random.nextInt(64), 0x00, 0x1f);
            case 2 -> randomChars(random, 1 + random.nextInt(64), 0x80, 0xff);
            case 3 -> "A".repeat(1 + random.nextInt(maxLength - 300));
            case 4 -> mutate(random, valid);
            // Not a trailing space: containers strip trailing whitespace from field values (RFC 9110 §5.5).
            case 5 -> valid + randomChars(random, 1 + random.nextInt(4), 0x21, 0x7e);
            case 6 -> valid.substring(0, random.nextInt(valid.length()));
            default -> String.join(".", randomChars(random, 20, 'a', 'z'), "", randomChars(random, 5, '=', '='));
        };
        return scheme + spaces + credential;
    }

    private static String mutate(Random random, String token) {
        char[] chars = token.toCharArray();
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(chars.length);
            char replacement;
            do {
                replacement = (char) (0x20 + random.nextInt(0x5f));
            } while (replacement == chars[at]);
            chars[at] = replacement;
        }
        return new String(chars);
    }

    private static String randomChars(Random random, int length, int from, int to) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (from + random.nextInt(to - from + 1)));
        }
        return text.toString();
    }

    private static String describe(String[] lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            String shown = line.length() > 120 ? line.substring(0, 120) + "...(" + line.length() + " chars)" : line;
            text.append('[');
            shown.chars().forEach(c -> text.append(c < 0x20 || c > 0x7e ? String.format("\\x%02x", c) : (char) c));
            text.append(']');
        }
        return text.toString();
    }
}
