package dev.betterauth4j.testkit;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JWS being written: its header parameters and claims, which a test may set to anything (wrong types, JSON
 * {@code null}, members a verifier must refuse), kept in insertion order so that the JSON reads in the order the
 * issuer would write it. Mutable and not thread-safe, like the {@link TestToken} and {@link DpopProof} that wrap it.
 */
final class JwsDraft {

    private final Map<String, Object> header;
    private final Map<String, Object> claims;

    /** A draft starting from copies of these, in their iteration order. */
    JwsDraft(Map<String, Object> header, Map<String, Object> claims) {
        this.header = new LinkedHashMap<>(header);
        this.claims = new LinkedHashMap<>(claims);
    }

    /** An empty draft. */
    JwsDraft() {
        this(Map.of(), Map.of());
    }

    /** Sets a header parameter; {@code null} removes it, as a header has no use for a JSON {@code null}. */
    void header(String name, Object value) {
        if (value == null) {
            header.remove(name);
        } else {
            header.put(name, value);
        }
    }

    /** Sets a claim; {@code null} is written as JSON {@code null}, since that is a case verifiers must handle. */
    void claim(String name, Object value) {
        claims.put(name, value);
    }

    void without(String claim) {
        claims.remove(claim);
    }

    /** An unmodifiable view, so that a test reads the claims as they stand but changes them only through setters. */
    Map<String, Object> claims() {
        return Collections.unmodifiableMap(claims);
    }

    String headerJson() {
        return JSONObjectUtils.toJSONString(header);
    }

    String payloadJson() {
        return JSONObjectUtils.toJSONString(claims);
    }

    /** Signs the JSON as it stands with {@code key}, whatever the header's {@code alg} or {@code kid} say. */
    String signWith(SigningKey key) {
        return CompactJws.sign(key, headerJson(), payloadJson());
    }
}
