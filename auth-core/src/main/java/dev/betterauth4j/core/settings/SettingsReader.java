package dev.betterauth4j.core.settings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Reads settings from text (properties, the environment, init parameters) into a builder through a configuration
 * table, and refuses names that are not in it, naming the closest one: a typo in a security setting must not pass
 * silently.
 *
 * <pre>{@code
 * SettingsReader.checkNames(given, known, Set.of(), SettingSource.PROPERTIES, warning -> { });
 * SettingsReader.read(TABLE, properties, SettingSource.PROPERTIES, builder);
 * }</pre>
 */
public final class SettingsReader {

    /** In an environment, an unknown name this close (in edits) to a known one is taken for its misspelling. */
    public static final int MISSPELLING_DISTANCE = 3;

    private SettingsReader() {
    }

    /**
     * Gives every setting of {@code table} that {@code values} has (by the name {@code source} uses) to the builder.
     * Blank values count as unset.
     *
     * @param table   the configuration table
     * @param values  the settings' texts by name
     * @param source  which names to read
     * @param builder the builder
     * @param <B>     the builder type
     * @return the builder
     * @throws IllegalArgumentException if a text is not a value of its setting's type; the message names the setting
     *                                  and never contains a secret
     */
    public static <B> B read(Collection<? extends Setting<B, ?>> table, Map<String, String> values,
                             SettingSource source, B builder) {
        Objects.requireNonNull(values, "values");
        for (Setting<B, ?> setting : table) {
            String name = source.nameOf(setting);
            String text = name == null ? null : values.get(name);
            if (text != null && !text.isBlank()) {
                readOne(setting, text, name, builder);
            }
        }
        return builder;
    }

    private static <B, T> void readOne(Setting<B, T> setting, String text, String name, B builder) {
        setting.apply(builder, setting.parse(text, name));
    }

    /**
     * Refuses names that are neither {@code known} nor {@code tolerated}, in the way {@code source} calls for (see
     * {@link SettingSource}).
     *
     * @param given     the names to check (for properties and the environment, those with the settings' prefix)
     * @param known     every name the table reads
     * @param tolerated names that are not ours but are expected beside ours (another program's variables)
     * @param source    where the names come from
     * @param warning   receives the warning for an unknown environment variable that is no likely misspelling
     * @throws IllegalArgumentException for the first unknown name (in sorted order), naming it and the closest known
     *                                  name
     */
    public static void checkNames(Collection<String> given, Set<String> known, Set<String> tolerated,
                                  SettingSource source, Consumer<String> warning) {
        for (String name : new TreeSet<>(given)) {
            if (known.contains(name) || tolerated.contains(name)) {
                continue;
            }
            String closest = closest(name, known);
            boolean misspelling = closest != null && distance(name, closest) <= MISSPELLING_DISTANCE;
            if (source != SettingSource.ENVIRONMENT || misspelling) {
                boolean parameter = source == SettingSource.INIT_PARAMETERS;
                throw new IllegalArgumentException((parameter ? "init parameter " + quoted(name) : name)
                        + " is not a setting of betterauth4j" + (closest == null ? ""
                        : misspelling || parameter ? "; did you mean " + (parameter ? quoted(closest) : closest) + "?"
                        : "; the settings are " + new TreeSet<>(known)));
            }
            warning.accept("Ignoring the environment variable " + name + ": it is neither a betterauth4j setting nor"
                    + " one Better Auth reads");
        }
    }

    private static String quoted(String name) {
        return "'" + name + "'";
    }

    /**
     * The candidate with the fewest edits from {@code name} (ignoring case); ties go to the first in sorted order.
     *
     * @param name       a name
     * @param candidates the names to choose from
     * @return the closest candidate, or null if there are none
     */
    public static String closest(String name, Collection<String> candidates) {
        return candidates.stream().min(Comparator.comparingInt((String c) -> distance(name, c))
                .thenComparing(Comparator.naturalOrder())).orElse(null);
    }

    /**
     * The Levenshtein distance of two names, ignoring case: how many insertions, deletions and substitutions turn
     * one into the other.
     *
     * @param a a name
     * @param b another name
     * @return the distance
     */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                boolean same = Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1));
                current[j] = Math.min(previous[j - 1] + (same ? 0 : 1), Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * The names a table reads from a source.
     *
     * @param table  the configuration table
     * @param source the source
     * @return the names, sorted
     */
    public static Set<String> names(Collection<? extends Setting<?, ?>> table, SettingSource source) {
        Set<String> names = new TreeSet<>();
        for (Setting<?, ?> setting : table) {
            String name = source.nameOf(setting);
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * The table as a Markdown table, the form the documentation shows and its tests compare against: option, key and
     * init parameter (the name columns some option has), default, bounds (if any option has them), meaning.
     *
     * @param table the configuration table
     * @return the Markdown lines
     */
    public static List<String> markdown(Collection<? extends Setting<?, ?>> table) {
        boolean keys = table.stream().anyMatch(s -> s.key() != null);
        boolean parameters = table.stream().anyMatch(s -> s.initParameter() != null && !s.initParameter().equals(s.key()));
        boolean bounds = table.stream().anyMatch(s -> !s.boundsText().isEmpty());
        List<String> lines = new ArrayList<>();
        lines.add("| Builder |" + (keys ? " Environment, property, init parameter |" : "")
                + (parameters ? " Init parameter |" : "") + " Default |" + (bounds ? " Bounds |" : "") + " Meaning |");
        lines.add("|---|" + (keys ? "---|" : "") + (parameters ? "---|" : "") + "---|" + (bounds ? "---|" : "") + "---|");
        for (Setting<?, ?> setting : table) {
            String parameter = setting.initParameter() != null && !setting.initParameter().equals(setting.key())
                    ? setting.initParameter() : null;
            lines.add("| `" + setting.name() + "` |" + (keys ? " " + code(setting.key()) + " |" : "")
                    + (parameters ? " " + code(parameter) + " |" : "") + " " + setting.defaultText() + " |"
                    + (bounds ? " " + setting.boundsText() + " |" : "") + " " + setting.description() + " |");
        }
        return lines;
    }

    private static String code(String name) {
        return name == null ? "" : "`" + name + "`";
    }
}
