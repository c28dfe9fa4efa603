/**
 * Configuration tables shared by betterauth4j's modules: a {@link dev.betterauth4j.core.settings.Setting} per option
 * (names in code, the environment and {@code web.xml}, type, default, bounds, documentation), one
 * {@link dev.betterauth4j.core.settings.SettingType} per kind of value, and the
 * {@link dev.betterauth4j.core.settings.SettingsReader} that reads text into builders and refuses unknown names.
 *
 * <p>Applications configure betterauth4j through the builders, {@code fromEnvironment}, {@code fromProperties} or
 * init parameters; they rarely need this package directly.
 */
package dev.betterauth4j.core.settings;
