package kz.agyn.platform.i18n;

import java.util.List;

/** The interface's languages, Kazakh first (the default). Kept here so that the platform needs no feature. */
public final class Languages {

    /** Language codes of the interface; the first is the default. */
    public static final List<String> CODES = List.of("kk", "ru", "en");

    private Languages() {
    }
}
