package kz.agyn.jobs.web;

import java.util.Set;

import kz.agyn.platform.security.AccessRule;
import kz.agyn.platform.menu.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Jobs page shows every user's jobs, so it is for administrators: its controller has no check of its own, this
 * rule is its guard. (The API's jobs are for anyone signed in, each seeing their own: {@link JobsApiController}.)
 */
@Configuration(proxyBeanMethods = false)
class JobsWebConfiguration {

    @Bean
    AccessRule jobsPageForAdministrators() {
        return AccessRule.roles(100, Set.of("ADMIN"), "/admin/jobs", "/admin/jobs/**");
    }

    @Bean
    MenuEntry jobsMenuEntry() {
        return MenuEntry.forRoles(150, "nav.jobs", "/admin/jobs", "ADMIN");
    }
}
