package kz.agyn.audit;

import java.util.Arrays;
import java.util.List;

/** What was done: with personal data, or to the security of the observatory (its {@link #kind()}). */
public enum AuditAction {
    VIEW, SEARCH, EXPORT, CREATE, UPDATE, IMPORT, ANONYMISE, SUBJECT_ACCESS,
    /** Personal data encrypted again under the current key after a key rotation. */
    REKEY,

    /** A successful sign-in: each one by the form; by HTTP Basic or a token, the first of each hour and address. */
    SIGN_IN(AuditKind.SECURITY),
    /** A wrong password, an unknown, revoked or expired token, or a disabled account. */
    SIGN_IN_FAILURE(AuditKind.SECURITY),
    /** Too many failures: an account name or a client address must wait before it may try again. */
    SIGN_IN_LOCKED(AuditKind.SECURITY),
    /** An administrator lifted a sign-in lock. */
    SIGN_IN_UNLOCKED(AuditKind.SECURITY),
    USER_CREATED(AuditKind.SECURITY),
    ROLES_CHANGED(AuditKind.SECURITY),
    USER_ENABLED(AuditKind.SECURITY),
    USER_DISABLED(AuditKind.SECURITY),
    /** An administrator set a new password for someone. */
    PASSWORD_RESET(AuditKind.SECURITY),
    /** A user changed their own password. */
    PASSWORD_CHANGED(AuditKind.SECURITY),
    TOKEN_CREATED(AuditKind.SECURITY),
    TOKEN_REVOKED(AuditKind.SECURITY),
    /** A new version of a programme's obligation rules (who owes what, for how long). */
    OBLIGATION_RULES_CHANGED(AuditKind.SECURITY),
    /** An incentive's rule text changed, or the incentive was switched on or off. */
    INCENTIVE_RULE_CHANGED(AuditKind.SECURITY),
    /** An earlier version of a warehouse dataset made current again: what every reader sees by default changed. */
    VERSION_RESTORED(AuditKind.SECURITY),
    /**
     * Where a warehouse dataset is refreshed from was set or changed: the next refresh imports whatever that address
     * answers, so who pointed it where is kept.
     */
    SOURCE_SET(AuditKind.SECURITY),
    /** A dataset's refresh source was removed. */
    SOURCE_REMOVED(AuditKind.SECURITY),
    /**
     * An accepted warehouse import withdrawn by an administrator: its version is marked withdrawn and, if it was
     * current, a version without its observations became current (decision 0033).
     */
    IMPORT_WITHDRAWN(AuditKind.SECURITY),
    /** A warehouse dataset retired: left out of what the explorer, metrics and exports read by default. */
    DATASET_RETIRED(AuditKind.SECURITY),
    /** A retired dataset taken back into the defaults. */
    DATASET_REINSTATED(AuditKind.SECURITY),
    /** A survey closed to further answers. */
    SURVEY_CLOSED(AuditKind.SECURITY),
    /** A closed survey opened to answers again. */
    SURVEY_REOPENED(AuditKind.SECURITY),
    /** A survey without responses deleted. */
    SURVEY_DELETED(AuditKind.SECURITY);

    private final AuditKind kind;

    AuditAction() {
        this(AuditKind.PERSONAL_DATA);
    }

    AuditAction(AuditKind kind) {
        this.kind = kind;
    }

    public AuditKind kind() {
        return kind;
    }

    public static List<AuditAction> of(AuditKind kind) {
        return Arrays.stream(values()).filter(a -> a.kind == kind).toList();
    }
}
