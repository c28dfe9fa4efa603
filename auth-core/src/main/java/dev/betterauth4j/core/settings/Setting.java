package dev.betterauth4j.core.settings;

import java.util.Comparator;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * One option of a builder, with every name it has outside code, its type, default, bounds and documentation: a row of
 * a module's configuration table. The table feeds the builder's checks, the readers of properties, the environment and
 * {@code web.xml}, every error message, and the documentation, so each option is named in one place.
 *
 * <pre>{@code
 * static final Setting<Builder, Duration> CLOCK_SKEW = Setting.of("clockSkew", SettingType.DURATION, Builder::clockSkew)
 *         .key("BETTER_AUTH_CLOCK_SKEW")
 *         .defaultValue(Duration.ofSeconds(60))
 *         .between(Duration.ZERO, Duration.ofMinutes(5))
 *         .describe("How far exp, nbf and iat may be off.");
 * }</pre>
 *
 * <p>Instances are immutable; each {@code with}-style method returns a copy.
 *
 * @param <B> the builder the option belongs to
 * @param <T> the option's value type
 */
public final class Setting<B, T> {

    private final String name;
    private final SettingType<T> type;
    private final BiConsumer<B, T> apply;
    private final String key;
    private final String initParameter;
    private final String systemProperty;
    private final T defaultValue;
    private final String defaultText;
    private final T min;
    private final T max;
    private final Comparator<? super T> order;
    private final String description;

    private Setting(String name, SettingType<T> type, BiConsumer<B, T> apply, String key, String initParameter,
                    String systemProperty, T defaultValue, String defaultText, T min, T max,
                    Comparator<? super T> order, String description) {
        this.name = name;
        this.type = type;
        this.apply = apply;
        this.key = key;
        this.initParameter = initParameter;
        this.systemProperty = systemProperty;
        this.defaultValue = defaultValue;
        this.defaultText = defaultText;
        this.min = min;
        this.max = max;
        this.order = order;
        this.description = description;
    }

    /**
     * Starts a setting.
     *
     * @param name  the option's name in code: the builder method that sets it
     * @param type  how its text is parsed
     * @param apply how a value is given to the builder
     * @param <B>   the builder type
     * @param <T>   the value type
     * @return a setting with no other names, no default, no bounds
     * @throws NullPointerException if an argument is null
     */
    public static <B, T> Setting<B, T> of(String name, SettingType<T> type, BiConsumer<B, T> apply) {
        return new Setting<>(Objects.requireNonNull(name, "name"), Objects.requireNonNull(type, "type"),
                Objects.requireNonNull(apply, "apply"), null, null, null, null, null, null, null, null, "");
    }

    /**
     * Names the setting in properties and the environment, e.g. {@code BETTER_AUTH_CLOCK_SKEW}; the init parameter
     * has the same name unless {@link #initParameter(String)} says otherwise.
     *
     * @param key the name
     * @return a copy with this key
     */
    public Setting<B, T> key(String key) {
        return new Setting<>(name, type, apply, Objects.requireNonNull(key, "key"),
                initParameter == null ? key : initParameter, systemProperty, defaultValue, defaultText, min, max,
                order, description);
    }

    /**
     * Names the setting among a servlet filter's init parameters.
     *
     * @param parameter the name
     * @return a copy with this init parameter name
     */
    public Setting<B, T> initParameter(String parameter) {
        return new Setting<>(name, type, apply, key, Objects.requireNonNull(parameter, "parameter"), systemProperty,
                defaultValue, defaultText, min, max, order, description);
    }

    /**
     * Names a JVM system property that supplies the value when the builder was given none.
     *
     * @param property the property name
     * @return a copy with this system property
     */
    public Setting<B, T> systemProperty(String property) {
        return new Setting<>(name, type, apply, key, initParameter, Objects.requireNonNull(property, "property"),
                defaultValue, defaultText, min, max, order, description);
    }

    /**
     * The value a builder starts with.
     *
     * @param value the default
     * @return a copy with this default
     */
    public Setting<B, T> defaultValue(T value) {
        return new Setting<>(name, type, apply, key, initParameter, systemProperty, Objects.requireNonNull(value),
                defaultText, min, max, order, description);
    }

    /**
     * How the documentation states the default, when it is not a fixed value ("the base URL's origin").
     *
     * @param text the wording
     * @return a copy with this wording
     */
    public Setting<B, T> defaultText(String text) {
        return new Setting<>(name, type, apply, key, initParameter, systemProperty, defaultValue,
                Objects.requireNonNull(text, "text"), min, max, order, description);
    }

