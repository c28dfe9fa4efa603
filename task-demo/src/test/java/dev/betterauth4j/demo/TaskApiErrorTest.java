package dev.betterauth4j.demo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error is a problem document with the right status, never a stack trace or a 500. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskApiErrorTest {

    RunningDemo demo;
    long task;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        demo = RunningDemo.devMode(dir);
        task = demo.create(demo.alice, "target");
    }

    @AfterAll
    void stop() {
        demo.close();
    }

    private static void assertProblem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(RunningDemo.body(response).get("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}                                            | title",
            "{\"title\":\"\"}                              | title",
            "{\"title\":\"   \"}                           | title",
            "{\"title\":42}                                | title",
            "{\"title\":null}                              | title",
            "{\"title\":\"a\\nb\"}                         | title",
            "{\"title\":\"ok\",\"description\":7}          | description",
            "{\"title\":\"ok\",\"completed\":\"yes\"}      | completed",
            "{\"title\":\"ok\",\"completed\":1}            | completed",
            "{\"title\":\"ok\",\"priority\":\"high\"}      | priority"})
    void refusesAnInvalidFieldWith400NamingIt(String body, String field) throws Exception {
        HttpResponse<String> response = demo.json("POST", "/api/tasks", demo.alice, body);

        assertProblem(response, 400);
        assertThat(RunningDemo.body(response).get("errors").get(0).get("field").asText()).isEqualTo(field);
    }

    @Test
    void acceptsATitleOfExactly200CharactersButNot201() throws Exception {
        assertThat(demo.json("POST", "/api/tasks", demo.alice, "{\"title\":\"" + "t".repeat(200) + "\"}").statusCode())
                .isEqualTo(201);
        assertProblem(demo.json("POST", "/api/tasks", demo.alice, "{\"title\":\"" + "t".repeat(201) + "\"}"), 400);
    }

    @Test
    void acceptsATitleOf100EmojiButRefuses101With400LikeTheDatabaseCounts() throws Exception {
        String emoji = "\uD83D\uDE00";

        assertThat(demo.json("POST", "/api/tasks", demo.alice, "{\"title\":\"" + emoji.repeat(100) + "\"}")
                .statusCode()).isEqualTo(201);
        HttpResponse<String> response = demo.json("POST", "/api/tasks", demo.alice,
                "{\"title\":\"" + emoji.repeat(101) + "\"}");
        assertProblem(response, 400);
        assertThat(RunningDemo.body(response).get("errors").get(0).get("field").asText()).isEqualTo("title");
        assertProblem(demo.json("PATCH", "/api/tasks/" + task, demo.alice,
                "{\"title\":\"" + emoji.repeat(101) + "\"}"), 400);
    }

    @Test
    void acceptsADescriptionOf1000EmojiButRefuses1001With400() throws Exception {
        String emoji = "\uD83D\uDE00";

        assertThat(demo.json("POST", "/api/tasks", demo.alice,
                "{\"title\":\"e\",\"description\":\"" + emoji.repeat(1000) + "\"}").statusCode()).isEqualTo(201);
        assertProblem(demo.json("POST", "/api/tasks", demo.alice,
                "{\"title\":\"e\",\"description\":\"" + emoji.repeat(1001) + "\"}"), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"title\":\"half \\ud83d emoji\"}", "{\"title\":\"x\\ude00\"}",
            "{\"title\":\"ok\",\"description\":\"\\ud83d\"}"})
    void refusesAnUnpairedSurrogateWith400(String body) throws Exception {
        assertProblem(demo.json("POST", "/api/tasks", demo.alice, body), 400);
    }

    @Test
    void refusesANulCharacterInADescriptionWith400() throws Exception {
        HttpResponse<String> response = demo.json("POST", "/api/tasks", demo.alice,
                "{\"title\":\"ok\",\"description\":\"a\\u0000b\"}");

        assertProblem(response, 400);
        assertThat(RunningDemo.body(response).get("errors").get(0).get("field").asText()).isEqualTo("description");
    }

    @Test
    void acceptsADescriptionOf2000CharactersButNot2001() throws Exception {
        assertThat(demo.json("POST", "/api/tasks", demo.alice,
                "{\"title\":\"d\",\"description\":\"" + "d".repeat(2000) + "\"}").statusCode()).isEqualTo(201);
        assertProblem(demo.json("POST", "/api/tasks", demo.alice,
                "{\"title\":\"d\",\"description\":\"" + "d".repeat(2001) + "\"}"), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"title\":", "not json", "[{\"title\":\"x\"}]", "\"x\"", "{\"title\":\"a\",\"title\":\"b\"}",
            "{\"title\":\"a\"} {}", "{\"title\":\"a\"}x"})
    void refusesMalformedJsonAndNonObjectsWith400(String body) throws Exception {
        assertProblem(demo.json("POST", "/api/tasks", demo.alice, body), 400);
    }

    @Test
    void refusesDeeplyNestedJsonWith400() throws Exception {
        String nested = "{\"title\":\"x\",\"description\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertProblem(demo.json("POST", "/api/tasks", demo.alice, nested), 400);
    }

    @Test
    void refusesAnEmptyBodyWith400() throws Exception {
        assertProblem(demo.json("POST", "/api/tasks", demo.alice, ""), 400);
    }

    @Test
    void refusesAPatchThatChangesNothing() throws Exception {
        assertProblem(demo.json("PATCH", "/api/tasks/" + task, demo.alice, "{}"), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/xml", "multipart/form-data"})
    void refusesANonJsonBodyWith415(String contentType) throws Exception {
        assertProblem(demo.send("POST", "/api/tasks", demo.alice, contentType, "{\"title\":\"x\"}"), 415);
    }

    @Test
    void refusesABodyWithoutContentTypeWith415() throws Exception {
        assertProblem(demo.send("POST", "/api/tasks", demo.alice, null, "{\"title\":\"x\"}"), 415);
    }

    @Test
    void acceptsJsonWithACharsetOrAPlusJsonType() throws Exception {
        assertThat(demo.send("POST", "/api/tasks", demo.alice, "application/json; charset=UTF-8",
                "{\"title\":\"x\"}").statusCode()).isEqualTo(201);
        assertThat(demo.send("POST", "/api/tasks", demo.alice, "application/merge-patch+json",
                "{\"title\":\"x\"}").statusCode()).isEqualTo(201);
    }

    /** Repeated: a client sending on while the answer comes lost it now and then (issue 13, item 12). */
    @RepeatedTest(value = 50, name = "{displayName} {currentRepetition}/{totalRepetitions}")
    void refusesABodyOver64KibWith413() throws Exception {
        String huge = "{\"title\":\"x\",\"description\":\"" + "d".repeat(70_000) + "\"}";
        assertProblem(demo.json("POST", "/api/tasks", demo.alice, huge), 413);
    }

    /**
     * The server answers before the body has arrived (here: before any of it), as it does when a client is still
     * sending a large body. The body arriving after the answer must neither reset the connection nor end it: Jetty
     * used to close it then, and a client still sending lost the answer to a reset.
     */
    @ParameterizedTest(name = "{3} for {1} bytes of {0}")
    @CsvSource({"application/json, 70000, true, 413", "text/plain, 13, true, 415", "application/json, 13, false, 401"})
    void aRefusalAnsweredBeforeTheBodyArrivedLeavesTheConnectionUsable(String contentType, int length,
                                                                       boolean withToken, int status) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", demo.demo.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("POST /api/tasks HTTP/1.1\r\nHost: localhost\r\n"
                    + (withToken ? "Authorization: Bearer " + demo.alice + "\r\n" : "")
                    + "Content-Type: " + contentType + "\r\nContent-Length: " + length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String refusal = readAnswer(in);
            // A slow client: the body comes after the server has finished with the request, not just after.
            Thread.sleep(300);
            out.write("d".repeat(length).getBytes(StandardCharsets.US_ASCII));
            out.write("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();

            assertThat(refusal).startsWith("HTTP/1.1 " + status);
            assertThat(readAnswer(in)).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void refusesABodyDeclaredOverAMebibyteAtOnceWith413AndEndsTheConnection() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", demo.demo.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("POST /api/tasks HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + demo.alice + "\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();

            assertThat(readAnswer(in)).startsWith("HTTP/1.1 413").containsIgnoringCase("Connection: close");
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    /** One answer with a Content-Length body, read off the socket. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("The connection ended after: " + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *([0-9]+)")
                .matcher(headers);
        byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
        return headers + new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void refusesAChunkedBodyOver64KibWith413() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", demo.demo.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/tasks HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + demo.alice
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "d".repeat(8192).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 10; i++) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 413").contains("application/problem+json");
        }
    }

    @Test
    void answersAnUnknownTaskWith404() throws Exception {
        assertProblem(demo.get("/api/tasks/987654321", demo.alice), 404);
        assertProblem(demo.get("/api/tasks/abc", demo.alice), 404);
        assertProblem(demo.get("/api/tasks/-1", demo.alice), 404);
        assertProblem(demo.get("/api/tasks/99999999999999999999999", demo.alice), 404);
        assertProblem(demo.json("PUT", "/api/tasks/987654321", demo.alice, "{\"title\":\"x\"}"), 404);
    }

    @Test
    void answersAnUnknownPathWith404() throws Exception {
        assertProblem(demo.get("/api/nothing-here", demo.alice), 404);
        assertProblem(demo.get("/somewhere/else", demo.alice), 404);
    }

    @Test
    void answersAWrongMethodWith405AndAllow() throws Exception {
        HttpResponse<String> response = demo.send("DELETE", "/api/tasks", demo.alice, null, null);
        assertProblem(response, 405);
        assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD, POST");

        response = demo.json("POST", "/api/tasks/" + task, demo.alice, "{}");
        assertProblem(response, 405);
        assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD, PUT, PATCH, DELETE");

        response = demo.send("GET", "/api/alice/tasks/" + task + "/complete", demo.alice, null, null);
        assertProblem(response, 405);
        assertThat(response.headers().firstValue("Allow")).contains("PATCH");
    }

    @ParameterizedTest
    @ValueSource(strings = {"OPTIONS", "TRACE", "PROPFIND", "FOO"})
    void answersAnOptionsOrUnknownMethodWithAToken405AndAllow(String method) throws Exception {
        HttpResponse<String> response = demo.send(method, "/api/tasks/" + task, demo.alice, null, null);

        assertProblem(response, 405);
        assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD, PUT, PATCH, DELETE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/tasks", "/api/me", "/health", "/api/auth/jwks", "/somewhere/else"})
    void answersAnOptionsRequestWithoutCorsHeadersWithAProblemNeverA500(String path) throws Exception {
        HttpResponse<String> response = demo.send("OPTIONS", path, null, null, null);

        assertThat(response.statusCode()).isIn(401, 404, 405);
        assertProblem(response, response.statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=101", "limit=ten", "offset=-1", "completed=maybe", "completed=true&completed=false",
            "offset=99999999999999999999"})
    void refusesAnInvalidQueryWith400(String query) throws Exception {
        assertProblem(demo.get("/api/tasks?" + query, demo.alice), 400);
    }

    /** Jetty refuses a query it cannot decode inside the context: the error page answers, through the filter. */
    @Test
    void answersAnErrorTheContainerRaisesForAnAuthenticatedRequestWithTheErrorPagesProblem() throws Exception {
        HeadRequestTest.RawAnswer answer = HeadRequestTest.RawAnswer.of(demo, "GET", "/api/tasks?%zz", demo.alice);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.headers()).containsEntry("content-type", "application/problem+json");
        assertThat(RunningDemo.JSON.readTree(answer.body()).get("title").asText()).isEqualTo("Bad Request");
        assertThat(answer.body()).doesNotContain("Exception");
    }

    /** Jetty refuses an ambiguous path before the context, before any token is looked at. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/tasks%2F1", "/api/..;/health", "/api//tasks"})
    void answersAPathJettyRefusesWithAProblemWithOrWithoutAToken(String path) throws Exception {
        for (String token : new String[] {null, demo.alice}) {
            HttpResponse<String> response = demo.get(path, token);

            assertProblem(response, 400);
            assertThat(RunningDemo.body(response).get("title").asText()).isEqualTo("Bad Request");
            assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(response.headers().firstValue("Content-Length"))
                    .contains(Integer.toString(response.body().length()));
        }
    }

    @Test
    void theErrorPageAskedForByItsPathIsNoResourceAndNotPublic() throws Exception {
        assertProblem(demo.get(ErrorPageServlet.PATH, demo.alice), 404);
        assertProblem(demo.get(ErrorPageServlet.PATH, null), 401);
    }

    @Test
    void answersAMalformedRequestLineOrUriWithAProblemNotAStackTrace() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", demo.demo.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /api/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 400").doesNotContain("Exception").doesNotContain("<html");
        }
    }
}
