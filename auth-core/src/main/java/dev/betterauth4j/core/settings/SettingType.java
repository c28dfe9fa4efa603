package dev.betterauth4j.core.settings;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How the text of a setting (an environment variable, an init parameter, a property) becomes a value. There is one
 * type per kind of value, shared by every module, so {@code yes} means the same everywhere.
 *
 * <pre>{@code
 * Duration ttl = SettingType.DURATION.parse("5m");   // PT5M
 * }</pre>
 *
 * @param <T> the value's type
 */
public interface SettingType<T> {

    /** Text as given, trimmed. */
    SettingType<String> TEXT = text -> text;

    /** A secret: taken exactly as given, never trimmed (its bytes are a key) and never repeated in a message. */
    SettingType<String> SECRET = new SettingType<>() {
        @Override
        public String parse(String text) {
            return text;
        }

        @Override
        public boolean verbatim() {
            return true;
        }
    };

    /** {@code true}, {@code yes}, {@code on}, {@code 1} or {@code false}, {@code no}, {@code off}, {@code 0}, in any case. */
    SettingType<Boolean> BOOLEAN = SettingTexts::bool;

    /** A whole number in decimal. */
    SettingType<Integer> INTEGER = SettingTexts::integer;

    /** Seconds ({@code 60}), a number with a unit ({@code 250ms}, {@code 90s}, {@code 5m}, {@code 1h}), or ISO-8601 ({@code PT1M}). */
    SettingType<Duration> DURATION = SettingTexts::duration;

    /** A URI; whether it must be absolute, https, ... is checked where it is used. */
    SettingType<URI> URI = SettingTexts::uri;

    /** A list separated by commas or white space; empty items dropped. */
    SettingType<List<String>> LIST = SettingTexts::list;

    /**
     * Parses a setting's text.
     *
     * @param text the text, trimmed unless {@link #verbatim()}, never blank
     * @return the value
     * @throws IllegalArgumentException if the text is not a value of this type; the message says what was expected
     *                                  and quotes the text, except for a {@link #SECRET}
     */
    T parse(String text);

    /**
     * Whether the text is taken exactly as given rather than trimmed.
     *
     * @return {@code true} for secrets
     */
    default boolean verbatim() {
        return false;
    }
}
