package dev.betterauth4j.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.betterauth4j.testkit.CookieCaches;
import dev.betterauth4j.testkit.SessionServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON parser question of the cookie cache (issue 16): the claims of a {@code jwt} cookie cache (session, user,
 * {@code updatedAt}, {@code version}, {@code iat}, {@code exp}, as {@link SessionServer} writes them), parsed into
 * maps by the parser auth-core uses today, Nimbus' {@code JSONObjectUtils} (its shaded Gson), and by the two
 * alternatives a backend most likely already carries: Jackson's streaming parser into the same maps (duplicate names
 * refused, as Gson refuses them), and Jackson's {@code ObjectMapper} into a {@code Map}.
 */
@State(Scope.Benchmark)
public class CookieCacheJsonBenchmark {

    private static final JsonFactory JSON = new JsonFactory();
    /** Integers as Long, as Gson reads them for Nimbus, so that the three parsers give equal maps. */
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

    private String claims;

    @Setup
    public void setUp() throws Exception {
        try (SessionServer betterAuth = SessionServer.start(Fixture.SECRET)) {
            String signed = betterAuth.signIn("bench-user");
            String cache = betterAuth.cookieCache(signed, CookieCaches.Strategy.JWT, Duration.ofDays(1), null, null);
            claims = new String(Base64.getUrlDecoder().decode(cache.split("\\.")[1]), StandardCharsets.UTF_8);
        }
        if (!nimbusGson().equals(jacksonStreaming()) || !nimbusGson().equals(jacksonObjectMapper())) {
            throw new IllegalStateException("the parsers read the claims differently");
        }
    }

    @Benchmark
    public Map<String, Object> nimbusGson() throws ParseException {
        return JSONObjectUtils.parse(claims);
    }

    @Benchmark
    public Map<String, Object> jacksonStreaming() throws IOException {
        try (JsonParser parser = JSON.createParser(claims)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not an object");
            }
            Map<String, Object> object = object(parser);
            if (parser.nextToken() != null) {
                throw new IOException("trailing text");
            }
            return object;
        }
    }

    @Benchmark
    @SuppressWarnings("unchecked")
    public Map<String, Object> jacksonObjectMapper() throws IOException {
        return MAPPER.readValue(claims, Map.class);
    }

    private static Map<String, Object> object(JsonParser parser) throws IOException {
        Map<String, Object> object = new LinkedHashMap<>();
        String name;
        while ((name = parser.nextFieldName()) != null) {
            if (object.put(name, value(parser, parser.nextToken())) != null) {
                throw new IOException("duplicate name");
            }
        }
        return object;
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> object(parser);
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY;
                     element = parser.nextToken()) {
                    array.add(value(parser, element));
                }
                yield array;
            }
            case VALUE_STRING -> parser.getText();
            // Gson, as Nimbus configures it, reads integers as Long and everything else as Double.
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? (Object) parser.getDoubleValue() : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected " + token);
        };
    }
}
