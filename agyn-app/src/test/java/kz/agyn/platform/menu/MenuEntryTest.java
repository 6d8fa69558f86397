package kz.agyn.platform.menu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import kz.agyn.platform.security.AccessRule;
import org.junit.jupiter.api.Test;

/** Who sees a menu entry, where it counts as the current place, and what a rule or an entry refuses to be. */
class MenuEntryTest {

    private static final MenuEntry RECORDS = MenuEntry.forRoles(70, "nav.registry", "/records", "READER")
            .activeUnder("/records/").orElse(MenuEntry.forRoles(70, "nav.registry", "/tables", "VIEWER"));

    @Test
    void aFallbackIsShownOnlyToThoseWhoMayNotSeeTheEntry() {
        assertThat(RECORDS.shownTo(Set.of("READER"))).map(MenuEntry::href).contains("/records");
        assertThat(RECORDS.shownTo(Set.of("READER", "VIEWER"))).map(MenuEntry::href).contains("/records");
        assertThat(RECORDS.shownTo(Set.of("VIEWER"))).map(MenuEntry::href).contains("/tables");
        assertThat(RECORDS.shownTo(Set.of())).isEmpty();
        assertThat(MenuEntry.forEveryone(10, "nav.home", "/").shownTo(Set.of())).isPresent();
    }

    @Test
    void anEntryIsCurrentOnItsPageAndUnderItsPrefix() {
        assertThat(RECORDS.activeAt("/records")).isTrue();
        assertThat(RECORDS.activeAt("/records/42")).isTrue();
        assertThat(RECORDS.activeAt("/recordsx")).isFalse();
        MenuEntry home = MenuEntry.forEveryone(10, "nav.home", "/");
        assertThat(home.activeAt("/")).isTrue();
        assertThat(home.activeAt("/records")).isFalse();
    }

    @Test
    void mistakesAreRefusedAtStartUp() {
        assertThatThrownBy(() -> MenuEntry.forEveryone(1, "nav.x", "records")).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> MenuEntry.forRoles(1, "nav.x", "/records")).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> AccessRule.roles(1, Set.of(), "/records")).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> AccessRule.roles(1, Set.of("ROLE_ADMIN"), "/records")).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> AccessRule.anyone(1, "records/**")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccessRule.anyone(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
