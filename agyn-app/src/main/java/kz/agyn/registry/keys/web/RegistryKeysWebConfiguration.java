package kz.agyn.registry.keys.web;

import java.util.Set;

import kz.agyn.platform.security.AccessRule;
import kz.agyn.platform.menu.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The keys page is an administrator's: the rule says so at the door, as its controller does again
 * ({@code @PreAuthorize}), and only administrators see its link.
 */
@Configuration(proxyBeanMethods = false)
class RegistryKeysWebConfiguration {

    @Bean
    AccessRule registryKeysForAdministrators() {
        return AccessRule.roles(100, Set.of("ADMIN"), "/admin/registry-keys", "/admin/registry-keys/**");
    }

    @Bean
    MenuEntry registryKeysMenuEntry() {
        return MenuEntry.forRoles(160, "nav.registryKeys", "/admin/registry-keys", "ADMIN");
    }
}
