package kz.agyn.warehouse;

/**
 * What accepting an import did. A file already stored (recognised by its hash) is not written again: the import
 * points to the version that holds it, which need not be the current one, so "accepted as version 1" alone would
 * suggest that version 1 is now what everyone reads when version 2 still is. {@code newVersion}: this acceptance
 * wrote the version; {@code current}: the import's version is the one read by default.
 */
public record ImportOutcome(int version, boolean newVersion, boolean current, Integer currentVersion) {

    /** The message key and arguments that say it: accepted, or already there; and which version is current. */
    public String key() {
        return newVersion ? "imports.accepted" : "imports.acceptedExisting";
    }
}
