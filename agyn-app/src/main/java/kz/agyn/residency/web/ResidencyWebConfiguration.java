package kz.agyn.residency.web;

import java.util.Set;

import kz.agyn.platform.menu.MenuEntry;
import kz.agyn.platform.security.AccessRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who reaches hidden emigration: analysts and administrators run estimates, viewers read their aggregates (no
 * person's verdict is ever stored); registry officers have no business here. The menu shows it to the same.
 */
@Configuration(proxyBeanMethods = false)
class ResidencyWebConfiguration {

    static final Set<String> READERS = Set.of("ADMIN", "ANALYST", "VIEWER");

    @Bean
    AccessRule residencyReaders() {
        return AccessRule.roles(100, READERS, "/residency", "/residency/**", "/api/v1/residency",
                "/api/v1/residency/**");
    }

    @Bean
    MenuEntry residencyMenuEntry() {
        return MenuEntry.forRoles(96, "nav.residency", "/residency", "ADMIN", "ANALYST", "VIEWER")
                .activeUnder("/residency/");
    }
}
