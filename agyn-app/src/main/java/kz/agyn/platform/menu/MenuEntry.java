package kz.agyn.platform.menu;

import java.util.Collections;
import java.util.Optional;
import java.util.Set;

/**
 * One link of the main menu. The feature whose page it opens declares it as a bean of this type (from its web
 * package); the frame of every page ({@code layout.html}, through {@link Menu}) shows the entries the signed-in
 * user may see, lowest {@code order} first. The platform knows no feature's pages, only these entries.
 *
 * @param order        where it stands in the menu, lowest first
 * @param messageKey   the link's text, a key of the message bundles (kk, ru, en)
 * @param href         the page, a path within the application (the frame adds the context path)
 * @param roles        who sees it: users with any one of these role names (without Spring's {@code ROLE_}
 *                     prefix); empty for every signed-in user
 * @param activePrefix the paths under which the link is marked as where the user is ({@code aria-current});
 *                     null for the {@code href} alone
 * @param fallback     the entry shown in this one's place to a user who may not see it, or null: the registry's
 *                     link takes readers of its records to them and viewers to its public tables
 */
public record MenuEntry(int order, String messageKey, String href, Set<String> roles, String activePrefix,
                        MenuEntry fallback) {

    public MenuEntry {
        roles = Set.copyOf(roles);
        if (!href.startsWith("/")) {
            throw new IllegalArgumentException("a menu entry opens a path of the application: " + href);
        }
    }

    /** A link every signed-in user sees. */
    public static MenuEntry forEveryone(int order, String messageKey, String href) {
        return new MenuEntry(order, messageKey, href, Set.of(), null, null);
    }

    /** A link only users with one of {@code roles} see. */
    public static MenuEntry forRoles(int order, String messageKey, String href, String... roles) {
        if (roles.length == 0) {
            throw new IllegalArgumentException("forRoles needs a role; forEveryone is for every signed-in user");
        }
        return new MenuEntry(order, messageKey, href, Set.of(roles), null, null);
    }

    /** This entry, marked as where the user is on every path that starts with {@code prefix} as well. */
    public MenuEntry activeUnder(String prefix) {
        return new MenuEntry(order, messageKey, href, roles, prefix, fallback);
    }

    /** This entry, with {@code other} shown in its place (its own order aside) to users who may not see it. */
    public MenuEntry orElse(MenuEntry other) {
        return new MenuEntry(order, messageKey, href, roles, activePrefix,
                fallback == null ? other : fallback.orElse(other));
    }

    /** The entry a user with these roles sees in this place: this one, its fallback, or none. */
    public Optional<MenuEntry> shownTo(Set<String> userRoles) {
        if (roles.isEmpty() || !Collections.disjoint(roles, userRoles)) {
            return Optional.of(this);
        }
        return fallback == null ? Optional.empty() : fallback.shownTo(userRoles);
    }

    /** Whether the user, on {@code path}, is at this entry's page or under it. */
    public boolean activeAt(String path) {
        return path.equals(href) || activePrefix != null && path.startsWith(activePrefix);
    }
}
