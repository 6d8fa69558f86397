package kz.agyn.audit;

import java.util.List;
import java.util.TreeSet;

import kz.agyn.audit.internal.AuditRepository;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes and reads the audit log. A read of personal data is recorded before the data leave the service, in a
 * transaction of its own, so that an answer is never sent without its audit row even if the caller's transaction
 * later rolls back.
 */
@Service
public class AuditLog {

    private final AuditRepository repository;

    public AuditLog(AuditRepository repository) {
        this.repository = repository;
    }

    /** Records an act of the current user. {@code detail} must not hold personal data (no IIN, name or contact). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(AuditAction action, String subjectType, Long subjectId, int records, String detail) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String actor = auth == null ? "system" : auth.getName();
        TreeSet<String> roles = roleNames(auth);
        repository.insert(actor, String.join(",", roles), action, subjectType, subjectId, records, channel(),
                detail == null || detail.length() <= 400 ? detail : detail.substring(0, 400));
    }

    /**
     * Records a security event whose actor is not (or not yet) the signed-in user: a sign-in, its failure, a lock.
     * {@code actor} is a user name or a placeholder such as "(unknown)"; never a password, nor what was typed as a
     * user name when it names no account (it may be a password typed in the wrong field).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAs(String actor, String roles, AuditAction action, String subjectType, Long subjectId,
                         String detail) {
        repository.insert(actor.length() <= 64 ? actor : actor.substring(0, 64), roles == null ? "" : roles, action,
                subjectType, subjectId, 1, channel(), detail == null || detail.length() <= 400 ? detail
                        : detail.substring(0, 400));
    }

    /** The caller's role names without Spring's prefix (the audit log depends on no feature, accounts included). */
    private static TreeSet<String> roleNames(Authentication auth) {
        TreeSet<String> names = new TreeSet<>();
        if (auth != null && !(auth instanceof AnonymousAuthenticationToken)) {
            auth.getAuthorities().forEach(a -> names.add(a.getAuthority().startsWith("ROLE_")
                    ? a.getAuthority().substring(5) : a.getAuthority()));
        }
        return names;
    }

    public List<AuditEvent> search(AuditQuery query) {
        return repository.search(query);
    }

    public long count(AuditQuery query) {
        return repository.count(query);
    }

    /** Web pages, the API or a background job, told apart by the request path. */
    private static String channel() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a)) {
            return "JOB";
        }
        return a.getRequest().getRequestURI().contains("/api/") ? "API" : "WEB";
    }
}
