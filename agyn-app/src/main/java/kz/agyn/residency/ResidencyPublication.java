package kz.agyn.residency;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import kz.agyn.kernel.UserException;
import kz.agyn.platform.problems.ShownProblem;
import kz.agyn.reference.Names;
import kz.agyn.residency.internal.ResidencyRepository;
import kz.agyn.warehouse.DatasetInfo;
import kz.agyn.warehouse.ImportMapping;
import kz.agyn.warehouse.ImportReport;
import kz.agyn.warehouse.ImportService;
import kz.agyn.warehouse.Warehouse;
import org.springframework.stereotype.Service;

/**
 * A finished run's estimate published as a warehouse dataset (issue 20: "results become a warehouse dataset,
 * estimated, with its method"), so that the explorer, metrics and notes read it like any other source: indicators
 * {@code EMIGRANTS_ESTIMATED} and {@code EMIGRANTS_HIDDEN} (V251) at the period's last month, for the country and by
 * region, age group, sex, education and occupation, each with status {@code E} (estimated).
 *
 * <p>Two datasets, one per kind of run, each publication a new version of it, so that "the published estimate" is
 * one thing an analyst chooses and can go back on (the warehouse's versions): {@value #REAL} for runs over uploaded
 * extracts, {@value #SYNTHETIC} (marked synthetic wherever it shows) for synthetic countries. The figures go in
 * through the warehouse's own import, with all of its checks. Publishing a run already published makes its version
 * current again.
 */
@Service
public class ResidencyPublication {

    /** The dataset of estimates over real (uploaded) register extracts. */
    public static final String REAL = "residency-estimate";
    /** The dataset of estimates over synthetic countries: demonstrations of the method. */
    public static final String SYNTHETIC = "residency-estimate-synthetic";

    private static final Map<String, String> AGE = Map.of("0-14", "Y_LT15", "15-24", "Y15T24", "25-34", "Y25T34",
            "35-44", "Y35T44", "45-54", "Y45T54", "55-64", "Y55T64", "65+", "Y_GE65");

    private final ResidencyRepository repository;
    private final Warehouse warehouse;
    private final ImportService imports;

    public ResidencyPublication(ResidencyRepository repository, Warehouse warehouse, ImportService imports) {
        this.repository = repository;
        this.warehouse = warehouse;
        this.imports = imports;
    }

    /** Where a run's estimate went: the dataset and its version. */
    public record Published(String dataset, int version) {
    }

    /** Why a run could not be published: not finished, or its figures refused by the warehouse's checks. */
    public static final class NotPublished extends RuntimeException {
        private final String code;
        private final List<ShownProblem> problems;

        NotPublished(String code, List<ShownProblem> problems) {
            super(code);
            this.code = code;
            this.problems = List.copyOf(problems);
        }

        public String code() {
            return code;
        }

        public List<ShownProblem> problems() {
            return problems;
        }
    }

    /**
     * Publishes a finished run's aggregates as the current version of its dataset.
     *
     * @throws NotPublished when the run has not finished, or the warehouse refuses its figures
     */
    public Published publish(UUID id, String user, Locale locale) {
        ResidencyRun run = repository.run(id).orElseThrow(() -> new NotPublished("residency.publish.noRun",
                List.of()));
        if (!run.finished()) {
            throw new NotPublished("residency.publish.notFinished", List.of());
        }
        boolean synthetic = run.source() == RunSource.SYNTHETIC;
        String dataset = synthetic ? SYNTHETIC : REAL;
        if (warehouse.dataset(dataset).isEmpty()) {
            warehouse.createDataset(dataset, synthetic
                            ? new Names("Жасырын эмиграцияны бағалау: синтетикалық ел (Agyn)",
                                    "Оценка скрытой эмиграции: синтетическая страна (Agyn)",
                                    "Hidden emigration estimate: synthetic country (Agyn)")
                            : new Names("Жасырын эмиграцияны бағалау: тіркелімдердегі тіршілік белгілері (Agyn)",
                                    "Оценка скрытой эмиграции по признакам жизни в регистрах (Agyn)",
                                    "Hidden emigration estimated from register signs of life (Agyn)"),
                    "Agyn", "Estimated by Agyn's residency index (docs/decisions/0044-residency-index.md): register "
                            + "signs of life weighted by a logistic calibration on persons of known status, with the "
                            + "UN 12-month rule from border crossings; each version is one run, named in its file",
                    null, synthetic ? "CC0 1.0 (synthetic data made by Agyn)"
                            : "Restricted: the register holders' terms of use",
                    synthetic);
        }
        YearMonth last = YearMonth.from(run.periodStart()).plusMonths(run.months() - 1L);
        String csv = csv(repository.cells(id), last);
        ImportReport report = imports.upload(dataset, "residency-run-" + id + ".csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "csv", ImportMapping.empty(), user,
                locale);
        int version;
        if (report.existingVersion() != null) {
            // Published before: that version becomes current again, unless it is already, or an administrator
            // withdrew it (its figures were judged wrong; the run is not published again over that judgement).
            version = report.existingVersion();
            Integer current = warehouse.dataset(dataset).map(DatasetInfo::currentVersion).orElse(null);
            if (current == null || current != version) {
                try {
                    warehouse.makeCurrent(dataset, version, user);
                } catch (UserException e) {
                    throw new NotPublished("residency.publish.withdrawn", List.of());
                }
            }
        } else if (!report.acceptable()) {
            throw new NotPublished("residency.publish.refused", report.problems());
        } else {
            version = imports.accept(report.id(), user, locale).version();
        }
        repository.published(id, dataset, version);
        return new Published(dataset, version);
    }

    /**
     * The run's aggregates as observations: the country, then each breakdown; cells of an unknown region, age or sex
     * are left out (the warehouse has no code for them; they are in the country's figure), unknown education and
     * occupation go in as {@code _U}.
     */
    static String csv(List<StoredCell> cells, YearMonth period) {
        StringBuilder s = new StringBuilder("indicator,period,region,occupation,education,country,sex,age,flow,value,"
                + "unit,status\n");
        for (StoredCell c : cells) {
            String region = "KZ";
            String occupation = "";
            String education = "";
            String sex = "";
            String age = "";
            boolean unknown = c.code().equals("?");
            switch (c.dimension()) {
                case "TOTAL":
                    break;
                case "REGION":
                    if (unknown) {
                        continue;
                    }
                    region = c.code() + "0000000";
                    break;
                case "AGE_GROUP":
                    if (unknown || !AGE.containsKey(c.code())) {
                        continue;
                    }
                    age = AGE.get(c.code());
                    break;
                case "SEX":
                    if (unknown) {
                        continue;
                    }
                    sex = c.code();
                    break;
                case "ISCED":
                    education = unknown ? "_U" : c.code();
                    break;
                case "ISCO":
                    occupation = unknown ? "_U" : c.code();
                    break;
                default:
                    continue;
            }
            String dims = "," + period + "," + region + "," + occupation + "," + education + ",," + sex + "," + age
                    + ",EMI,";
            s.append("EMIGRANTS_ESTIMATED").append(dims).append(c.emigrated()).append(",PERSONS,E\n");
            s.append("EMIGRANTS_HIDDEN").append(dims).append(c.hidden())
                    .append(",PERSONS,E\n");
        }
        return s.toString();
    }
}
