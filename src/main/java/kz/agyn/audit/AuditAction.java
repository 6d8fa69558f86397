package kz.agyn.audit;

/** What was done with personal data. */
public enum AuditAction {
    VIEW, SEARCH, EXPORT, CREATE, UPDATE, IMPORT, ANONYMISE, SUBJECT_ACCESS,
    /** Personal data encrypted again under the current key after a key rotation. */
    REKEY
}
