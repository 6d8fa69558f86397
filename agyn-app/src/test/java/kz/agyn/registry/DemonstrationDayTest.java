package kz.agyn.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;

import kz.agyn.demo.registry.SyntheticRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The demonstration's day is configuration: by default the synthetic registry's own reference day, which the
 * registry reads from {@code agyn.demo.as-of} (or its older name) and never from the generator.
 */
class DemonstrationDayTest {

    @Test
    void defaultsToTheDayTheSyntheticRegistryEnds() throws IOException {
        assertThat(bind(Map.of()).asOf()).isEqualTo(SyntheticRegistry.AS_OF);
        assertThat(new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("agyn.demo", DemonstrationDay.class).asOf()).isEqualTo(SyntheticRegistry.AS_OF);
    }

    @Test
    void isReadFromItsProperty() throws IOException {
        assertThat(bind(Map.of("agyn.demo.as-of", "2025-01-31")).asOf()).isEqualTo(LocalDate.of(2025, 1, 31));
    }

    /** Installations configured before the demonstration data became a module of their own keep their day. */
    @Test
    void theOlderNameStillSetsIt() throws IOException {
        assertThat(bind(Map.of("agyn.registry.demo.as-of", "2025-01-31")).asOf())
                .isEqualTo(LocalDate.of(2025, 1, 31));
        assertThat(bind(Map.of("agyn.registry.demo.as-of", "2025-01-31", "agyn.demo.as-of", "2025-02-28")).asOf())
                .isEqualTo(LocalDate.of(2025, 2, 28));
    }

    /** Binds as the application does: {@code application.yml} under the given properties. */
    private static DemonstrationDay bind(Map<String, Object> properties) throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("given", properties));
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(env.getPropertySources()::addLast);
        return Binder.get(env).bindOrCreate("agyn.demo", DemonstrationDay.class);
    }
}
