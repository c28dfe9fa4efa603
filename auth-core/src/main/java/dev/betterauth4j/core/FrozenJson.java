package dev.betterauth4j.core;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Immutable copies of parsed JSON: objects become {@link FrozenMap}s (insertion-ordered maps that refuse every
 * change), arrays unmodifiable lists, leaves stay as they are.
 *
 * <p>A verified payload is frozen once, with the nesting bound checked on the way; {@link AuthenticatedUser} keeps a
 * {@link FrozenMap} as it is instead of copying it again. The copy also replaces the parser's tree map with an
 * array-backed map, so the claim lookups that follow are cheap.
 *
 * <p>Why the map is built the way it is: verified users live on in the verified-token cache, one per token, and a
 * hash map of a dozen claims (a node per claim, a table, and the parser's own copy of every claim name) was two
 * thirds of an entry's memory. A {@link FrozenMap} is an array of values over a {@link Shape}, the ordered claim
 * names with their index; tokens of one issuer have a handful of shapes at most, so verified payloads share them
 * ({@link #freezeClaims}): up to {@value #SHARED_SHAPES} shapes, after which a payload keeps a shape of its own (the
 * bound is for an issuer that puts arbitrary names in its tokens; only signed payloads get here). Top-level string
 * values that equal one another, or one of the strings the caller expects (its issuer and audiences), are kept as one
 * instance. Objects nested inside claims get a shape of their own; they are rare and small.
 */
final class FrozenJson {

    /** How many distinct claim-name sequences verified payloads share, at most. */
    static final int SHARED_SHAPES = 1024;

    private static final ConcurrentHashMap<List<String>, Shape> SHAPES = new ConcurrentHashMap<>();

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
        return freezeObject(object, 1, maxDepth, null);
    }

    /**
     * Like {@link #freeze(Map, int)}, for a verified payload that may be kept for long: its shape is shared with
     * earlier payloads of the same claim names, and its top-level string values that equal one of {@code known} or
     * an earlier value are replaced by that one instance.
     */
    static Map<String, Object> freezeClaims(Map<?, ?> payload, int maxDepth, List<String> known) throws TooDeep {
        if (payload instanceof FrozenMap frozen) {
            return frozen;
        }
        return freezeObject(payload, 1, maxDepth, known);
    }

    /** Copies {@code source}; {@code known} is non-null for a verified payload's top level only. */
    private static FrozenMap freezeObject(Map<?, ?> source, int depth, int maxDepth, List<String> known)
            throws TooDeep {
        if (depth > maxDepth) {
            throw new TooDeep();
        }
        int size = source.size();
        String[] names = new String[size];
        Object[] values = new Object[size];
        int i = 0;
        for (Map.Entry<?, ?> entry : source.entrySet()) {
            if (i == size) {
                throw new IllegalStateException("the map grew while it was copied");
            }
            names[i] = String.valueOf(entry.getKey());
            Object value = freezeValue(entry.getValue(), depth, maxDepth);
            values[i] = known != null && value instanceof String text ? shared(text, known, values, i) : value;
            i++;
        }
        if (i != size) {
            throw new IllegalStateException("the map shrank while it was copied");
        }
        return new FrozenMap(known != null ? sharedShape(names) : new Shape(names), values);
    }

    /** {@code text}, or an equal string already in {@code known} or among the first {@code count} values. */
    private static String shared(String text, List<String> known, Object[] values, int count) {
        for (String candidate : known) {
            if (candidate.length() == text.length() && candidate.equals(text)) {
                return candidate;
            }
        }
        for (int i = 0; i < count; i++) {
            if (values[i] instanceof String earlier && earlier.length() == text.length() && earlier.equals(text)) {
                return earlier;
            }
        }
        return text;
    }

    private static Shape sharedShape(String[] names) {
        List<String> key = Arrays.asList(names);
        Shape shape = SHAPES.get(key);
        if (shape != null) {
            return shape;
        }
        shape = new Shape(names);
        if (SHAPES.size() >= SHARED_SHAPES) {
            return shape;
        }
        Shape raced = SHAPES.putIfAbsent(List.of(names), shape);
        return raced != null ? raced : shape;
    }

    private static Object freezeValue(Object value, int depth, int maxDepth) throws TooDeep {
        if (isJsonLeaf(value) || value instanceof FrozenMap) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            return freezeObject(map, depth + 1, maxDepth, null);
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

    /** Whether two frozen objects share their claim names (tests, and the memory they save). */
    static boolean sameShape(Map<String, Object> a, Map<String, Object> b) {
        return a instanceof FrozenMap x && b instanceof FrozenMap y && x.shape == y.shape;
    }

    /**
     * The names of a JSON object, in order, with each name's index. Immutable; shared between the objects that have
     * exactly these names in this order.
     */
    private static final class Shape {

        /** Below this many names a scan of the array beats hashing the name looked up. */
        private static final int SCANNED = 8;

        final String[] names;
        private final Map<String, Integer> index;

        Shape(String[] names) {
            this.names = names;
            if (names.length <= SCANNED) {
                this.index = null;
            } else {
                Map<String, Integer> map = new HashMap<>(names.length * 2);
                for (int i = 0; i < names.length; i++) {
                    map.put(names[i], i);
                }
                this.index = map;
            }
        }

        int indexOf(Object name) {
            if (index != null) {
                Integer i = index.get(name);
                return i == null ? -1 : i;
            }
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** A JSON object that cannot change; every mutator throws {@link UnsupportedOperationException}. */
    static final class FrozenMap extends AbstractMap<String, Object> {

        private final Shape shape;
        private final Object[] values;

        private FrozenMap(Shape shape, Object[] values) {
            this.shape = shape;
            this.values = values;
        }

        @Override
        public Object get(Object key) {
            int i = shape.indexOf(key);
            return i < 0 ? null : values[i];
        }

        @Override
        public boolean containsKey(Object key) {
            return shape.indexOf(key) >= 0;
        }

        @Override
        public Object getOrDefault(Object key, Object defaultValue) {
            int i = shape.indexOf(key);
            return i < 0 ? defaultValue : values[i];
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public boolean isEmpty() {
            return values.length == 0;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < values.length;
                        }

                        @Override
                        public Entry<String, Object> next() {
                            if (next >= values.length) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return new SimpleImmutableEntry<>(shape.names[i], values[i]);
                        }
                    };
                }

                @Override
                public int size() {
                    return values.length;
                }
            };
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super Object> action) {
            for (int i = 0; i < values.length; i++) {
                action.accept(shape.names[i], values[i]);
            }
        }

        // Every mutator refuses, even when it would change nothing (AbstractMap's would then return quietly).

        @Override
        public Object put(String key, Object value) {
            throw refused();
        }

        @Override
        public Object remove(Object key) {
            throw refused();
        }

        @Override
        public void putAll(Map<? extends String, ?> map) {
            throw refused();
        }

        @Override
        public void clear() {
            throw refused();
        }

        @Override
        public void replaceAll(BiFunction<? super String, ? super Object, ?> function) {
            throw refused();
        }

        @Override
        public Object putIfAbsent(String key, Object value) {
            throw refused();
        }

        @Override
        public boolean remove(Object key, Object value) {
            throw refused();
        }

        @Override
        public boolean replace(String key, Object oldValue, Object newValue) {
            throw refused();
        }

        @Override
        public Object replace(String key, Object value) {
            throw refused();
        }

        @Override
        public Object computeIfAbsent(String key, Function<? super String, ?> function) {
            throw refused();
        }

        @Override
        public Object computeIfPresent(String key, BiFunction<? super String, ? super Object, ?> function) {
            throw refused();
        }

        @Override
        public Object compute(String key, BiFunction<? super String, ? super Object, ?> function) {
            throw refused();
        }

        @Override
        public Object merge(String key, Object value, BiFunction<? super Object, ? super Object, ?> function) {
            throw refused();
        }

        private static UnsupportedOperationException refused() {
            return new UnsupportedOperationException("the claims of a verified token cannot change");
        }
    }
}
