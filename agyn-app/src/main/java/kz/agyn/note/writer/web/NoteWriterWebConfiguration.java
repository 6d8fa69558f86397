package kz.agyn.note.writer.web;

import java.util.Set;
import kz.agyn.platform.menu.MenuEntry;
import kz.agyn.platform.security.AccessRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who edits note templates and issues notes: analysts and administrators, who write and send them. Viewers read
 * the note as Agyn writes it (/note/write) but neither change a template nor issue a note in the office's name.
 */
@Configuration(proxyBeanMethods = false)
class NoteWriterWebConfiguration {

    static final Set<String> WRITERS = Set.of("ADMIN", "ANALYST");

    @Bean
    AccessRule noteWriters() {
        return AccessRule.roles(100, WRITERS, "/note/templates", "/note/templates/**", "/note/issued",
                "/note/issued/**", "/api/v1/notes/issued", "/api/v1/notes/issued/**");
    }

    @Bean
    MenuEntry noteIssuedMenuEntry() {
        return MenuEntry.forRoles(82, "nav.noteIssued", "/note/issued", "ADMIN", "ANALYST");
    }
}
