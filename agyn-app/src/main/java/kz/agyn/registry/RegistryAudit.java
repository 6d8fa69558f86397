package kz.agyn.registry;

/** How the registry names what its rows in the audit log are about. */
public final class RegistryAudit {

    /**
     * The subject of every audit row about scholars' records, whichever sub-feature writes it: a read, a search, a
     * change, an import, an export of a list with names, a re-key.
     */
    public static final String SCHOLAR = "SCHOLAR";

    private RegistryAudit() {
    }
}
