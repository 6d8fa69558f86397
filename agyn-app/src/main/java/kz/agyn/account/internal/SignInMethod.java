package kz.agyn.account.internal;

/** How a caller proved who they are. */
public enum SignInMethod {
    /** The login form (a browser, then a session). */
    FORM,
    /** HTTP Basic on the API: user name and password on every request. */
    BASIC,
    /** A personal API token ({@code Authorization: Bearer agyn_...}). */
    TOKEN
}
