package kz.agyn.audit.web;

import java.util.Set;

import kz.agyn.platform.security.AccessRule;
import kz.agyn.platform.menu.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit page is for administrators: its controller has no check of its own, so this rule is its only guard.
 * (The role is named as text: the account feature, which defines the roles, writes to the audit log, and the
 * audit feature may not depend on it in return.)
 */
@Configuration(proxyBeanMethods = false)
class AuditWebConfiguration {

    @Bean
    AccessRule auditForAdministrators() {
        return AccessRule.roles(100, Set.of("ADMIN"), "/admin/audit", "/admin/audit/**");
    }

    @Bean
    MenuEntry auditMenuEntry() {
        return MenuEntry.forRoles(140, "nav.audit", "/admin/audit", "ADMIN");
    }
}
