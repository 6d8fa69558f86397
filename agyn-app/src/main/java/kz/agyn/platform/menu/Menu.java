package kz.agyn.platform.menu;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The main menu: every {@link MenuEntry} the features declare, in order. The frame asks it for the links of the
 * signed-in user; tests ask it what each role sees.
 */
@Component
public class Menu {

    /** A link as the frame shows it: its text's message key, where it goes, and whether the user is there. */
    public record Link(String messageKey, String href, boolean active) {
    }

    private final List<MenuEntry> entries;

    Menu(ObjectProvider<MenuEntry> entries) {
        this.entries = entries.stream().sorted(Comparator.comparingInt(MenuEntry::order)).toList();
    }

    /** Every entry, lowest order first, fallbacks inside their entries. */
    public List<MenuEntry> entries() {
        return entries;
    }

    /** The links a user with these roles (without {@code ROLE_}) sees, on {@code path}. */
    public List<Link> linksFor(Set<String> roles, String path) {
        return entries.stream().map(e -> e.shownTo(roles)).flatMap(Optional::stream)
                .map(e -> new Link(e.messageKey(), e.href(), e.activeAt(path))).toList();
    }
}
