package dev.betterauth4j.demo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates task request bodies. Every problem is a {@link ProblemException}: 415 for a body that is
 * not JSON, 413 over {@value #MAX_BODY_BYTES} bytes, 400 for malformed JSON, wrong types, invalid values (including
 * text longer than its column or text the database cannot store), unknown fields and fields that try to say who the
 * user is (identity comes from the token only).
 */
final class TaskRequestParser {

    static final int MAX_BODY_BYTES = 64 * 1024;
    /**
     * The limits count UTF-16 code units, what JavaScript's {@code length} and HTML's {@code maxlength} count, and
     * what H2 counts in the {@code VARCHAR(200)} and {@code VARCHAR(2000)} columns. PostgreSQL counts code points,
     * never more, so a value within the limit fits both; an emoji outside the Basic Multilingual Plane counts 2.
     */
    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 2000;
    private static final String LENGTH_RULE = " (counted as JavaScript's length counts them: most emoji count as 2)";

    /** Fields a client might use to claim an identity: refused, never read. */
    static final Set<String> IDENTITY_FIELDS = Set.of("userId", "user_id", "owner", "ownerId", "owner_id", "sub",
            "user");
    /** Fields of a task the server sets; a client that sends a task back may include them, they are ignored. */
    private static final Set<String> READ_ONLY_FIELDS = Set.of("id", "createdAt", "updatedAt");
    private static final Set<String> WRITABLE_FIELDS = Set.of("title", "description", "completed");

    private final ObjectMapper json;

    TaskRequestParser(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The demo's one Jackson mapper, strict in what it reads: a duplicate key or anything after the object is an
     * error, not a value silently dropped, and nesting and strings are bounded by what a task can hold.
     */
    static ObjectMapper jsonMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(32)
                        .maxStringLength(MAX_BODY_BYTES)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** Reads the body as a JSON object, within the size limit. */
    ObjectNode readBody(HttpServletRequest request) throws ProblemException, IOException {
        if (!isJson(request.getContentType())) {
            throw new ProblemException(415, "The body must be JSON (Content-Type: application/json)");
        }
        long declared = request.getContentLengthLong();
        if (declared > UnreadBodyFilter.DISCARD_LIMIT) {
            // More than the demo will read for nothing: say that the connection ends with this answer.
            throw new ProblemException(413, tooLarge().getMessage(), List.of(), Map.of("Connection", "close"));
        }
        if (declared > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        if (body.length == 0) {
            throw new ProblemException(400, "The body is empty; send a JSON object");
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ProblemException(400, "The body is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (!(node instanceof ObjectNode object)) {
            throw new ProblemException(400, "The body must be a JSON object");
        }
        checkFields(object);
        return object;
    }

    /** POST: {@code title} required, {@code description} and {@code completed} optional. */
    TaskChanges forCreate(ObjectNode body) throws ProblemException {
        if (!body.has("title")) {
            throw ProblemException.invalid("title", "is required");
        }
        return changes(body);
    }

    /** PUT: a full replacement; {@code title} required, absent fields take their defaults. */
    TaskChanges forReplace(ObjectNode body) throws ProblemException {
        TaskChanges given = forCreate(body);
        return new TaskChanges(given.title(), given.description(), given.description() == null,
                given.completed() == null ? Boolean.FALSE : given.completed());
    }

    /** PATCH: any of the writable fields, at least one. */
    TaskChanges forPatch(ObjectNode body) throws ProblemException {
        boolean any = false;
        for (String field : WRITABLE_FIELDS) {
            any |= body.has(field);
        }
        if (!any) {
            throw new ProblemException(400, "The body changes nothing: send title, description or completed");
        }
        return changes(body);
    }

    private static TaskChanges changes(ObjectNode body) throws ProblemException {
        String title = null;
        if (body.has("title")) {
            JsonNode node = body.get("title");
            if (!node.isTextual()) {
                throw ProblemException.invalid("title", "must be a string");
            }
            title = node.textValue().trim();
            if (title.isEmpty() || title.length() > MAX_TITLE) {
                throw ProblemException.invalid("title", "must be 1 to " + MAX_TITLE + " characters after trimming"
                        + LENGTH_RULE);
            }
            if (title.chars().anyMatch(Character::isISOControl)) {
                throw ProblemException.invalid("title", "must be one line without control characters");
            }
            checkStorable("title", title);
        }
        String description = null;
        boolean clearDescription = false;
        if (body.has("description")) {
            JsonNode node = body.get("description");
            if (node.isNull()) {
                clearDescription = true;
            } else if (!node.isTextual()) {
                throw ProblemException.invalid("description", "must be a string or null");
            } else {
                description = node.textValue();
                if (description.length() > MAX_DESCRIPTION) {
                    throw ProblemException.invalid("description", "must be at most " + MAX_DESCRIPTION
                            + " characters" + LENGTH_RULE);
                }
                if (description.indexOf('\0') >= 0) {
                    // PostgreSQL cannot store NUL in text at all.
                    throw ProblemException.invalid("description", "must not contain the NUL character (U+0000)");
                }
                checkStorable("description", description);
            }
        }
        Boolean completed = null;
        if (body.has("completed")) {
            JsonNode node = body.get("completed");
            if (!node.isBoolean()) {
                throw ProblemException.invalid("completed", "must be true or false");
            }
            completed = node.booleanValue();
        }
        return new TaskChanges(title, description, clearDescription, completed);
    }

    /**
     * An unpaired surrogate (a JSON string with only half of an emoji's escape pair) is not text: PostgreSQL's driver
     * would silently store {@code ?} in its place, H2 would store it as it is.
     */
    private static void checkStorable(String field, String text) throws ProblemException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw ProblemException.invalid(field, "must be valid Unicode text (it has an unpaired surrogate)");
            }
        }
    }

    private static void checkFields(ObjectNode body) throws ProblemException {
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (IDENTITY_FIELDS.contains(name)) {
                throw new ProblemException(400, "The body must not name a user ('" + name + "'): the user is the one"
                        + " the bearer token identifies", List.of(new Problem.FieldError(name,
                        "is not accepted: identity comes from the token")), Map.of());
            }
            if (!WRITABLE_FIELDS.contains(name) && !READ_ONLY_FIELDS.contains(name)) {
                throw ProblemException.invalid(name.length() > 64 ? name.substring(0, 64) + "..." : name,
                        "is not a task field (title, description, completed)");
            }
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
                .toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || (mediaType.startsWith("application/")
                && mediaType.endsWith("+json"));
    }

    private static ProblemException tooLarge() {
        return new ProblemException(413, "The body is larger than " + MAX_BODY_BYTES + " bytes");
    }
}
