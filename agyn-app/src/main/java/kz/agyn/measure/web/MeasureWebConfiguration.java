package kz.agyn.measure.web;

import java.util.Set;

import kz.agyn.platform.menu.MenuEntry;
import kz.agyn.platform.security.AccessRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The measures board in the menu for every signed-in user; its editor for analysts and administrators. */
@Configuration(proxyBeanMethods = false)
class MeasureWebConfiguration {

    /** Who may add and edit measures, report values and comment. */
    static final String EDITORS = "hasAnyRole('ADMIN', 'ANALYST')";

    @Bean
    AccessRule measureEditorPages() {
        return AccessRule.roles(100, Set.of("ADMIN", "ANALYST"), "/measures/new", "/measures/*/edit");
    }

    @Bean
    MenuEntry measuresMenuEntry() {
        return MenuEntry.forEveryone(85, "nav.measures", "/measures").activeUnder("/measures/");
    }
}
