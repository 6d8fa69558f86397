package kz.agyn.platform.cli;

import java.util.List;
import java.util.Locale;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import picocli.CommandLine.Option;

/** The options every import command takes, as a picocli mixin: the report's language and who imports. */
public class ImportOptions {

    @Option(names = "--lang", defaultValue = "kk", description = "language of the report: kk, ru, en")
    String lang;

    @Option(names = "--user", defaultValue = "cli", description = "recorded as who imported")
    String user;

    /** The language of the report. */
    public Locale locale() {
        return Locale.forLanguageTag(lang);
    }

    /** Who is recorded as having imported. */
    public String user() {
        return user;
    }

    /** A stretch of a command run as its user; closing it gives the thread back its earlier security context. */
    public interface Acting extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Runs the rest of the command, and the background jobs it starts (they take the caller's security context),
     * as {@link #user()} with the role CLI, so that the audit log names who ran the command rather than "system".
     * The role grants nothing: the commands pass their access explicitly.
     */
    public Acting actAsUser() {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext as = SecurityContextHolder.createEmptyContext();
        as.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_CLI"))));
        SecurityContextHolder.setContext(as);
        return () -> SecurityContextHolder.setContext(before);
    }
}
