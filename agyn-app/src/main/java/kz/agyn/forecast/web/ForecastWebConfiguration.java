package kz.agyn.forecast.web;

import kz.agyn.platform.menu.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The forecast page's link in the main menu, after the explorer and the metrics it builds on. */
@Configuration(proxyBeanMethods = false)
class ForecastWebConfiguration {

    @Bean
    MenuEntry forecastMenuEntry() {
        return MenuEntry.forEveryone(35, "nav.forecast", "/forecast").activeUnder("/forecast/");
    }
}
