package kz.agyn.registry.scholars.web;

import kz.agyn.platform.menu.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The registry's link in the main menu. Its front page (the search, this package) is for the readers of its
 * records ({@code Access.READERS}); a viewer may read none, so the same place takes viewers to the public cohort
 * tables (kz.agyn.registry.cohorts), and a user who is both gets the records.
 */
@Configuration(proxyBeanMethods = false)
class RegistryMenuConfiguration {

    @Bean
    MenuEntry registryMenuEntry() {
        return MenuEntry.forRoles(70, "nav.registry", "/registry", "ADMIN", "ANALYST", "REGISTRY_OFFICER")
                .activeUnder("/registry/")
                .orElse(MenuEntry.forRoles(70, "nav.registry", "/registry/cohorts", "VIEWER")
                        .activeUnder("/registry/cohorts"));
    }
}
