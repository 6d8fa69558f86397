package kz.agyn.warehouse.web;

import kz.agyn.platform.menu.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The warehouse's links in the main menu. Only the import is for some roles: the same ones its controllers
 * require ({@code hasAnyRole('ADMIN', 'ANALYST')}), so that nobody is shown a page that would refuse them.
 */
@Configuration(proxyBeanMethods = false)
class WarehouseWebConfiguration {

    @Bean
    MenuEntry exploreMenuEntry() {
        return MenuEntry.forEveryone(20, "nav.explore", "/warehouse/explore");
    }

    @Bean
    MenuEntry metricsMenuEntry() {
        return MenuEntry.forEveryone(30, "nav.metrics", "/warehouse/metrics");
    }

    @Bean
    MenuEntry importsMenuEntry() {
        return MenuEntry.forRoles(40, "nav.imports", "/warehouse/imports", "ADMIN", "ANALYST")
                .activeUnder("/warehouse/imports/");
    }

    @Bean
    MenuEntry indicatorsMenuEntry() {
        return MenuEntry.forEveryone(50, "nav.indicators", "/warehouse/indicators");
    }
}
