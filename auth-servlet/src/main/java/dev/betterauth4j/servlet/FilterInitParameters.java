package dev.betterauth4j.servlet;

import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.settings.SettingSource;
import dev.betterauth4j.core.settings.SettingsReader;
import jakarta.servlet.FilterConfig;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Builds a filter's options from its init parameters ({@code web.xml}): {@code BETTER_AUTH_*} settings go to the
 * verifier ({@link BetterAuthVerifier#fromProperties}, which refuses unknown ones), the rest are read through the
 * filter's table ({@link FilterSettings}). Any other parameter fails: a typo in a security setting must not pass
 * silently.
 */
final class FilterInitParameters {

    private static final String VERIFIER_PREFIX = "BETTER_AUTH_";

    private FilterInitParameters() {
    }

    static FilterOptions read(FilterConfig config) {
        Map<String, String> verifierSettings = new HashMap<>();
        Map<String, String> filterSettings = new HashMap<>();
        for (String name : Collections.list(config.getInitParameterNames())) {
            String value = config.getInitParameter(name);
            (name.startsWith(VERIFIER_PREFIX) ? verifierSettings : filterSettings).put(name, value);
        }
        Set<String> known = SettingsReader.names(FilterSettings.TABLE, SettingSource.INIT_PARAMETERS);
        SettingsReader.checkNames(filterSettings.keySet(), known, Set.of(), SettingSource.INIT_PARAMETERS,
                warning -> { });
        BetterAuthVerifier verifier = BetterAuthVerifier.fromProperties(verifierSettings);
        try {
            return SettingsReader.read(FilterSettings.TABLE, filterSettings, SettingSource.INIT_PARAMETERS,
                    BetterAuthFilter.builder(verifier)).options();
        } catch (RuntimeException e) {
            verifier.close();
            throw e;
        }
    }
}
