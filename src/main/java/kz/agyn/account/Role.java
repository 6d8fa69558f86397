package kz.agyn.account;

/**
 * What a user may do. ADMIN manages users; REGISTRY_OFFICER sees scholars' personal data; ANALYST sees
 * pseudonymised records and all statistics; VIEWER sees published aggregates only.
 */
public enum Role {
    ADMIN, ANALYST, REGISTRY_OFFICER, VIEWER;

    /** The Spring Security authority name. */
    public String authority() {
        return "ROLE_" + name();
    }
}
