package kz.agyn.demo.warehouse.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import kz.agyn.reference.Names;
import kz.agyn.warehouse.ImportMapping;
import kz.agyn.warehouse.ImportReport;
import kz.agyn.warehouse.ImportService;
import kz.agyn.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Loads the demonstration datasets shipped in {@code resources/demo} on start, through the same import path a
 * user's file takes, so they are validated like any file. A file already loaded is recognised by its hash and
 * skipped, so restarts change nothing. Switched off with {@code agyn.demo.enabled=false}.
 */
@Component
// Part of starting the observatory; a command-line tool (no web server) neither needs it nor should wait for it.
@ConditionalOnWebApplication
@Order(10)
class WarehouseDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WarehouseDemoData.class);

    /** A shipped file and the dataset it fills. */
    record DemoFile(String resource, String dataset, Names title, String publisher, String citation,
                    boolean synthetic) {
    }

    static final List<DemoFile> FILES = List.of(
            new DemoFile("demo/note-2024-11-06.csv", "note-2024-11-06",
                    new Names("Талдамалық жазба, 06.11.2024", "Аналитическая записка, 06.11.2024",
                            "Analytical note, 06.11.2024"),
                    "Қасымов Ж. (Жетісу облысы)",
                    "Nasimova G. et al. (2022), Reasons for and factors in educational migration from Kazakhstan, "
                            + "Central Asia and the Caucasus 20(3), as cited in the analytical note of 06.11.2024",
                    false),
            new DemoFile("demo/synthetic-emigration-2010-2024.csv", "synthetic-emigration",
                    new Names("Эмиграция 2010–2024 (синтетикалық)", "Эмиграция 2010–2024 (синтетические данные)",
                            "Emigration 2010–2024 (synthetic)"),
                    "Agyn",
                    "kz.agyn.demo.warehouse.SyntheticSeries, seed 20241106", true),
            new DemoFile("demo/synthetic-population-2010-2024.csv", "synthetic-population",
                    new Names("Халық саны 2010–2024 (синтетикалық)", "Население 2010–2024 (синтетические данные)",
                            "Population 2010–2024 (synthetic)"),
                    "Agyn",
                    "kz.agyn.demo.warehouse.SyntheticSeries, seed 20241106", true),
            new DemoFile("demo/synthetic-occupations-2024.csv", "synthetic-occupations",
                    new Names("Кәсіптер бойынша эмиграция мен жалақы, 2024 (синтетикалық)",
                            "Эмиграция и заработная плата по занятиям, 2024 (синтетические данные)",
                            "Emigration and pay by occupation, 2024 (synthetic)"),
                    "Agyn",
                    "kz.agyn.demo.warehouse.SyntheticOccupations, seed 20241106", true),
            new DemoFile("demo/synthetic-research-2015-2024.csv", "synthetic-research",
                    new Names("Ғылымға бюджеттік қаржы және ғылыми қызметкерлердің жалақысы, 2015–2024 (синтетикалық)",
                            "Бюджетное финансирование науки и зарплата научных работников, 2015–2024 "
                                    + "(синтетические данные)",
                            "Public funding of research and researchers' pay, 2015–2024 (synthetic)"),
                    "Agyn",
                    "kz.agyn.demo.warehouse.SyntheticResearch, seed 20241106", true));

    private final Warehouse warehouse;
    private final ImportService imports;
    private final boolean enabled;

    WarehouseDemoData(Warehouse warehouse, ImportService imports, @Value("${agyn.demo.enabled:true}") boolean enabled) {
        this.warehouse = warehouse;
        this.imports = imports;
        this.enabled = enabled;
    }

    private static String sha256(ClassPathResource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(in.readAllBytes()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        for (DemoFile f : FILES) {
            ClassPathResource resource = new ClassPathResource(f.resource());
            if (!resource.exists()) {
                continue;
            }
            if (warehouse.dataset(f.dataset()).isEmpty()) {
                warehouse.createDataset(f.dataset(), f.title(), f.publisher(), f.citation(), null,
                        f.synthetic() ? "CC0" : null, f.synthetic());
            }
            try (InputStream in = resource.getInputStream()) {
                if (warehouse.holdsFile(f.dataset(), sha256(resource))) {
                    continue;
                }
                ImportReport report = imports.upload(f.dataset(), resource.getFilename(), in, "csv",
                        ImportMapping.empty(), "system", Locale.ENGLISH);
                if (report.existingVersion() != null) {
                    continue;
                }
                if (!report.acceptable()) {
                    log.error("Demonstration file {} does not validate: {}", f.resource(), report.problems().stream()
                            .limit(5).map(p -> "row " + p.row() + ": " + p.message()).toList());
                    continue;
                }
                imports.accept(report.id(), "system", Locale.ENGLISH);
                log.info("Loaded demonstration data {} ({} observations)", f.dataset(), report.rows());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
