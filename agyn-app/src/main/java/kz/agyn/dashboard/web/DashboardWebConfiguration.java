package kz.agyn.dashboard.web;

import kz.agyn.platform.menu.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dashboard's place in the main menu: the first link, home. */
@Configuration(proxyBeanMethods = false)
class DashboardWebConfiguration {

    @Bean
    MenuEntry homeMenuEntry() {
        return MenuEntry.forEveryone(10, "nav.home", "/");
    }
}
