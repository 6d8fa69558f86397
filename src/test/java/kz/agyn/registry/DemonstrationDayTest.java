package kz.agyn.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import kz.agyn.registry.demo.SyntheticRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The demonstration's day is configuration: by default the synthetic registry's own reference day. */
class DemonstrationDayTest {

    @Test
    void defaultsToTheDayTheSyntheticRegistryEnds() {
        DemonstrationDay day = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("agyn.registry.demo", DemonstrationDay.class);
        assertThat(day.asOf()).isEqualTo(SyntheticRegistry.AS_OF);
    }

    @Test
    void isReadFromItsProperty() {
        DemonstrationDay day = new Binder(new MapConfigurationPropertySource(
                Map.of("agyn.registry.demo.as-of", "2025-01-31"))).bindOrCreate("agyn.registry.demo",
                DemonstrationDay.class);
        assertThat(day.asOf()).isEqualTo(LocalDate.of(2025, 1, 31));
    }
}
