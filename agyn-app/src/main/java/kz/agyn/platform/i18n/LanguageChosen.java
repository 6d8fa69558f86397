package kz.agyn.platform.i18n;

/**
 * A signed-in user picked a language with {@code ?lang=}. Published as an application event so that the
 * account feature can remember the choice without the platform depending on it.
 */
public record LanguageChosen(String username, String language) {
}
