package kz.agyn.platform.i18n;

import java.util.List;

/** The interface's languages, Kazakh first (the default). Kept here so that the platform needs no feature. */
public final class Languages {

    /** Language codes of the interface; the first is the default. */
    public static final List<String> CODES = List.of("kk", "ru", "en");

    /**
     * Session attribute: the language picked on a page before signing in (the login page's own links), which
     * the sign-in then keeps and saves as the user's choice instead of switching to the language saved earlier.
     */
    public static final String CHOSEN_BEFORE_SIGN_IN = "agyn.languageChosenBeforeSignIn";

    private Languages() {
    }
}
