package kz.agyn.warehouse;

import java.util.List;
import java.util.Optional;

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

    public Indicator createIndicator(Indicator indicator) {
        if (indicator.code() == null || !indicator.code().matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw new ImportException("warehouse.indicator.badCode", indicator.code());
        }
        if (indicator.names() == null || blank(indicator.names().kk()) || blank(indicator.names().ru())
                || blank(indicator.names().en())) {
            throw new ImportException("warehouse.indicator.incomplete");
        }
        try {
            repository.insertIndicator(indicator);
        } catch (DuplicateKeyException e) {
            throw new ImportException("warehouse.indicator.exists", indicator.code());
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            throw new ImportException("warehouse.indicator.badUnit", indicator.unit());
        }
        return indicator(indicator.code()).orElseThrow();
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
