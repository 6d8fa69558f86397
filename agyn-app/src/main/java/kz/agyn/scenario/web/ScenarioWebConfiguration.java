package kz.agyn.scenario.web;

import java.util.Set;

import kz.agyn.platform.menu.MenuEntry;
import kz.agyn.platform.security.AccessRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who reaches the scenarios: analysts and administrators make and run them, viewers read them and their results
 * (aggregates only, no personal data); registry officers have no business here. The menu shows them to the same.
 */
@Configuration(proxyBeanMethods = false)
class ScenarioWebConfiguration {

    static final Set<String> READERS = Set.of("ADMIN", "ANALYST", "VIEWER");

    @Bean
    AccessRule scenarioReaders() {
        return AccessRule.roles(100, READERS, "/scenarios", "/scenarios/**", "/api/v1/scenarios",
                "/api/v1/scenarios/**", "/api/v1/runs/**");
    }

    @Bean
    MenuEntry scenarioMenuEntry() {
        return MenuEntry.forRoles(95, "nav.scenarios", "/scenarios", "ADMIN", "ANALYST", "VIEWER")
                .activeUnder("/scenarios/");
    }
}
