package kz.agyn.registry;

import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The day the demonstration describes ({@code agyn.demo.as-of}; the older name {@code agyn.registry.demo.as-of}
 * still sets it, through {@code application.yml}): by default the analytical note's date, 6 November 2024, on
 * which the synthetic registry's world ends. The cohort dashboard describes a registry made only of synthetic
 * records as of this day (evaluated later, every graduate due after it would look overdue, since the synthetic
 * world has no events after it), and the incentives page offers it beside today.
 *
 * <p>Configuration rather than the generator's constant, so that the registry knows nothing of the demonstration
 * data ({@code kz.agyn.demo}), which may be left out.
 *
 * @param asOf the day
 */
@ConfigurationProperties("agyn.demo")
public record DemonstrationDay(@DefaultValue("2024-11-06") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                               LocalDate asOf) {
}
