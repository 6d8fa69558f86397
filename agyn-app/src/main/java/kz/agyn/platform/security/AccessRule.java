package kz.agyn.platform.security;

import java.util.List;
import java.util.Set;

/**
 * What a feature says about some of its routes: who may reach them. A feature declares its rules as beans of this
 * type (from its web package); the platform, which knows no feature's routes, applies them on both of its doors
 * after its own rules (sign-in, errors, static files, API documentation, operations) and before its last word
 * (anything else needs a signed-in user). As in Spring Security the first rule whose pattern matches a request
 * decides, so the rules are applied lowest {@code order} first and a narrow rule goes before a wide one.
 *
 * <p>Each door sees only its own requests ({@code /api/**} and {@code /actuator/**} the API's, every other path the
 * pages'), so a rule is simply given to both: on the other door it never matches.
 *
 * @param order    the rule's place among every feature's rules, lowest first
 * @param patterns path patterns as Spring's {@code requestMatchers} takes them ({@code "/reports/**"})
 * @param audience who may pass
 * @param roles    for {@link Audience#ROLES}, the role names without Spring's {@code ROLE_} prefix, any one of
 *                 which will do (the platform knows no feature's enum of roles); empty otherwise
 */
public record AccessRule(int order, List<String> patterns, Audience audience, Set<String> roles) {

    /** Who may pass a rule. */
    public enum Audience {
        /** Anyone, signed in or not: the route authorizes by itself (a one-time link) or shows nothing private. */
        ANYONE,
        /** Any signed-in user, whatever their roles. */
        SIGNED_IN,
        /** A signed-in user with one of the rule's roles. */
        ROLES
    }

    public AccessRule {
        patterns = List.copyOf(patterns);
        roles = Set.copyOf(roles);
        if (patterns.isEmpty() || patterns.stream().anyMatch(p -> !p.startsWith("/"))) {
            throw new IllegalArgumentException("an access rule needs paths that start with /: " + patterns);
        }
        if ((audience == Audience.ROLES) == roles.isEmpty()) {
            throw new IllegalArgumentException("roles are given for " + Audience.ROLES + " and only for it: "
                    + audience + " " + roles);
        }
        if (roles.stream().anyMatch(r -> r.startsWith("ROLE_"))) {
            throw new IllegalArgumentException("role names come without ROLE_: " + roles);
        }
    }

    /** The routes are open to anyone, signed in or not. */
    public static AccessRule anyone(int order, String... patterns) {
        return new AccessRule(order, List.of(patterns), Audience.ANYONE, Set.of());
    }

    /** The routes are for any signed-in user (what every route not named by a rule needs anyway). */
    public static AccessRule signedIn(int order, String... patterns) {
        return new AccessRule(order, List.of(patterns), Audience.SIGNED_IN, Set.of());
    }

    /** The routes are for users with one of {@code roles}. */
    public static AccessRule roles(int order, Set<String> roles, String... patterns) {
        return new AccessRule(order, List.of(patterns), Audience.ROLES, roles);
    }
}
