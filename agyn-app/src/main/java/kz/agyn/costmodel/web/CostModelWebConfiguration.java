package kz.agyn.costmodel.web;

import kz.agyn.platform.menu.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cost model's link in the main menu. */
@Configuration(proxyBeanMethods = false)
class CostModelWebConfiguration {

    @Bean
    MenuEntry costModelMenuEntry() {
        return MenuEntry.forEveryone(90, "nav.costModel", "/cost-model");
    }
}
