package dev.betterauth4j.core;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses a JWK set document ({@code {"keys":[...]}}) with Nimbus, one key at a time.
 *
 * <p>Nimbus' {@code JWKSet.parse} refuses the whole document when one key is unparseable (an unknown key
 * type, an EC point off its curve). A key set is the union of independent keys, so this parser keeps every
 * key Nimbus can parse and skips the rest with a warning: one odd key must not take the others down. A
 * document that is not a JSON object with a {@code keys} array is refused as a whole.
 */
final class JwksDocumentParser {

    private final DistinctWarnings warnings;

    JwksDocumentParser(DistinctWarnings warnings) {
        this.warnings = warnings;
    }

    /**
     * Parses {@code document} into a key set of the keys that parse.
     *
     * @throws ParseException if the document is not a JSON object with a {@code keys} array
     */
    JWKSet parse(String document) throws ParseException {
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(document);
        } catch (ParseException e) {
            throw new ParseException("The JWKS document is not a JSON object", 0);
        } catch (RuntimeException e) {
            throw new ParseException("The JWKS document could not be parsed", 0);
        }
        if (json == null || !(json.get("keys") instanceof List<?> entries)) {
            throw new ParseException("The JWKS document has no \"keys\" array", 0);
        }
        List<JWK> keys = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Object entry = entries.get(i);
            int index = i;
            if (!(entry instanceof Map<?, ?> member)) {
                warnings.warn("entry:" + index, () -> "Ignoring JWKS entry #" + index + ": not a JSON object");
                continue;
            }
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) member;
                keys.add(JWK.parse(object));
            } catch (ParseException | RuntimeException e) {
                Object kid = member.get("kid");
                String reason = e.getMessage();
                warnings.warn("unparseable:" + index + ":" + kid,
                        () -> "Ignoring JWKS entry #" + index + " (kid=" + kid + "): " + reason);
            }
        }
        return new JWKSet(keys);
    }
}
