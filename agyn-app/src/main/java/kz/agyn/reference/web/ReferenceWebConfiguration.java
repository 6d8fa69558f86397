package kz.agyn.reference.web;

import kz.agyn.platform.menu.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reference data's link in the main menu. */
@Configuration(proxyBeanMethods = false)
class ReferenceWebConfiguration {

    @Bean
    MenuEntry referenceMenuEntry() {
        return MenuEntry.forEveryone(100, "nav.reference", "/reference");
    }
}
