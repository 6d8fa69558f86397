package kz.agyn.registry.monitoring.internal;

import kz.agyn.registry.monitoring.MonitoringService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One monitoring pass after the registry (and its demonstration data) is loaded, so the worklist is not empty
 * until the first night.
 */
@Component
// Part of starting the observatory; a command-line tool (no web server) neither needs it nor should wait for it.
@ConditionalOnWebApplication
@Order(30)
class MonitoringAtStart implements ApplicationRunner {

    private final MonitoringService monitoring;
    private final boolean enabled;

    MonitoringAtStart(MonitoringService monitoring,
                      @Value("${agyn.registry.monitoring.run-at-start:true}") boolean enabled) {
        this.monitoring = monitoring;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            monitoring.run(true, MonitoringService.ACTOR);
        }
    }
}
