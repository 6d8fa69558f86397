package kz.agyn.warehouse;

import java.util.Optional;
import java.util.UUID;

import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditLog;
import kz.agyn.kernel.UserException;
import kz.agyn.warehouse.internal.ImportRecord;
import kz.agyn.warehouse.internal.ImportRepository;
import kz.agyn.warehouse.internal.WarehouseRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Undoing what was accepted into the warehouse, by an administrator, without deleting anything (decision 0033):
 * withdrawing an accepted import and retiring (or reinstating) a dataset. Every act is audited with its reason.
 */
@Service
public class Withdrawals {

    private final WarehouseRepository warehouse;
    private final ImportRepository imports;
    private final AuditLog audit;

    public Withdrawals(WarehouseRepository warehouse, ImportRepository imports, AuditLog audit) {
        this.warehouse = warehouse;
        this.imports = imports;
        this.audit = audit;
    }

    /** What a withdrawal did: the version withdrawn and, if it was current, the version made current instead. */
    public record Outcome(String dataset, int withdrawnVersion, Integer newVersion, Integer restoredFrom) {
    }

    /**
     * What withdrawing a version would do, for the confirmation step: whether it is current and, if so, which
     * earlier version's observations (how many) the new current version would hold.
     */
    public record Plan(String dataset, int version, String fileName, long rows, boolean current,
                       Integer restoredFrom, long restoredRows) {
    }

    /** The plan for withdrawing an accepted import's version. */
    public Plan planImport(UUID importId) {
        ImportRecord record = imports.find(importId)
                .orElseThrow(() -> new ImportException("warehouse.import.notFound", String.valueOf(importId)));
        if (record.status() != ImportStatus.ACCEPTED || record.version() == null) {
            throw new UserException(UserException.Kind.CONFLICT, record.status() == ImportStatus.WITHDRAWN
                    ? "warehouse.withdraw.already" : "warehouse.withdraw.notAccepted", record.fileName(),
                    record.status().name());
        }
        return planVersion(record.dataset(), record.version());
    }

    /** The plan for withdrawing a version of a dataset. */
    public Plan planVersion(String dataset, int version) {
        int datasetId = datasetId(dataset);
        var versions = warehouse.versions(datasetId);
        DatasetVersion v = versions.stream().filter(x -> x.version() == version).findFirst()
                .orElseThrow(() -> new ImportException("warehouse.version.notFound", dataset, String.valueOf(version),
                        "—"));
        if (v.withdrawn() != null) {
            throw new UserException(UserException.Kind.CONFLICT, "warehouse.withdraw.versionAlready", dataset,
                    version);
        }
        Integer before = v.current() ? warehouse.versionBefore(datasetId, version).orElse(null) : null;
        long rows = before == null ? 0 : versions.stream().filter(x -> x.version() == before).findFirst()
                .map(DatasetVersion::rows).orElse(0L);
        return new Plan(dataset, version, v.fileName(), v.rows(), v.current(), before, rows);
    }

    /**
     * Withdraws an accepted import: its version, as {@link #withdrawVersion}; the import is marked WITHDRAWN with
     * who, when and why.
     */
    @Transactional
    public Outcome withdrawImport(UUID importId, String reason, String by) {
        ImportRecord record = imports.find(importId)
                .orElseThrow(() -> new ImportException("warehouse.import.notFound", String.valueOf(importId)));
        if (record.status() == ImportStatus.WITHDRAWN) {
            throw new UserException(UserException.Kind.CONFLICT, "warehouse.withdraw.already", record.fileName());
        }
        if (record.status() != ImportStatus.ACCEPTED || record.versionId() == null) {
            throw new UserException(UserException.Kind.CONFLICT, "warehouse.withdraw.notAccepted",
                    record.fileName(), record.status().name());
        }
        return withdraw(record.dataset(), record.version(), reason, by, "import " + importId + " ");
    }

    /**
     * Withdraws a version of a dataset. It is marked withdrawn (and never made current again), and so is every
     * accepted import that wrote it or was recognised as it; if it was the current version, a new version holding
     * the observations of the latest earlier version that is not withdrawn (none when there is none) becomes
     * current. The withdrawn version's rows stay, so what was current before can still be read with {@code asOf}.
     */
    @Transactional
    public Outcome withdrawVersion(String dataset, int version, String reason, String by) {
        return withdraw(dataset, version, reason, by, "");
    }

    private Outcome withdraw(String dataset, int version, String reason, String by, String what) {
        String why = kz.agyn.kernel.StatedReason.required(reason);
        int datasetId = datasetId(dataset);
        warehouse.lockDataset(datasetId);
        int versionId = warehouse.versionIdOf(datasetId, version)
                .orElseThrow(() -> new ImportException("warehouse.version.notFound", dataset, String.valueOf(version),
                        "—"));
        if (warehouse.withdrawn(versionId)) {
            throw new UserException(UserException.Kind.CONFLICT, "warehouse.withdraw.versionAlready", dataset,
                    version);
        }
        Integer newVersion = null;
        Integer restoredFrom = null;
        if (warehouse.isCurrent(versionId)) {
            restoredFrom = warehouse.versionBefore(datasetId, version).orElse(null);
            newVersion = warehouse.insertReplacement(datasetId,
                    restoredFrom == null ? null : warehouse.versionId(datasetId, restoredFrom), version, by)[1];
        }
        warehouse.markWithdrawn(versionId, by, why);
        imports.withdrawn(versionId, by, why);
        audit.record(AuditAction.IMPORT_WITHDRAWN, "dataset", (long) datasetId, 1, dataset + ": " + what
                + "version " + version + " withdrawn" + (newVersion == null ? " (it was not current)"
                : "; version " + newVersion + " made current" + (restoredFrom == null ? ", empty"
                : " with the observations of version " + restoredFrom)) + ". Reason: " + why);
        return new Outcome(dataset, version, newVersion, restoredFrom);
    }

    /** Who withdrew an import, when and why, if it was withdrawn. */
    public Optional<DatasetVersion.Withdrawal> withdrawal(UUID importId) {
        return imports.withdrawal(importId);
    }

    /** Retires a dataset: left out of the explorer's, the metrics' and the exports' defaults. Reversible. */
    @Transactional
    public void retire(String dataset, String reason, String by) {
        String why = kz.agyn.kernel.StatedReason.required(reason);
        int id = datasetId(dataset);
        if (!warehouse.retire(id, by, why)) {
            throw new UserException(UserException.Kind.CONFLICT, "warehouse.retire.already", dataset);
        }
        audit.record(AuditAction.DATASET_RETIRED, "dataset", (long) id, 1, dataset + " retired. Reason: " + why);
    }

    /** Takes a retired dataset back into the defaults. */
    @Transactional
    public void reinstate(String dataset) {
        int id = datasetId(dataset);
        if (!warehouse.retire(id, null, null)) {
            throw new UserException(UserException.Kind.CONFLICT, "warehouse.retire.notRetired", dataset);
        }
        audit.record(AuditAction.DATASET_REINSTATED, "dataset", (long) id, 1, dataset + " reinstated");
    }

    private int datasetId(String dataset) {
        return warehouse.datasetId(dataset == null ? "" : dataset)
                .orElseThrow(() -> new ImportException("warehouse.dataset.notFound", dataset));
    }
}
