package dev.betterauth4j.core;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Immutable copies of parsed JSON: objects become {@link FrozenMap}s (insertion-ordered hash maps that refuse every
 * change), arrays unmodifiable lists, leaves stay as they are.
 *
 * <p>A verified payload is frozen once, with the nesting bound checked on the way; {@link AuthenticatedUser} keeps a
 * {@link FrozenMap} as it is instead of copying it again. The copy also replaces the parser's sorted tree map with a
 * hash map, so the claim lookups that follow are cheap.
 */
final class FrozenJson {

    /** Thrown when objects and arrays nest deeper than the bound given to {@link #freeze(Map, int)}. */
    static final class TooDeep extends Exception {
        private static final long serialVersionUID = 1L;

        TooDeep() {
            super(null, null, false, false);
        }
    }

    private FrozenJson() {
    }

    /**
     * Whether {@code value} is a JSON string, number, boolean or null. Tested against these final classes before any
     * interface: on JDK 17 an {@code instanceof Map} on alternating value types thrashes the JVM's type-check cache
     * (JDK-8180450) and was a quarter of a verification's time.
     */
    static boolean isJsonLeaf(Object value) {
        return value == null || value instanceof String || value instanceof Long || value instanceof Boolean
                || value instanceof Double || value instanceof Integer;
    }

    /** An immutable deep copy of {@code object}, or the object itself if it is already frozen. */
    static Map<String, Object> freeze(Map<?, ?> object, int maxDepth) throws TooDeep {
        if (object instanceof FrozenMap frozen) {
            return frozen;
        }
        return freezeObject(object, 1, maxDepth);
    }

    private static FrozenMap freezeObject(Map<?, ?> source, int depth, int maxDepth) throws TooDeep {
        if (depth > maxDepth) {
            throw new TooDeep();
        }
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>(Math.max(4, source.size() * 2));
        for (Map.Entry<?, ?> entry : source.entrySet()) {
            copy.put(String.valueOf(entry.getKey()), freezeValue(entry.getValue(), depth, maxDepth));
        }
        return new FrozenMap(copy);
    }

    private static Object freezeValue(Object value, int depth, int maxDepth) throws TooDeep {
        if (isJsonLeaf(value) || value instanceof FrozenMap) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            return freezeObject(map, depth + 1, maxDepth);
        }
        if (value instanceof List<?> list) {
            if (depth + 1 > maxDepth) {
                throw new TooDeep();
            }
            List<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                copy.add(freezeValue(element, depth + 1, maxDepth));
            }
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    /** A JSON object that cannot change; every mutator throws {@link UnsupportedOperationException}. */
    static final class FrozenMap extends AbstractMap<String, Object> {

        private final Map<String, Object> entries;

        private FrozenMap(LinkedHashMap<String, Object> entries) {
            this.entries = Collections.unmodifiableMap(entries);
        }

        @Override
        public Object get(Object key) {
            return entries.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return entries.containsKey(key);
        }

        @Override
        public boolean containsValue(Object value) {
            return entries.containsValue(value);
        }

        @Override
        public Object getOrDefault(Object key, Object defaultValue) {
            return entries.getOrDefault(key, defaultValue);
        }

        @Override
        public int size() {
            return entries.size();
        }

        @Override
        public boolean isEmpty() {
            return entries.isEmpty();
        }

        @Override
        public Set<String> keySet() {
            return entries.keySet();
        }

        @Override
        public Collection<Object> values() {
            return entries.values();
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return entries.entrySet();
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super Object> action) {
            entries.forEach(action);
        }
    }
}
