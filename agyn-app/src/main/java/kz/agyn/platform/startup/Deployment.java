package kz.agyn.platform.startup;

import java.util.Arrays;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * What kind of installation this is. The <em>demonstration</em> setup (the embedded database and no production
 * profile: what {@code ./mvnw spring-boot:run} gives a new user) may make conveniences for itself, such as a
 * generated registry key kept next to the data; anything else must be given its secrets from outside.
 */
public final class Deployment {

    /** The profile name that marks a production installation: {@code AGYN_PROFILE} or a Spring profile. */
    public static final String PRODUCTION = "production";

    private Deployment() {
    }

    /** {@code AGYN_PROFILE=production} ({@code agyn.profile}), or {@code production} among Spring's active profiles. */
    public static boolean production(Environment env) {
        return PRODUCTION.equalsIgnoreCase(env.getProperty("agyn.profile", "").strip())
                || Arrays.stream(env.getActiveProfiles()).anyMatch(PRODUCTION::equalsIgnoreCase);
    }

    /** A database named by {@code AGYN_DB_URL} ({@code spring.datasource.url}) rather than the embedded one. */
    public static boolean externalDatabase(Environment env) {
        return StringUtils.hasText(env.getProperty("spring.datasource.url"));
    }

    public static boolean demonstration(Environment env) {
        return !production(env) && !externalDatabase(env);
    }

    /** Why this is not the demonstration setup, for a message; empty when it is. */
    public static String whyNotDemonstration(Environment env) {
        if (externalDatabase(env) && production(env)) {
            return "an external database (AGYN_DB_URL) and the production profile";
        }
        if (externalDatabase(env)) {
            return "an external database (AGYN_DB_URL)";
        }
        return production(env) ? "the production profile (AGYN_PROFILE=production)" : "";
    }
}