    /**
     * Bounds a comparable value, both ends included.
     *
     * @param lowest  the smallest value allowed
     * @param highest the largest value allowed
     * @param <C>     the value type, comparable
     * @return a copy with these bounds
     */
    @SuppressWarnings("unchecked")
    public <C extends Comparable<? super C>> Setting<B, T> between(C lowest, C highest) {
        Comparator<? super T> natural = (a, b) -> ((C) a).compareTo((C) b);
        return new Setting<>(name, type, apply, key, initParameter, systemProperty, defaultValue, defaultText,
                (T) Objects.requireNonNull(lowest), (T) Objects.requireNonNull(highest), natural, description);
    }

    /**
     * What the option does, for the documentation.
     *
     * @param text one or two sentences
     * @return a copy with this description
     */
    public Setting<B, T> describe(String text) {
        return new Setting<>(name, type, apply, key, initParameter, systemProperty, defaultValue, defaultText, min,
                max, order, Objects.requireNonNull(text, "text"));
    }

    /**
     * The option's name in code (its builder method).
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The name in properties and the environment.
     *
     * @return the key, or null if the option has none there
     */
    public String key() {
        return key;
    }

    /**
     * The init parameter's name.
     *
     * @return the name, or null if the option cannot be set by an init parameter
     */
    public String initParameter() {
        return initParameter;
    }

    /**
     * The JVM system property that supplies a value when none was given.
     *
     * @return the property name, or null
     */
    public String systemProperty() {
        return systemProperty;
    }

    /**
     * The parser of the option's text.
     *
     * @return the type
     */
    public SettingType<T> type() {
        return type;
    }

    /**
     * The value a builder starts with.
     *
     * @return the default, or null when there is none or it is derived from other options
     */
    public T defaultValue() {
        return defaultValue;
    }

    /**
     * The default as the documentation states it.
     *
     * @return the wording, or the default value's text, or "none"
     */
    public String defaultText() {
        return defaultText != null ? defaultText : defaultValue != null ? text(defaultValue) : "none";
    }

    /**
     * The bounds as the documentation states them.
     *
     * @return "min – max", or an empty string without bounds
     */
    public String boundsText() {
        return min == null ? "" : text(min) + " – " + text(max);
    }

    /** A value as a setting would be written: durations in the shortest unit that is exact ({@code 90s}, {@code 5m}). */
    private static String text(Object value) {
        if (value instanceof java.time.Duration duration) {
            long millis = duration.toMillis();
            if (millis % 3_600_000 == 0 && millis > 0) {
                return millis / 3_600_000 + "h";
            }
            if (millis % 60_000 == 0 && millis > 0) {
                return millis / 60_000 + "m";
            }
            return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
        }
        return String.valueOf(value);
    }

    /**
     * What the option does.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * How messages name the option: its code name, with its key when it has one, e.g.
     * {@code clockSkew (BETTER_AUTH_CLOCK_SKEW)}.
     *
     * @return the label
     */
    public String label() {
        return key == null || key.equals(name) ? name : name + " (" + key + ")";
    }

    /**
     * Checks a value against the option's bounds.
     *
     * @param value the value
     * @return the value
     * @throws IllegalArgumentException if it is out of bounds; the message names the option
     */
    public T check(T value) {
        if (min != null && (order.compare(value, min) < 0 || order.compare(value, max) > 0)) {
            throw new IllegalArgumentException(label() + " must be between " + text(min) + " and " + text(max)
                    + ", was " + text(value));
        }
        return value;
    }

    /**
     * Parses a setting's text, trimmed unless the type takes it verbatim.
     *
     * @param text the text, not blank
     * @return the value
     * @throws IllegalArgumentException if the text is not a value of the option's type; the message starts with
     *                                  {@link #label()} and never contains a secret
     */
    public T parse(String text) {
        return parse(text, label());
    }

    /**
     * Parses a setting's text, as {@link #parse(String)}, naming the setting as its source does.
     *
     * @param text the text, not blank
     * @param as   how the message names the setting, e.g. {@code BETTER_AUTH_CLOCK_SKEW}
     * @return the value
     * @throws IllegalArgumentException if the text is not a value of the option's type; the message starts with
     *                                  {@code as} and never contains a secret
     */
    public T parse(String text, String as) {
        try {
            return type.parse(type.verbatim() ? text : text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(as + ": " + e.getMessage());
        }
    }

    /**
     * Gives a value to a builder.
     *
     * @param builder the builder
     * @param value   the value
     */
    public void apply(B builder, T value) {
        apply.accept(builder, value);
    }

    @Override
    public String toString() {
        return "Setting[" + label() + "]";
    }
}
