package kz.agyn.warehouse;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import kz.agyn.kernel.UserException;
import kz.agyn.reference.Names;
import kz.agyn.warehouse.internal.WarehouseRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Reading the warehouse, and registering the datasets and indicators that imports fill. */
@Service
public class Warehouse {

    private final WarehouseRepository repository;

    public Warehouse(WarehouseRepository repository) {
        this.repository = repository;
    }

    public List<DatasetInfo> datasets() {
        return repository.datasets();
    }

    public Optional<DatasetInfo> dataset(String code) {
        return repository.dataset(code);
    }

    /** Whether a version of the dataset was imported from exactly this file. */
    public boolean holdsFile(String dataset, String sha256) {
        return repository.datasetId(dataset).flatMap(id -> repository.versionWithFile(id, sha256)).isPresent();
    }

    public List<Indicator> indicators() {
        return repository.indicators();
    }

    public Optional<Indicator> indicator(String code) {
        return indicators().stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public List<Observation> observations(ObservationQuery query) {
        check(query);
        return repository.observations(query);
    }

    public long count(ObservationQuery query) {
        check(query);
        return repository.count(query);
    }

    /** The codes that occur for a dimension of an indicator, to fill the explorer's filters. */
    public List<String> codes(String indicator, Dimension dimension) {
        return repository.codes(indicator, dimension);
    }

    /** The datasets and periods whose current versions hold the indicator, by dataset, latest period first. */
    public List<DatasetPeriod> periods(String indicator) {
        return repository.periods(indicator);
    }

    public DatasetInfo createDataset(String code, Names title, String publisher, String citation, String url,
                                     String licence, boolean synthetic) {
        String c = code == null ? "" : code.trim();
        if (!c.matches("[a-z0-9][a-z0-9._-]{1,59}")) {
            throw new ImportException("warehouse.dataset.badCode", c);
        }
        if (title == null || blank(title.kk()) || blank(title.ru()) || blank(title.en()) || blank(publisher)) {
            throw new ImportException("warehouse.dataset.incomplete");
        }
        try {
            repository.insertDataset(c, title, publisher.trim(), citation, url, licence, synthetic);
        } catch (DuplicateKeyException e) {
            throw new ImportException("warehouse.dataset.exists", c);
        }
        return repository.dataset(c).orElseThrow();
    }

    /** Defines an indicator, after {@link #checked} (the refusals name the field and what it takes). */
    public Indicator createIndicator(Indicator indicator) {
        Indicator i = checked(indicator);
        try {
            repository.insertIndicator(i);
        } catch (DuplicateKeyException e) {
            throw new ImportException("warehouse.indicator.exists", i.code());
        }
        return indicator(i.code()).orElseThrow();
    }

    /**
     * Changes an indicator's names, definition and source at any time; its unit, kind and period only while no
     * observation uses it, since stored values were checked and are read under them.
     */
    public Indicator updateIndicator(Indicator indicator) {
        Indicator i = checked(indicator);
        Indicator before = indicator(i.code())
                .orElseThrow(() -> new ImportException("warehouse.indicator.notFound", i.code()));
        boolean meaningChanged = !before.unit().equals(i.unit()) || before.kind() != i.kind()
                || !Objects.equals(before.per(), i.per());
        if (meaningChanged && repository.indicatorInUse(i.code())) {
            throw new UserException(UserException.Kind.CONFLICT, "warehouse.indicator.inUse", i.code());
        }
        repository.updateIndicator(i);
        return indicator(i.code()).orElseThrow();
    }

    /** The indicator tidied (codes upper case, blanks as none), or the first thing wrong with it. */
    private static Indicator checked(Indicator in) {
        String code = in.code() == null ? null : in.code().trim().toUpperCase(Locale.ROOT);
        if (code == null || !code.matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw new ImportException("warehouse.indicator.badCode", in.code() == null ? "" : in.code());
        }
        if (in.names() == null || blank(in.names().kk()) || blank(in.names().ru()) || blank(in.names().en())) {
            throw new ImportException("warehouse.indicator.incomplete");
        }
        String unit = blank(in.unit()) ? null : in.unit().trim().toUpperCase(Locale.ROOT);
        if (unit == null || !Indicator.UNITS.contains(unit)) {
            throw new ImportException("warehouse.indicator.badUnit", in.unit() == null ? "" : in.unit(),
                    String.join(", ", Indicator.UNITS));
        }
        String per = blank(in.per()) ? null : in.per().trim().toUpperCase(Locale.ROOT);
        if (per != null && !Indicator.PERIODS.contains(per)) {
            // "STOCK" here was the commonest mistake: it is a kind, not a period.
            throw IndicatorKind.parse(per).isPresent()
                    ? new ImportException("warehouse.indicator.kindAsPer", per)
                    : new ImportException("warehouse.indicator.badPer", in.per());
        }
        IndicatorKind kind = in.kind() == null ? IndicatorKind.infer(code, unit, per) : in.kind();
        if (per != null && !kind.takesPeriod()) {
            throw new ImportException("warehouse.indicator.noPeriod", kind.name(), per);
        }
        Names definition = in.definition() == null || (blank(in.definition().kk()) && blank(in.definition().ru())
                && blank(in.definition().en())) ? null : in.definition();
        return new Indicator(code, trimmed(in.names()), unit, per, definition, kind,
                blank(in.source()) ? null : in.source().trim());
    }

    private static Names trimmed(Names n) {
        return new Names(n.kk().trim(), n.ru().trim(), n.en().trim());
    }

    private static void check(ObservationQuery q) {
        for (String p : new String[] {q.periodFrom(), q.periodTo()}) {
            if (p != null) {
                try {
                    kz.agyn.kernel.Period.parse(p);
                } catch (IllegalArgumentException e) {
                    throw new ImportException("warehouse.query.badPeriod", p);
                }
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
