package kz.agyn.platform.upload;

import kz.agyn.tabular.PoiLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** Sets POI's zip-bomb limits when the application starts, and puts {@link ContainerLimits} before security. */
@Configuration(proxyBeanMethods = false)
class UploadConfiguration {

    private static final Logger log = LoggerFactory.getLogger(UploadConfiguration.class);

    /** Ahead of Spring Security's filters (order -100), which read the form's CSRF token from the body. */
    static final int ORDER = -110;

    UploadConfiguration() {
        PoiLimits.apply();
        log.debug("Workbook limits: {}", PoiLimits.describe());
    }

    @Bean
    FilterRegistrationBean<ContainerLimits> containerLimits(
            @Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize maxForm, MessageSource messages,
            LocaleResolver locales, JsonMapper json) {
        FilterRegistrationBean<ContainerLimits> registration = new FilterRegistrationBean<>(
                new ContainerLimits(maxForm.toBytes(), messages, locales, json));
        registration.setOrder(ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
