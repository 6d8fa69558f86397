package kz.agyn.registry.keys.internal;

import kz.agyn.registry.keys.RegistryNameIndexJobs;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes the name search keys of rows recorded before them, once, when the observatory starts: until then name
 * search would not find those scholars. After the demonstration data (order 20), which write their own keys, and
 * before the monitoring pass (30). Nothing to do, and no job recorded, once every row has its keys.
 */
@Component
@ConditionalOnWebApplication
@Order(25)
class RegistryNameIndexAtStart implements ApplicationRunner {

    static final String ACTOR = "system:name-index";

    private final RegistryNameIndexJobs jobs;

    RegistryNameIndexAtStart(RegistryNameIndexJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public void run(ApplicationArguments args) {
        jobs.runIfNeeded(ACTOR);
    }
}
