package dev.betterauth4j.core.settings;

/**
 * Where settings come from. It decides which name of a {@link Setting} is read and what an unknown name means.
 */
public enum SettingSource {

    /**
     * A map of settings given on purpose ({@code fromProperties}): names are {@link Setting#key()}s, and every unknown
     * name with the settings' prefix is an error.
     */
    PROPERTIES,

    /**
     * The process environment, which other programs share: names are {@link Setting#key()}s, an unknown name close to
     * a known one is an error (a misspelling), any other unknown name a warning.
     */
    ENVIRONMENT,

    /**
     * A servlet filter's init parameters ({@code web.xml}): names are {@link Setting#initParameter()}s, and every
     * unknown name is an error.
     */
    INIT_PARAMETERS;

    /**
     * The name a setting has in this source.
     *
     * @param setting the setting
     * @return its key, or its init parameter name for {@link #INIT_PARAMETERS}; null if it has none here
     */
    public String nameOf(Setting<?, ?> setting) {
        return this == INIT_PARAMETERS ? setting.initParameter() : setting.key();
    }
}
