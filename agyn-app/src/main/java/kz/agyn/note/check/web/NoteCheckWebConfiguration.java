package kz.agyn.note.check.web;

import java.util.Set;

import kz.agyn.platform.menu.MenuEntry;
import kz.agyn.platform.security.AccessRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who checks notes: analysts and administrators, who write and send them. The check reads the warehouse, but what
 * it shows back is the user's own text, so viewers lose nothing they could otherwise see; they are left out because
 * checking a note before it goes out is the analysts' work. The menu puts it next to the note.
 */
@Configuration(proxyBeanMethods = false)
class NoteCheckWebConfiguration {

    static final Set<String> CHECKERS = Set.of("ADMIN", "ANALYST");

    @Bean
    AccessRule noteCheckers() {
        return AccessRule.roles(100, CHECKERS, "/note-check", "/note-check/**", "/api/v1/note-checks",
                "/api/v1/note-checks/**");
    }

    @Bean
    MenuEntry noteCheckMenuEntry() {
        return MenuEntry.forRoles(81, "nav.noteCheck", "/note-check", "ADMIN", "ANALYST");
    }
}
