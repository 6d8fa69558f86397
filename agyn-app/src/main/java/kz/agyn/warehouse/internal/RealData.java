package kz.agyn.warehouse.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the official datasets shipped in {@code resources/realdata} (see its README: where each copy comes from,
 * which edition it is and how it was checked against its publisher) on start. They go through the same import
 * validation as a user's file, so a shipped figure can never bypass the rules that a typed one must pass. A file
 * already loaded is recognised by its hash and skipped, so restarts change nothing; a dataset whose file changed in
 * a later Agyn gets a new version, the earlier one staying readable. Each dataset records its publisher, edition (in
 * its title and citation), licence and link, and {@code synthetic = false}, which is what lets the metrics and the
 * cost model prefer it over the synthetic demonstration data. Switched off with {@code agyn.realdata.enabled=false}.
 */
@Component
// Part of starting the observatory; a command-line tool (no web server) neither needs it nor should wait for it.
@ConditionalOnWebApplication
// Before the demonstration data, so that a reader of the first start's log sees the real sources loaded first.
@Order(5)
class RealData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RealData.class);

    /** A shipped file and the dataset it fills, with everything a reader needs to cite it. */
    record RealFile(String resource, String dataset, Names title, String publisher, String citation, String url,
                    String licence) {
    }

    private static final String UN_DESA = "United Nations, Department of Economic and Social Affairs, Population "
            + "Division (UN DESA)";
    private static final String UN_DESA_URL =
            "https://www.un.org/development/desa/pd/content/international-migrant-stock";
    private static final String CC_BY_IGO = "CC BY 3.0 IGO";
    private static final String WORLD_BANK = "World Bank";
    private static final String WDI_URL = "https://databank.worldbank.org/source/world-development-indicators";
    private static final String CC_BY = "CC BY 4.0";
    static final List<RealFile> FILES = List.of(
            new RealFile("realdata/undesa-ims-2020-kazakhstan.csv", "undesa-ims-2020",
                    new Names("Халықаралық мигранттар саны, 2020 басылым (БҰҰ ЭӘМД): Қазақстан",
                            "Международная миграция, выпуск 2020 (ДЭСВ ООН): Казахстан",
                            "International Migrant Stock 2020 (UN DESA): Kazakhstan"),
                    UN_DESA,
                    "United Nations Department of Economic and Social Affairs, Population Division (2020). "
                            + "International Migrant Stock 2020 (POP/DB/MIG/Stock/Rev.2020), by destination, origin "
                            + "and sex, 1990–2020; slice: Kazakhstan as destination and as origin",
                    UN_DESA_URL, CC_BY_IGO),
            new RealFile("realdata/undesa-ims-2024-kazakhstan.csv", "undesa-ims-2024",
                    new Names("Халықаралық мигранттар саны, 2024 басылым (БҰҰ ЭӘМД): Қазақстан",
                            "Международная миграция, выпуск 2024 (ДЭСВ ООН): Казахстан",
                            "International Migrant Stock 2024 (UN DESA): Kazakhstan"),
                    UN_DESA,
                    "United Nations Department of Economic and Social Affairs, Population Division (2024). "
                            + "International Migrant Stock 2024, by destination, origin and sex, 1990–2024 "
                            + "(estimates as of January 2024); slice: Kazakhstan as destination and as origin",
                    UN_DESA_URL, CC_BY_IGO),
            new RealFile("realdata/wb-wdi-population.csv", "wb-wdi-population",
                    new Names("Халық саны, жыл ортасы (Дүниежүзілік банк WDI, SP.POP.TOTL)",
                            "Численность населения на середину года (Всемирный банк WDI, SP.POP.TOTL)",
                            "Population, mid-year (World Bank WDI, SP.POP.TOTL)"),
                    WORLD_BANK,
                    "World Bank, World Development Indicators, SP.POP.TOTL (Population, total), 1990–2024, as "
                            + "republished by datahub.io (github.com/datasets/population, March 2026)",
                    "https://data.worldbank.org/indicator/SP.POP.TOTL", CC_BY),
            new RealFile("realdata/wb-wdi-gdp.csv", "wb-wdi-gdp",
                    new Names("ЖІӨ, ағымдағы АҚШ доллары (Дүниежүзілік банк WDI, NY.GDP.MKTP.CD)",
                            "ВВП в текущих долларах США (Всемирный банк WDI, NY.GDP.MKTP.CD)",
                            "GDP, current US$ (World Bank WDI, NY.GDP.MKTP.CD)"),
                    WORLD_BANK,
                    "World Bank, World Development Indicators, NY.GDP.MKTP.CD (GDP, current US$), 1990–2024, as "
                            + "republished by datahub.io (github.com/datasets/gdp, March 2026)",
                    "https://data.worldbank.org/indicator/NY.GDP.MKTP.CD", CC_BY),
            new RealFile("realdata/wb-wdi-ppp.csv", "wb-wdi-ppp",
                    new Names("СҚП айырбастау коэффициенті, ЖІӨ (Дүниежүзілік банк WDI, 24.03.2025)",
                            "Коэффициент пересчёта по ППС, ВВП (Всемирный банк WDI, 24.03.2025)",
                            "PPP conversion factor, GDP (World Bank WDI, 2025-03-24)"),
                    WORLD_BANK,
                    "World Bank, World Development Indicators, PA.NUS.PPP (PPP conversion factor, GDP, LCU per "
                            + "international $), release of 2025-03-24",
                    "https://data.worldbank.org/indicator/PA.NUS.PPP", CC_BY),
            new RealFile("realdata/wb-wdi-gerd.csv", "wb-wdi-gerd",
                    new Names("ҒЗТКЖ шығыстары, ЖІӨ-ге % (Дүниежүзілік банк WDI, 13.07.2026)",
                            "Расходы на НИОКР, % ВВП (Всемирный банк WDI, 13.07.2026)",
                            "R&D expenditure, % of GDP (World Bank WDI, 2026-07-13)"),
                    WORLD_BANK,
                    "World Bank, World Development Indicators, GB.XPD.RSDV.GD.ZS (Research and development "
                            + "expenditure, % of GDP; from the UNESCO Institute for Statistics), release of 2026-07-13",
                    "https://data.worldbank.org/indicator/GB.XPD.RSDV.GD.ZS", CC_BY),
            new RealFile("realdata/wb-wdi-education-migration.csv", "wb-wdi-education-migration",
                    new Names("Жоғары білімге қамту және таза көші-қон (Дүниежүзілік банк WDI, 28.06.2024)",
                            "Охват высшим образованием и сальдо миграции (Всемирный банк WDI, 28.06.2024)",
                            "Tertiary enrolment and net migration (World Bank WDI, 2024-06-28)"),
                    WORLD_BANK,
                    "World Bank, World Development Indicators, SE.TER.ENRR (School enrollment, tertiary, % gross; "
                            + "from the UNESCO Institute for Statistics) and SM.POP.NETM (Net migration; from the UN "
                            + "World Population Prospects), release of 2024-06-28",
                    "https://data.worldbank.org/indicator/SE.TER.ENRR", CC_BY),
            new RealFile("realdata/uis-mobile-students-kazakhstan.csv", "uis-mobile-students",
                    new Names("Шетелдегі қазақстандық студенттер, баратын елі бойынша (ЮНЕСКО СИ), 1998–2019",
                            "Студенты из Казахстана за рубежом по странам обучения (ИС ЮНЕСКО), 1998–2019",
                            "Students from Kazakhstan abroad by country of study (UNESCO UIS), 1998–2019"),
                    "UNESCO Institute for Statistics (UIS)",
                    "UNESCO Institute for Statistics, Education: number and rates of international mobile students "
                            + "(inbound and outbound), students from Kazakhstan by country of destination, bulk data "
                            + "download (OPRI), as tidied by 360info (github.com/360-info/report-global-education, "
                            + "January 2023): each year's ten largest destinations",
                    "https://uis.unesco.org/", "CC BY-SA 3.0 IGO"),
            // Mirror statistics (issue 20): arrivals from Kazakhstan as the destinations record them (MIRROR_INFLOW).
            new RealFile("realdata/eurostat-immigration-2024-kazakhstan.csv", "eurostat-immigration-kazakhstan",
                    new Names("Еуропа елдері тіркеген Қазақстаннан келген иммигранттар (Eurostat, migr_imm5prv)",
                            "Иммигранты из Казахстана по данным европейских стран (Евростат, migr_imm5prv)",
                            "Immigrants from Kazakhstan recorded by European countries (Eurostat, migr_imm5prv)"),
                    "Eurostat",
                    "Eurostat, Immigration by age group, sex and country of previous residence (migr_imm5prv, "
                            + "doi:10.2908/MIGR_IMM5PRV), data of 2 July 2026; slice: previous residence Kazakhstan, "
                            + "all ages, both sexes, 2024, every reporting country with a published figure",
                    "https://ec.europa.eu/eurostat/databrowser/view/migr_imm5prv/default/table", CC_BY));

    private final Warehouse warehouse;
    private final ImportService imports;
    private final boolean enabled;

    RealData(Warehouse warehouse, ImportService imports, @Value("${agyn.realdata.enabled:true}") boolean enabled) {
        this.warehouse = warehouse;
        this.imports = imports;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        for (RealFile f : FILES) {
            load(f);
        }
    }

    private void load(RealFile f) {
        ClassPathResource resource = new ClassPathResource(f.resource());
        if (!resource.exists()) {
            log.error("Shipped dataset {} is missing from the build", f.resource());
            return;
        }
        if (warehouse.dataset(f.dataset()).isEmpty()) {
            warehouse.createDataset(f.dataset(), f.title(), f.publisher(), f.citation(), f.url(), f.licence(), false);
        }
        try (InputStream in = resource.getInputStream()) {
            if (warehouse.holdsFile(f.dataset(), sha256(resource))) {
                return;
            }
            ImportReport report = imports.upload(f.dataset(), resource.getFilename(), in, "csv",
                    ImportMapping.empty(), "system", Locale.ENGLISH);
            if (report.existingVersion() != null) {
                return;
            }
            if (!report.acceptable()) {
                // A shipped file that fails validation is a defect of the build, not of the user's data: say so
                // loudly and go on starting, so that the rest of the observatory stays usable.
                log.error("Shipped dataset {} does not validate: {}", f.resource(), report.problems().stream()
                        .limit(5).map(p -> "row " + p.row() + ": " + p.message()).toList());
                return;
            }
            imports.accept(report.id(), "system", Locale.ENGLISH);
            log.info("Loaded {} ({} observations) from {}", f.dataset(), report.rows(), f.publisher());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(ClassPathResource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
