package dev.betterauth4j.core;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.util.Base64URL;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the seed corpora of the fuzz targets into {@code src/test/resources}. Run once after changing the seeds:
 * {@code ./mvnw -q -pl auth-core test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.betterauth4j.core.FuzzSeedWriter}. Not a test.
 */
public final class FuzzSeedWriter {

    private static final Path ROOT = Path.of("src/test/resources/dev/betterauth4j/core");

    private FuzzSeedWriter() {
    }

    public static void main(String[] args) throws Exception {
        FuzzKeys keys = FuzzKeys.load();
        String es = "{\"alg\":\"ES256\",\"kid\":\"fuzz-es256\"}";
        String ed = "{\"alg\":\"EdDSA\",\"kid\":\"fuzz-ed25519\"}";
        String hs = "{\"alg\":\"HS256\"}";
        String payload = payload("");

        Map<String, String> arbitrary = new LinkedHashMap<>();
        arbitrary.put("valid-es256", keys.signEs256(es, payload));
        arbitrary.put("valid-eddsa", keys.signEd25519(ed, payload));
        arbitrary.put("valid-hs256", keys.signHs256(hs, payload));
        arbitrary.put("alg-none", enc("{\"alg\":\"none\"}") + "." + enc(payload) + ".");
        String valid = keys.signEs256(es, payload);
        arbitrary.put("tampered-payload", valid.substring(0, valid.indexOf('.') + 1) + enc(payload("\"role\":\"admin\",")
        ) + valid.substring(valid.lastIndexOf('.')));
        arbitrary.put("jwe", enc("{\"alg\":\"dir\",\"enc\":\"A256GCM\"}") + "..aXY.Y2lwaGVy.dGFn");
        arbitrary.put("embedded-jwk", keys.signEs256("{\"alg\":\"ES256\",\"jwk\":" + keys.es256.toPublicJWK()
                .toJSONString() + "}", payload));
        arbitrary.put("crit", keys.signEs256("{\"alg\":\"ES256\",\"kid\":\"fuzz-es256\",\"crit\":[\"exp\"],\"exp\":1}",
                payload));
        arbitrary.put("session-cache-typ", keys.signEs256("{\"alg\":\"ES256\",\"kid\":\"fuzz-es256\","
                + "\"typ\":\"better-auth.session-cache+jwt\"}", payload));
        arbitrary.put("hs256-with-public-key", new FuzzKeys.HmacWith(keys.es256.toPublicJWK().toJSONString())
                .sign(hs, payload));
        arbitrary.put("bearer-plugin-token", "wVqfk3u0pBUVvQ2WmsQKQ9NSWTbfJCdq.7tuCkqLq+3kvcvMrRlDf+KTQh2FYsq9T1pLU6ZBFWbA=");
        arbitrary.put("garbage", "Bearer a.b.c");
        for (String target : new String[] {"verifyArbitraryTokensWithAKeySet", "verifyArbitraryTokensWithASecret"}) {
            write("VerifierFuzzTestInputs/" + target, arbitrary);
        }

        Map<String, String> signedKeySet = new LinkedHashMap<>();
        signedKeySet.put("valid", es + "\0" + payload);
        signedKeySet.put("typ-jwt", "{\"alg\":\"ES256\",\"kid\":\"fuzz-es256\",\"typ\":\"JWT\"}\0" + payload);
        signedKeySet.put("aud-array", es + "\0" + payload("\"aud\":[\"x\",\"https://auth.example.com\"],")
                .replace(",\"aud\":\"https://auth.example.com\"", ""));
        signedKeySet.put("exp-string", es + "\0" + payload.replace("\"exp\":1795560000", "\"exp\":\"soon\""));
        signedKeySet.put("nbf-future", es + "\0" + payload("\"nbf\":1895560000,"));
        signedKeySet.put("nested", es + "\0" + payload("\"org\":{\"teams\":[{\"id\":1,\"roles\":[\"a\",null,true]}]},"));
        signedKeySet.put("role", es + "\0" + payload("\"role\":\"admin,editor\",\"image\":null,"));
        signedKeySet.put("array", es + "\0[1,2,3]");
        signedKeySet.put("b64-false", "{\"alg\":\"ES256\",\"kid\":\"fuzz-es256\",\"b64\":false,\"crit\":[\"b64\"]}\0"
                + payload);
        signedKeySet.put("numbers", es + "\0" + payload("\"big\":1e308,\"neg\":-0.0,\"int\":9223372036854775807,"));
        write("VerifierFuzzTestInputs/verifySignedMutationsWithAKeySet", signedKeySet);

        Map<String, String> signedSecret = new LinkedHashMap<>();
        signedKeySet.forEach((name, seed) -> signedSecret.put(name, seed.startsWith(es)
                ? hs + seed.substring(es.length()) : seed));
        write("VerifierFuzzTestInputs/verifySignedMutationsWithASecret", signedSecret);

        Map<String, String> jwks = new LinkedHashMap<>();
        jwks.put("fuzz-keys", keys.publicKeys().toString(true));
        jwks.put("better-auth-live", "{\"keys\":[{\"alg\":\"EdDSA\",\"crv\":\"Ed25519\",\"x\":\"C1TZQN4k25G3Bpq0m8OyWCSxr6vuQj4JdaLwPXlJlHo\",\"kty\":\"OKP\",\"kid\":\"luPhHcyB00NP8JMHXAjEHIEOhzIAyFc5\"}]}");
        jwks.put("better-auth-rsa", "{\"keys\":[{\"alg\":\"RS256\",\"kty\":\"RSA\",\"n\":\"2pt5UL5PJ1e8d1iol_washz278WP1EUF2kn8dGn4pyYR5kvYRM9aEjeELIgQ3R2rABC0qE3xDr9eq5LT0068aRaugtHVPuq0t1eqdzezLoM-py6QCzaB6c215aH_jG3-RIcp739t9sS1cniBe7uCTEa5YoWyJNmmkhG5Irkm2c6tCQl4HLu5KlyOVWq0_OPEOLKMNj5AmnMrXj4uefXSIkicX_9DlG80uvH9req8ciNPPCUF7LYw7gJoj9vYw_X31i-Ypk_Emb5sdKH8oCX2zgXRvy4teAUGnUVDK5rkJeoenv8yr9o4S6SulBz2LkJCWDrW24WuIEqFBJiBjfpLjw\",\"e\":\"AQAB\",\"kid\":\"BCDfS1So8bFV7DG9PlLr9eZXpRjHWbu3\"}]}");
        jwks.put("private-members", "{\"keys\":[" + keys.es256.toJSONString() + "]}");
        ECKey good = keys.es256.toPublicJWK();
        jwks.put("off-curve", "{\"keys\":[" + good.toJSONString().replace(good.getY().toString(),
                Base64URL.encode(good.getY().decodeToBigInteger().add(java.math.BigInteger.ONE)).toString()) + "]}");
        jwks.put("symmetric-and-enc", "{\"keys\":[" + new OctetSequenceKey.Builder(new byte[32]).keyID("oct").build()
                .toJSONString() + "," + new ECKey.Builder(Curve.P_256, good.getX(), good.getY()).keyUse(KeyUse.ENCRYPTION)
                .build().toJSONString() + "]}");
        jwks.put("not-a-key-set", "{\"keys\":{}}");
        jwks.put("html", "<html>502 Bad Gateway</html>");
        write("JwksDocumentFuzzTestInputs/parseAndAdmitJwksDocuments", jwks);
    }

    /** A Better-Auth-shaped payload valid at {@link FuzzKeys#NOW}, with {@code extra} members first. */
    private static String payload(String extra) {
        return "{" + extra + "\"iat\":1795558697,\"id\":\"Ve1XIXWATTVZdBqFzxjD7Pj3r4eQsZVo\","
                + "\"createdAt\":\"2026-11-24T22:18:17.344Z\",\"updatedAt\":\"2026-11-24T22:18:17.344Z\","
                + "\"email\":\"alice@example.com\",\"emailVerified\":false,\"name\":\"Alice\","
                + "\"sub\":\"Ve1XIXWATTVZdBqFzxjD7Pj3r4eQsZVo\",\"exp\":1795560000,"
                + "\"iss\":\"https://auth.example.com\",\"aud\":\"https://auth.example.com\"}";
    }

    private static String enc(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static void write(String directory, Map<String, String> seeds) throws IOException {
        Path dir = ROOT.resolve(directory);
        Files.createDirectories(dir);
        for (Map.Entry<String, String> seed : seeds.entrySet()) {
            Files.write(dir.resolve("seed-" + seed.getKey()), seed.getValue().getBytes(StandardCharsets.UTF_8));
        }
    }
}
