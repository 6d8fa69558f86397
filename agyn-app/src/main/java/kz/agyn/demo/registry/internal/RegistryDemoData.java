package kz.agyn.demo.registry.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import kz.agyn.demo.registry.SyntheticRegistry;
import kz.agyn.registry.Access;
import kz.agyn.registry.imports.RegistryImport;
import kz.agyn.registry.imports.RegistryImportResult;
import kz.agyn.registry.imports.RegistryImportState;
import kz.agyn.registry.imports.RegistryInput;
import kz.agyn.registry.scholars.ScholarService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Fills an empty registry with the seeded synthetic registry (14,033 scholars, every record marked synthetic)
 * through the same bulk import users run ({@link RegistryImport}), so the demonstration exercises the real path.
 */
@Component
// Part of starting the observatory; a command-line tool (no web server) neither needs it nor should wait for it.
@ConditionalOnWebApplication
@Order(20)
class RegistryDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RegistryDemoData.class);

    private final RegistryImport imports;
    private final ScholarService scholars;
    private final boolean enabled;

    RegistryDemoData(RegistryImport imports, ScholarService scholars,
                     @Value("${agyn.demo.enabled:true}") boolean demo,
                     @Value("${agyn.demo.registry:true}") boolean registry) {
        this.imports = imports;
        this.scholars = scholars;
        this.enabled = demo && registry;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || scholars.holdsSyntheticRecords()) {
            return;
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("agyn-registry-demo");
            SyntheticRegistry.generate().writeCsv(dir);
            RegistryImportResult report = imports.run(List.of(
                    new RegistryInput(RegistryInput.Kind.SCHOLARS, "scholars.csv", dir.resolve("scholars.csv")),
                    new RegistryInput(RegistryInput.Kind.AWARDS, "awards.csv", dir.resolve("awards.csv")),
                    new RegistryInput(RegistryInput.Kind.EMPLOYMENTS, "employments.csv",
                            dir.resolve("employments.csv"))), true, Access.PERSONAL, "system");
            if (report.status() == RegistryImportState.IMPORTED) {
                log.info("Loaded the synthetic scholar registry: {} scholars, {} jobs in {} ms", report.scholars(),
                        report.employments(), report.millis());
            } else {
                log.error("The synthetic registry does not validate: {}", report.problems().stream().limit(5)
                        .map(p -> p.file() + " row " + p.row() + " " + p.columnLabel() + ": " + p.code()).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
