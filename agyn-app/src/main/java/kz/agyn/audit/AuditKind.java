package kz.agyn.audit;

/** The two kinds of audited acts kept in the one append-only log. */
public enum AuditKind {
    /** A view, search, export or change of personal data. */
    PERSONAL_DATA,
    /** Sign-in, accounts, roles, tokens and the rules that decide what people owe. */
    SECURITY
}
