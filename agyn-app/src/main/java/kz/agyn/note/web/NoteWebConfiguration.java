package kz.agyn.note.web;

import kz.agyn.platform.menu.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The analytical note's link in the main menu. */
@Configuration(proxyBeanMethods = false)
class NoteWebConfiguration {

    @Bean
    MenuEntry noteMenuEntry() {
        return MenuEntry.forEveryone(80, "nav.note", "/note");
    }
}
