package dev.betterauth4j.servlet;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JDK's HttpClient for ordinary requests, a raw socket for bytes HttpClient refuses to send. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** While a no-leak test runs, every response (status line, headers, body) is kept here for scanning. */
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d{1,9})\\s*$");

    static final List<String> RECORDED = new CopyOnWriteArrayList<>();
    static volatile boolean recording;

    private Http() {
    }

    /** GET with header name/value pairs; a name may repeat. */
    static HttpResponse<String> get(URI uri, String... headers) throws IOException, InterruptedException {
        return send("GET", uri, headers);
    }

    static HttpResponse<String> send(String method, URI uri, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (recording) {
            RECORDED.add(response.statusCode() + " " + response.headers().map() + "\n" + response.body());
        }
        return response;
    }

    /** Splits what a connection returned into its responses, by each one's {@code Content-Length}. */
    static List<String> responsesIn(String raw) {
        List<String> responses = new ArrayList<>();
        int start = 0;
        while (start < raw.length()) {
            int headEnd = raw.indexOf("\r\n\r\n", start);
            Matcher length = headEnd < 0 ? null
                    : CONTENT_LENGTH.matcher(raw.substring(start, headEnd));
            if (length == null || !length.find()) {
                responses.add(raw.substring(start));
                break;
            }
            int end = Math.min(raw.length(), headEnd + 4 + Integer.parseInt(length.group(1)));
            responses.add(raw.substring(start, end));
            start = end;
        }
        return responses;
    }

    static Map<String, Object> json(HttpResponse<String> response) {
        try {
            return JSONObjectUtils.parse(response.body());
        } catch (ParseException e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }

    /** A response read off a raw socket: its status ({@code -1} if none) and its body. */
    record RawResponse(int status, String head, String body) {
    }

    /**
     * Sends raw header lines (bytes as given, ISO-8859-1) and returns the status code, or -1 if the server
     * closed the connection without a status line.
     */
    static int rawGet(int port, String path, String... headerLines) throws IOException {
        return raw(port, path, headerLines).status();
    }

    /** As {@link #rawGet}, with the first response's head and body. The path is sent exactly as given. */
    static RawResponse raw(int port, String path, String... headerLines) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            for (String line : headerLines) {
                request.append(line).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            List<String> responses = responsesIn(response);
            if (recording) {
                // Control bytes in a header can split one request into two (a bare LF ends the head), and the
                // container then answers twice on the connection: keep each answer apart, so that its own framing
                // error page is recognised as such and our answer is still scanned.
                RECORDED.addAll(responses);
            }
            if (!response.startsWith("HTTP/1.1 ") || response.length() < 12) {
                return new RawResponse(-1, response, "");
            }
            String first = responses.get(0);
            int headEnd = first.indexOf("\r\n\r\n");
            return new RawResponse(Integer.parseInt(response.substring(9, 12)),
                    headEnd < 0 ? first : first.substring(0, headEnd),
                    headEnd < 0 ? "" : new String(first.substring(headEnd + 4).getBytes(StandardCharsets.ISO_8859_1),
                            StandardCharsets.UTF_8));
        }
    }
}
