package kz.agyn.iin.web;

import kz.agyn.platform.menu.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The IIN check's link in the main menu. */
@Configuration(proxyBeanMethods = false)
class IinWebConfiguration {

    @Bean
    MenuEntry iinMenuEntry() {
        return MenuEntry.forEveryone(110, "nav.iin", "/iin");
    }
}
