package kz.agyn.account.web;

import java.util.Set;

import kz.agyn.account.Role;
import kz.agyn.platform.security.AccessRule;
import kz.agyn.platform.menu.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may manage users: administrators, on the Users page and over the API. Their controllers have no check of
 * their own, so these rules are their guard. Also the Users link of the main menu, and the administration area as
 * a whole.
 */
@Configuration(proxyBeanMethods = false)
class AccountWebConfiguration {

    private static final Set<String> ADMINISTRATORS = Set.of(Role.ADMIN.name());

    @Bean
    AccessRule userManagementForAdministrators() {
        return AccessRule.roles(100, ADMINISTRATORS, "/admin/users", "/admin/users/**", "/api/v1/users",
                "/api/v1/users/**");
    }

    /**
     * Every page under /admin is for administrators, whichever feature serves it: a page added there is closed to
     * everyone else before it says anything itself (and an address there that nothing serves answers 403, not
     * 404, to them). The account feature says so because the role is its own. Last, so that a feature's own rule
     * for its page under /admin comes first.
     */
    @Bean
    AccessRule administrationAreaForAdministrators() {
        return AccessRule.roles(Integer.MAX_VALUE, ADMINISTRATORS, "/admin/**");
    }

    @Bean
    MenuEntry usersMenuEntry() {
        return MenuEntry.forRoles(130, "nav.admin", "/admin/users", Role.ADMIN.name());
    }
}
