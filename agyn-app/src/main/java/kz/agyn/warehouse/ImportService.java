package kz.agyn.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javax.sql.DataSource;

import kz.agyn.jobs.JobKind;
import kz.agyn.jobs.JobOutcome;
import kz.agyn.jobs.JobState;
import kz.agyn.jobs.JobView;
import kz.agyn.jobs.Jobs;
import kz.agyn.platform.database.JobLocks;
import kz.agyn.platform.problems.Problem;
import kz.agyn.platform.problems.ProblemCollector;
import kz.agyn.platform.problems.ProblemMessages;
import kz.agyn.platform.problems.ShownProblem;
import kz.agyn.platform.upload.Upload;
import kz.agyn.platform.upload.UploadTooLargeException;
import kz.agyn.platform.upload.Uploads;
import kz.agyn.reference.ReferenceData;
import kz.agyn.tabular.CsvOptions;
import kz.agyn.tabular.Format;
import kz.agyn.tabular.Location;
import kz.agyn.tabular.Row;
import kz.agyn.tabular.SdmxStructure;
import kz.agyn.tabular.TableReader;
import kz.agyn.tabular.TableReaders;
import kz.agyn.tabular.TabularException;
import kz.agyn.tabular.XlsxOptions;
import kz.agyn.warehouse.internal.CodeBook;
import kz.agyn.warehouse.internal.ImportRecord;
import kz.agyn.warehouse.internal.ImportRepository;
import kz.agyn.warehouse.internal.Obs;
import kz.agyn.warehouse.internal.ObservationCopier;
import kz.agyn.warehouse.internal.RowMapper;
import kz.agyn.warehouse.internal.RowPrefetch;
import kz.agyn.warehouse.internal.StagedVersion;
import kz.agyn.warehouse.internal.StructureCodes;
import kz.agyn.warehouse.internal.WarehouseRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports in two steps. {@link #upload} stores the file and checks every row, writing no observation; the
 * user reads the report, fixes the mapping if needed ({@link #remap}), and {@link #accept}s a clean file,
 * which is then written as a new version of the dataset in one transaction. The same file accepted twice for
 * a dataset is recognised by its SHA-256 and changes nothing.
 */
@Service
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);
    private static final String LOCK = "warehouse-import";
    /**
     * The jobs of an import: its check and its write, each recorded with the import's id as its parameter
     * {@code import}. Their records are where the import's progress is read and its cancel is sent: the import keeps
     * no map of its own of the work running (issue 14).
     */
    private static final Set<JobKind> JOB_KINDS = Set.of(JobKind.WAREHOUSE_CHECK, JobKind.WAREHOUSE_WRITE);
    private static final String JOB_PARAMETER = "import";

    private final WarehouseRepository warehouse;
    private final ImportRepository imports;
    private final ReferenceData reference;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final ProblemMessages problemMessages;
    private final JsonMapper json;
    private final Path directory;
    private final long maxSize;
    private final Uploads uploads;
    private final Jobs jobs;
    private final JobLocks locks;

    public ImportService(WarehouseRepository warehouse, ImportRepository imports, ReferenceData reference,
                         DataSource dataSource, TransactionTemplate transactions, ProblemMessages problemMessages,
                         JsonMapper json, @Value("${agyn.imports.directory}") Path directory,
                         @Value("${agyn.imports.max-size:209715200}") long maxSize, Uploads uploads,
                         JobLocks locks, Jobs jobs) {
        this.locks = locks;
        this.jobs = jobs;
        this.warehouse = warehouse;
        this.imports = imports;
        this.reference = reference;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.problemMessages = problemMessages;
        this.json = json;
        this.directory = directory;
        this.maxSize = maxSize;
        this.uploads = uploads;
    }

    /** The largest file an import takes, in bytes ({@code agyn.imports.max-size}). */
    public long maxSize() {
        return maxSize;
    }

    /**
     * The report as stored: problems and notes untranslated ({@link Problem}), put into the reader's language when
     * the report is read. Reports stored by earlier versions have the same problem fields and read unchanged.
     * {@code notes}: what the reader should know although nothing is wrong (the sheet read, rows left out);
     * {@code leftOut}: rows the mapping's slice left out, by the column and code that put them outside it.
     */
    record StoredReport(List<String> columns, List<Problem> problems, String sheet, List<String> sheets,
                        List<Problem> notes, Map<String, Long> leftOut, String structure,
                        Map<String, Map<String, Map<String, String>>> codeNames) {
        StoredReport {
            // Reports stored before structures were read have neither.
            codeNames = codeNames == null ? Map.of() : codeNames;
            columns = columns == null ? List.of() : columns;
            problems = problems == null ? List.of() : problems;
            sheets = sheets == null ? List.of() : sheets;
            notes = notes == null ? List.of() : notes;
            // Reports stored before the slice existed have none.
            leftOut = leftOut == null ? Map.of() : leftOut;
        }
    }

    /** What reading a file found besides its observations; {@code leftOut} as in {@link StoredReport}. */
    private record Read(List<String> columns, String sheet, long aggregateRows, List<String> aggregates,
                        Map<String, Long> leftOut, Map<Dimension, String> mapped, List<RowMapper.Note> notes,
                        Map<String, Map<String, Map<String, String>>> codeNames) {
        static final Read NOTHING = new Read(List.of(), null, 0, List.of(), Map.of(), Map.of(), List.of(), Map.of());

        Read(List<String> columns, String sheet) {
            this(columns, sheet, 0, List.of(), Map.of(), Map.of(), List.of(), Map.of());
        }
    }

    /**
     * Stores the file and checks it completely. Writes no observation.
     *
     * @throws UploadTooLargeException when the stream holds more than {@link #maxSize()}; nothing is kept then
     */
    public ImportReport upload(String dataset, String fileName, InputStream content, String format,
                               ImportMapping mapping, String user, Locale locale) {
        try (Upload file = uploads.receive(content, fileName, maxSize)) {
            return upload(dataset, file, format, mapping, user, locale);
        }
    }

    /** As {@link #upload(String, String, InputStream, String, ImportMapping, String, Locale)}, from a received file. */
    public ImportReport upload(String dataset, Upload file, String format, ImportMapping mapping, String user,
                               Locale locale) {
        return upload(dataset, file, null, format, mapping, user, locale);
    }

    /**
     * As above, with the dataflow's SDMX structure message beside the data ({@code structure} null for none): its code
     * lists name the codes in the report and read areas and units (docs/formats/sdmx.md).
     */
    public ImportReport upload(String dataset, Upload file, Upload structure, String format, ImportMapping mapping,
                               String user, Locale locale) {
        UUID id = store(dataset, file, structure, format, mapping, user);
        validate(id);
        return report(id, locale);
    }

    /** As {@link #upload}, but checking in the background; follow it with {@link #progress}. */
    public UUID uploadAsync(String dataset, String fileName, InputStream content, String format,
                            ImportMapping mapping, String user) {
        try (Upload file = uploads.receive(content, fileName, maxSize)) {
            return uploadAsync(dataset, file, format, mapping, user);
        }
    }

    /** As {@link #uploadAsync(String, String, InputStream, String, ImportMapping, String)}, from a received file. */
    public UUID uploadAsync(String dataset, Upload file, String format, ImportMapping mapping, String user) {
        return uploadAsync(dataset, file, null, format, mapping, user);
    }

    /** As above, with the dataflow's structure message beside the data (null for none). */
    public UUID uploadAsync(String dataset, Upload file, Upload structure, String format, ImportMapping mapping,
                            String user) {
        UUID id = store(dataset, file, structure, format, mapping, user);
        ImportRecord record = record(id);
        // The job is recorded before the id is returned: a follower asking at once finds the check running.
        jobs.submit(JobKind.WAREHOUSE_CHECK, user, parameters(record), handle -> {
            validate(record, handle);
            return null;
        });
        return id;
    }

    /** Checks the stored file again with a corrected mapping (or dataset). */
    public ImportReport remap(UUID id, String dataset, ImportMapping mapping, Locale locale) {
        ImportRecord record = record(id);
        if (record.status() == ImportStatus.ACCEPTED || record.status() == ImportStatus.ACCEPTING) {
            throw new ImportException("warehouse.import.alreadyAccepted");
        }
        imports.validated(id, ImportStatus.VALIDATING, 0, 0, null, toJson(mapping),
                dataset == null || dataset.isBlank() ? record.dataset() : dataset.trim());
        validate(id);
        return report(id, locale);
    }

    /** Writes a clean import as a new version of its dataset, in one transaction. */
    public ImportReport accept(UUID id, String user, Locale locale) {
        ImportRecord record = current(id);
        OptionalInt datasetId = toWrite(record);
        if (datasetId.isPresent()) {
            try (Jobs.Handle handle = jobs.start(JobKind.WAREHOUSE_WRITE, user, parameters(record))) {
                write(record, datasetId.getAsInt(), user, handle);
            }
        }
        return report(id, locale);
    }

    /**
     * Accepts in the background; follow with {@link #progress}. An import that cannot be accepted is refused at
     * once, before any work starts.
     */
    public void acceptAsync(UUID id, String user) {
        ImportRecord record = current(id);
        OptionalInt datasetId = toWrite(record);
        if (datasetId.isEmpty()) {
            return;
        }
        jobs.submit(JobKind.WAREHOUSE_WRITE, user, parameters(record), handle -> {
            try {
                write(record, datasetId.getAsInt(), user, handle);
            } catch (ImportException e) {
                log.info("Import {} not accepted: {}", id, e.code());
            }
            return null;
        });
    }

    /**
     * The dataset a checked import is to be written into; empty when there is nothing to write: it was accepted
     * already, or its file is a version of the dataset already, as which it is accepted here.
     */
    private OptionalInt toWrite(ImportRecord record) {
        if (record.status() == ImportStatus.ACCEPTED) {
            return OptionalInt.empty();
        }
        if (!acceptable(record)) {
            throw new ImportException("warehouse.import.notAcceptable", record.status());
        }
        int datasetId = warehouse.datasetId(record.dataset())
                .orElseThrow(() -> new ImportException("warehouse.import.unknownDataset", record.dataset()));
        Optional<Integer> existing = warehouse.versionWithFile(datasetId, record.sha256());
        if (existing.isPresent() && warehouse.withdrawn(warehouse.versionId(datasetId, existing.get()))) {
            // Its version was withdrawn by an administrator (decision 0033): accepting it again would answer
            // "already stored" about data nobody reads.
            throw new kz.agyn.kernel.UserException(kz.agyn.kernel.UserException.Kind.CONFLICT,
                    "warehouse.import.fileWithdrawn", record.dataset(), existing.get());
        }
        if (existing.isPresent()) {
            imports.accepted(record.id(), warehouse.versionId(datasetId, existing.get()));
            discard(record.id());
            return OptionalInt.empty();
        }
        return OptionalInt.of(datasetId);
    }

    /**
     * Writes the import under its job. A write that does not happen leaves the import VALID, and only then ends the
     * job: a follower that sees the job over reads the import's final status.
     */
    private void write(ImportRecord record, int datasetId, String user, Jobs.Handle handle) {
        UUID id = record.id();
        try {
            // Held while ACCEPTING: if this process dies, the lock goes and the next start marks the import
            // INTERRUPTED (and its job FAILED, by the job's own lock).
            try (JobLocks.Held held = locks.hold(LOCK, id)) {
                handle.phase("WRITING", record.size());
                imports.status(id, ImportStatus.ACCEPTING);
                // The rows, the new version and the ACCEPTED status commit together: a crash at any point leaves
                // either all of them or none (and the status ACCEPTING, which the next start turns into
                // INTERRUPTED).
                int versionId = transactions.execute(status -> {
                    int v = copy(record, datasetId, user, handle);
                    imports.accepted(id, v);
                    return v;
                });
                deleteSpool(spool(id));
                // Other imports of the same file are superseded now: their staged rows go.
                purgeStaged();
                // versionId is the row of wh_version, not the dataset's version number.
                log.info("Import {} accepted as wh_version row {} of {} ({} rows)", id, versionId, record.dataset(),
                        handle.items());
                handle.succeeded(JobOutcome.of("jobs.outcome.importWritten", record.fileName(), record(id).version(),
                        record.dataset(), handle.items()).linkedTo("/warehouse/datasets/" + record.dataset()));
            }
        } catch (CancelledException e) {
            backToValid(id);
            handle.cancelled(null);
            throw new ImportException("warehouse.import.cancelled");
        } catch (ImportException e) {
            backToValid(id);
            handle.failed(JobOutcome.of("jobs.outcome.importRefused", record.fileName(), e.code())
                    .linkedTo("/warehouse/imports/" + id));
            throw e;
        } catch (RuntimeException e) {
            // The handle, closed without an outcome, ends the job FAILED.
            backToValid(id);
            throw e;
        }
    }

    /** After a write that did not happen; if even this fails (the database is gone), the import is INTERRUPTED later. */
    private void backToValid(UUID id) {
        try {
            imports.status(id, ImportStatus.VALID);
        } catch (RuntimeException e) {
            log.warn("Import {} could not be set back to VALID: {}", id, e.getMessage());
        }
    }

    public ImportReport report(UUID id, Locale locale) {
        ImportRecord r = current(id);
        StoredReport stored = r.reportJson() == null
                ? new StoredReport(List.of(), List.of(), null, null, null, null, null, null)
                : json.readValue(r.reportJson(), StoredReport.class);
        List<ShownProblem> problems = problemMessages.shown(stored.problems(), locale);
        List<ShownProblem> notes = problemMessages.shown(stored.notes(), locale);
        Integer existing = warehouse.datasetId(r.dataset())
                .flatMap(d -> warehouse.versionWithFile(d, r.sha256())).orElse(null);
        return new ImportReport(r.id(), r.dataset(), r.fileName(), r.format(), r.status(),
                r.rows() == null ? 0 : r.rows(), r.problemCount() == null ? 0 : r.problemCount(), problems,
                stored.columns(), mapping(r), existing, r.version(), r.createdAt(), stored.sheet(), stored.sheets(),
                notes, stored.leftOut(), stored.structure(), named(stored.codeNames(), locale));
    }

    /** Code names in the reader's language: Kazakh, Russian or English as the agency gives them, else English. */
    private static Map<String, Map<String, String>> named(Map<String, Map<String, Map<String, String>>> names,
                                                         Locale locale) {
        Map<String, Map<String, String>> out = new java.util.LinkedHashMap<>();
        names.forEach((column, codes) -> {
            Map<String, String> m = new java.util.LinkedHashMap<>();
            codes.forEach((code, byLang) -> m.put(code, kz.agyn.tabular.SdmxStructure.name(byLang, locale)));
            out.put(column, m);
        });
        return out;
    }

    public List<ImportReport> recent(int limit, Locale locale) {
        return imports.recent(limit).stream().map(r -> report(r.id(), locale)).toList();
    }

    /**
     * How far the import's check or write has come, from its job's record (and, while this process runs it, the
     * rows its handle counts); once no job runs, the import's record: its status as the phase, its counts, done.
     */
    public Optional<ImportProgress> progress(UUID id) {
        // The job first: work that ends between the two reads then shows as ended, with its final status.
        Optional<JobView> job = job(id);
        return imports.find(id).map(found -> {
            JobView j = job.orElse(null);
            if (j != null && j.state() == JobState.RUNNING) {
                long rows = jobs.live(j.id()).map(Jobs.Handle::items).orElse(0L);
                return new ImportProgress(id, phase(j.kind()), j.done(), j.total() == null ? found.size() : j.total(),
                        rows, false, j.cancelRequested());
            }
            ImportRecord r = current(found);
            if (r.status().workedOn()) {
                // Recorded a moment ago, its job not yet begun.
                return new ImportProgress(id, phase(r.status() == ImportStatus.ACCEPTING ? JobKind.WAREHOUSE_WRITE
                        : JobKind.WAREHOUSE_CHECK), 0, r.size(), 0, false, false);
            }
            return new ImportProgress(id, r.status().name(), r.size(), r.size(), r.rows() == null ? 0 : r.rows(), true,
                    r.status() == ImportStatus.CANCELLED || j != null && j.state() == JobState.CANCELLED);
        });
    }

    /** The phase of an import's progress as its pages and the command line name it ({@code imports.phase.*}). */
    private static String phase(JobKind kind) {
        return kind == JobKind.WAREHOUSE_WRITE ? "WRITING" : "VALIDATING";
    }

    /** The import's running job, or else its last one. */
    private Optional<JobView> job(UUID id) {
        return jobs.latest(JOB_PARAMETER, id.toString(), JOB_KINDS);
    }

    /** Asks a running validation or write to stop, wherever it runs; a write is rolled back whole. */
    public boolean cancel(UUID id) {
        return job(id).filter(j -> j.state() == JobState.RUNNING).map(j -> jobs.cancel(j.id())).orElse(false);
    }

    /**
     * Throws away a checked import that was not accepted, at the analyst's word: it becomes CANCELLED and its
     * staged rows are dropped at once (a VALID import otherwise keeps them until it is accepted or superseded).
     * Refused, saying why, for an import in any other state.
     */
    public ImportReport discardChecked(UUID id, String user, Locale locale) {
        ImportRecord record = current(id);
        if (!imports.discardChecked(id)) {
            ImportStatus now = current(id).status();
            // The state in the reader's words (the message source resolves it), not the enum's name.
            throw new kz.agyn.kernel.UserException(kz.agyn.kernel.UserException.Kind.CONFLICT,
                    "warehouse.import.notDiscardable", record.fileName(),
                    new org.springframework.context.support.DefaultMessageSourceResolvable(
                            new String[] {"imports.status." + now}, now.name()));
        }
        discard(id);
        log.info("Import {} of {} discarded by {} before it was accepted", id, record.dataset(), user);
        return report(id, locale);
    }

    /**
     * At start-up: imports left VALIDATING or ACCEPTING by a process that died become INTERRUPTED. Nothing of them
     * was written (the write is one transaction); one interrupted while writing can be accepted again, one
     * interrupted while being checked is checked again. An import another process is running is left alone.
     */
    @EventListener(ApplicationStartedEvent.class)
    public void markInterrupted() {
        int n = 0;
        for (UUID id : imports.inStatus(ImportStatus.WORKED_ON)) {
            if (interruptIfAbandoned(id)) {
                n++;
            }
        }
        if (n > 0) {
            log.warn("{} import(s) were interrupted when Agyn last stopped; they are marked INTERRUPTED, nothing of "
                    + "them was written", n);
        }
        purgeStaged();
    }

    /**
     * Drops the staged rows of every import that can no longer be accepted (decision 0050), so that the tables of
     * imports refused, failed, interrupted while checked or superseded do not pile up. Runs at start-up and after
     * each accept (which is what supersedes other imports of the same file); returns how many it dropped.
     */
    public int purgeStaged() {
        int n = 0;
        try {
            for (UUID id : imports.unattachable()) {
                discard(id);
                n++;
            }
        } catch (RuntimeException e) {
            // A purge that fails is tried again at the next accept or start; nothing depends on it.
            log.warn("Staged rows of unaccepted imports could not be purged: {}", e.getMessage());
        }
        if (n > 0) {
            log.info("Dropped the staged rows of {} import(s) that can no longer be accepted", n);
        }
        return n;
    }

    private boolean interruptIfAbandoned(UUID id) {
        if (!locks.abandoned(LOCK, id)) {
            return false;
        }
        boolean wasChecking = imports.interrupted(id);
        if (wasChecking) {
            discard(id);
        }
        log.info("Import {} marked INTERRUPTED ({})", id, wasChecking ? "while being checked" : "while being written");
        return true;
    }

    /**
     * The import's record; one that says VALIDATING or ACCEPTING although no process works on it (its process died,
     * or the database restarted under it) is marked INTERRUPTED first, so that a page never shows it running.
     */
    private ImportRecord current(UUID id) {
        return current(record(id));
    }

    /**
     * As {@link #current(UUID)}. An import whose job runs is left alone although its lock may not be held yet (the
     * job is recorded first, the lock taken when the work begins).
     */
    private ImportRecord current(ImportRecord r) {
        if (r.status().workedOn() && job(r.id()).filter(j -> j.state() == JobState.RUNNING).isEmpty()
                && interruptIfAbandoned(r.id())) {
            return record(r.id());
        }
        return r;
    }

    private static boolean acceptable(ImportRecord r) {
        return r.status() == ImportStatus.VALID || (r.status() == ImportStatus.INTERRUPTED && r.rows() != null
                && r.problemCount() != null && r.problemCount() == 0);
    }

    // --- the work ---------------------------------------------------------------------------------------------

    /**
     * What identifies what an import loads, and so the version it becomes: its file's SHA-256, or, with a structure
     * message beside it, the SHA-256 of the two digests. The structure decides which column holds the country, which
     * rows are groups left out and how a unit is read, so the same file with another structure is another version
     * (it was taken for the version already holding the file); the same file with the same structure is not.
     */
    public static String digest(String fileSha256, String structureSha256) {
        if (structureSha256 == null) {
            return fileSha256;
        }
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest((fileSha256 + "\n" + structureSha256).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps a received file in the imports folder, where it waits for the user's decision, and records it. */
    private UUID store(String dataset, Upload upload, Upload structure, String format, ImportMapping mapping,
                       String user) {
        if (upload.size() > maxSize) {
            throw new UploadTooLargeException(upload.name(), maxSize);
        }
        String name = upload.name();
        // Checked before the file is kept, so that a bad format leaves nothing behind.
        Format given = format == null || format.isBlank() ? null : parseFormat(format);
        UUID id = UUID.randomUUID();
        Path file = directory.resolve(id + ".upload");
        upload.keepAs(file);
        if (structure != null) {
            if (structure.size() > maxSize) {
                throw new UploadTooLargeException(structure.name(), maxSize);
            }
            structure.keepAs(structureFile(id));
        }
        String fmt = given != null ? given.name() : sniff(file, name).name();
        imports.insert(id, dataset == null ? "" : dataset.trim(), name, fmt,
                digest(upload.sha256(), structure == null ? null : structure.sha256()), upload.size(),
                toJson(mapping == null ? ImportMapping.empty() : mapping), user);
        return id;
    }

    private void validate(UUID id) {
        ImportRecord record = record(id);
        try (Jobs.Handle handle = jobs.start(JobKind.WAREHOUSE_CHECK, record.createdBy(), parameters(record))) {
            validate(record, handle);
        }
    }

    /**
     * Checks the import under its job, and ends the job as the check ended: after the outcome is stored, so that a
     * follower that sees the job over reads the report next and finds it there (it read a report still "checking",
     * with no rows, when done came first).
     */
    private void validate(ImportRecord started, Jobs.Handle handle) {
        UUID id = started.id();
        try (JobLocks.Held held = locks.hold(LOCK, id)) {
            ImportStatus status = check(id, handle);
            ImportRecord r = record(id);
            switch (status) {
                case CANCELLED -> handle.cancelled(null);
                case FAILED -> handle.failed(JobOutcome.of("jobs.outcome.importFailed", r.fileName())
                        .linkedTo("/warehouse/imports/" + id));
                default -> handle.succeeded(JobOutcome.of("jobs.outcome.importChecked", r.fileName(),
                        r.rows() == null ? 0 : r.rows(), r.problemCount() == null ? 0 : r.problemCount())
                        .linkedTo("/warehouse/imports/" + id));
            }
        }
    }

    /** What the Jobs page shows of an import: which file, for which dataset, and the import it belongs to. */
    private static Map<String, String> parameters(ImportRecord r) {
        return Map.of(JOB_PARAMETER, r.id().toString(), "dataset", r.dataset(), "file", r.fileName(),
                "format", r.format());
    }

    private ImportStatus check(UUID id, Jobs.Handle handle) {
        ImportRecord record = record(id);
        handle.phase("READING", record.size());
        ImportMapping mapping = mapping(record);
        ProblemCollector sink = new ProblemCollector();
        Location fileLocation = new Location(record.fileName(), null, 0, 0);
        if (record.dataset().isBlank() || warehouse.datasetId(record.dataset()).isEmpty()) {
            sink.report(fileLocation, null, "warehouse.import.unknownDataset", record.dataset());
        }
        List<String> columns = List.of();
        Read read = Read.NOTHING;
        List<Problem> notes = new ArrayList<>();
        ImportMapping effective = mapping;
        AtomicLong rows = new AtomicLong();
        ImportStatus status;
        String structureId = null;
        long started = System.nanoTime();
        // What an earlier check of this import staged goes first: this check's rows replace it, or none remain.
        imports.unstage(id);
        deleteSpool(spool(id));
        try (StagedVersion staged = StagedVersion.begin(dataSource, id)) {
            CodeBook codes = codeBook();
            StructureCodes structure = structure(id, codes, sink);
            structureId = structure == null ? null : structure.structure().dsd().toString();
            // The checked rows go to the database while the rest of the file is read (decision 0050); after the
            // first problem no more are sent, and the staged table is dropped with the transaction.
            read = read(record, mapping, codes, structure, sink, obs -> {
                rows.incrementAndGet();
                if (sink.count() == 0) {
                    staged.add(obs);
                }
            }, handle);
            columns = read.columns();
            for (RowMapper.Note n : read.notes()) {
                notes.add(Problem.atRow(record.fileName(), read.sheet(), 0, null, n.code(), n.args()));
            }
            if (read.aggregateRows() > 0) {
                notes.add(Problem.atRow(record.fileName(), read.sheet(), 0, null, "warehouse.import.aggregatesSkipped",
                        read.aggregateRows(), String.join("; ", read.aggregates())));
            }
            if (sink.count() == 0 && rows.get() == 0) {
                sink.report(fileLocation, null, "warehouse.import.noRows");
            }
            status = sink.count() == 0 ? ImportStatus.VALID : ImportStatus.INVALID;
            if (status == ImportStatus.VALID) {
                long checked = System.nanoTime();
                staged.commit(rows.get());
                // The split bench/import-1m.sh prints: reading, checking and staging overlap; the indexes follow.
                log.info("Import {} staged {} rows as wh_version row {}: read, checked and sent in {} ms, indexed "
                        + "and committed in {} ms; {} rows sent out of the key's order", id, rows.get(),
                        staged.versionId(), (checked - started) / 1_000_000, (System.nanoTime() - checked) / 1_000_000,
                        staged.outOfOrder());
            }
            if (mapping.columns().isEmpty() && !columns.isEmpty()) {
                // Keep the columns found automatically, so the mapping form starts from them (as the mapper used
                // them: with a structure, an agency's REF_AREA holds the country).
                Map<Dimension, String> auto = new java.util.EnumMap<>(Dimension.class);
                (read.mapped().isEmpty() ? RowMapper.autoMap(columns) : read.mapped()).forEach((d, c) -> {
                    if (!mapping.constants().containsKey(d)) {
                        auto.put(d, c);
                    }
                });
                effective = mapping.withColumns(auto);
            }
        } catch (CancelledException e) {
            status = ImportStatus.CANCELLED;
        } catch (SQLException | RuntimeException e) {
            log.error("Import {} could not be checked", id, e);
            sink.report(fileLocation, null, "warehouse.import.failed");
            status = ImportStatus.FAILED;
        }
        List<String> sheets = sheets(record);
        if (sheets.size() > 1 && read.sheet() != null) {
            // A workbook's other sheets are named, so that a user whose data are elsewhere knows where to point.
            notes.add(0, Problem.atRow(record.fileName(), read.sheet(), 0, null, "warehouse.import.sheetRead",
                    read.sheet(), String.join("; ", sheets)));
        }
        imports.validated(id, status, rows.get(), (int) Math.min(sink.count(), Integer.MAX_VALUE),
                toJson(new StoredReport(columns, sink.listed(), read.sheet(), sheets, notes, read.leftOut(),
                        structureId, read.codeNames())),
                toJson(effective), record.dataset());
        if (status != ImportStatus.VALID) {
            // Whatever failed after the staged rows committed (the check's last steps) must not leave them behind.
            discard(id);
        }
        return status;
    }

    /** Copies the import's rows into a new version of its dataset, in the caller's transaction; the version's row. */
    private int copy(ImportRecord record, int datasetId, String user, Jobs.Handle job) {
        Optional<Integer> staged = imports.stagedVersion(record.id());
        if (staged.isPresent() && record.rows() != null) {
            return attach(record, staged.get(), datasetId, user, job);
        }
        int[] version = warehouse.insertVersion(datasetId, user, record.fileName(), record.sha256(),
                record.format(), record.rows() == null ? 0 : record.rows());
        // Checked before decision 0050: the rows go through wh_observation into the version's new partition.
        warehouse.partition(version[0]);
        // The code book is read before COPY starts: the connection can run nothing else until COPY ends.
        CodeBook codes = codeBook();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Path spool = spool(record.id());
        try (ObservationCopier copier = new ObservationCopier(connection, version[0])) {
            if (Files.isRegularFile(spool) && record.rows() != null) {
                job.total(Files.size(spool));
                try {
                    copier.addSpool(spool, job::done, job::cancelRequested);
                } catch (ObservationCopier.CancellationException e) {
                    throw new CancelledException();
                }
                job.items(copier.rows());
                if (copier.rows() != record.rows()) {
                    // The spool is not what validation counted: never write half a file.
                    throw new ImportException("warehouse.import.changed");
                }
            } else {
                // Checked before spools existed: parse the upload again.
                // Counted only: the problems were listed when the file was checked.
                ProblemCollector problems = new ProblemCollector(0);
                read(record, mapping(record), codes, structure(record.id(), codes, new ProblemCollector(0)),
                        problems, copier::add, job);
                if (!problems.isEmpty()) {
                    // The file was clean when checked; it cannot have changed on disk, but never write half a file.
                    throw new ImportException("warehouse.import.changed");
                }
            }
            copier.finish();
            return version[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into wh_observation failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Makes the rows the check staged the new version (decision 0050), in the caller's transaction: the version's
     * row with the id the rows carry, then the staged table becomes the version's partition of wh_observation.
     */
    private int attach(ImportRecord record, int versionId, int datasetId, String user, Jobs.Handle job) {
        long staged = imports.stagedRows(record.id()).orElse(-1L);
        if (staged != record.rows()) {
            // The staged rows are not what validation counted: never write half a file.
            throw new ImportException("warehouse.import.changed");
        }
        warehouse.insertVersion(versionId, datasetId, user, record.fileName(), record.sha256(), record.format(),
                record.rows());
        if (job.cancelRequested()) {
            throw new CancelledException();
        }
        int attached = imports.attachStaged(record.id());
        job.items(staged);
        job.done(record.size());
        return attached;
    }

    private CodeBook codeBook() {
        return new CodeBook(reference.regionHistory(), reference.occupations(), reference.countries(),
                warehouse.indicators());
    }

    /** The sheets of a stored workbook, in order; none for other formats or a workbook that does not open. */
    private List<String> sheets(ImportRecord record) {
        if (!Format.XLSX.name().equals(record.format())) {
            return List.of();
        }
        try {
            return TableReaders.sheets(directory.resolve(record.id() + ".upload"), record.fileName());
        } catch (TabularException e) {
            return List.of();
        }
    }

    /** The import's structure message, if one came with it; a structure that cannot be read is a problem. */
    private StructureCodes structure(UUID id, CodeBook codes, ProblemCollector problems) {
        Path file = structureFile(id);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new StructureCodes(SdmxStructure.read(in, STRUCTURE_NAME), codes);
        } catch (TabularException e) {
            problems.report(e.location(), null, e.code(), e.args());
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How a report names the structure message (the uploaded name is not kept). */
    private static final String STRUCTURE_NAME = "structure.xml";

    private Path structureFile(UUID id) {
        return directory.resolve(id + ".structure");
    }

    /** Reads the stored file through the mapping; returns the header. */
    private Read read(ImportRecord record, ImportMapping mapping, CodeBook codes, StructureCodes structure,
                      ProblemCollector problems, Consumer<Obs> out, Jobs.Handle job) {
        Path file = directory.resolve(record.id() + ".upload");
        Format format = Format.valueOf(record.format());
        try {
            // A CSV file is sniffed once: the same options open it and tell how to read its numbers.
            CsvOptions csv = format == Format.CSV ? csvOptions(file, mapping) : null;
            boolean decimalComma = csv != null ? csv.decimalComma() : Boolean.TRUE.equals(mapping.decimalComma());
            return read(record, mapping, codes, structure, problems, out, job, open(file, record.fileName(), format,
                    mapping, csv), decimalComma);
        } catch (TabularException e) {
            problems.report(e.location(), null, e.code(), e.args());
            return Read.NOTHING;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Read read(ImportRecord record, ImportMapping mapping, CodeBook codes, StructureCodes structure,
                      ProblemCollector problems, Consumer<Obs> out, Jobs.Handle job, TableReader opened,
                      boolean decimalComma)
            throws TabularException, IOException {
        try (TableReader reader = opened) {
            List<String> header = reader.columns();
            Location fileLocation = new Location(record.fileName(), reader.sheet(), 0, 0);
            Format format = Format.valueOf(record.format());
            Optional<RowMapper> mapper = RowMapper.create(header, mapping, codes, decimalComma,
                    format == Format.SDMX_ML || format == Format.SDMX_CSV, structure, fileLocation, problems);
            if (mapper.isEmpty()) {
                return new Read(header, reader.sheet());
            }
            Consumer<Obs> counted = obs -> {
                job.advanceItems(1);
                out.accept(obs);
            };
            try (RowPrefetch rows = new RowPrefetch(reader, job::done)) {
                List<Row> batch;
                while ((batch = rows.next()) != null) {
                    for (Row row : batch) {
                        mapper.get().map(row, counted, problems);
                    }
                    if (job.cancelRequested()) {
                        throw new CancelledException();
                    }
                }
            }
            job.done(record.size());
            return new Read(header, reader.sheet(), mapper.get().skippedAggregateRows(),
                    mapper.get().skippedAggregates(), mapper.get().leftOut(), mapper.get().columns(),
                    mapper.get().notes(), mapper.get().codeNames());
        }
    }

    /** The CSV dialect detected from the file, with what the user's mapping states taking precedence. */
    private static CsvOptions csvOptions(Path file, ImportMapping m) throws IOException {
        CsvOptions detected = detectCsv(file);
        return new CsvOptions(
                m.charset() != null ? java.nio.charset.Charset.forName(m.charset()) : detected.charset(),
                m.delimiter() != null ? m.delimiter() : detected.delimiter(),
                m.decimalComma() != null ? m.decimalComma() : detected.decimalComma(), true);
    }

    private TableReader open(Path file, String name, Format format, ImportMapping m, CsvOptions csv)
            throws TabularException, IOException {
        return switch (format) {
            case CSV -> TableReaders.csv(Files.newInputStream(file), name, csv);
            case XLSX -> TableReaders.xlsx(file, name, new XlsxOptions(m.sheet(),
                    orZero(m.headerFirstRow()), orZero(m.headerRowCount()), orZero(m.firstDataRow()),
                    orZero(m.lastDataRow())));
            case SDMX_CSV -> TableReaders.sdmxCsv(Files.newInputStream(file), name);
            case SDMX_ML -> TableReaders.open(file, name, Format.SDMX_ML);
        };
    }

    private static CsvOptions detectCsv(Path file) throws IOException {
        byte[] head = new byte[64 * 1024];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return CsvOptions.detect(java.util.Arrays.copyOf(head, n));
    }

    private static Format sniff(Path file, String name) {
        try (InputStream in = Files.newInputStream(file)) {
            return Format.sniff(in.readNBytes(4096), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A mapping as a user writes it (API, command line, template): every property optional. What cannot be read
     * is said precisely — bad JSON with its line, a field that does not exist with the list of those that do — in
     * the user's language; it was once all "not valid JSON", even for a mapping that only left out {@code wide}.
     */
    public ImportMapping parseMapping(String text) {
        if (text == null || text.isBlank()) {
            return ImportMapping.empty();
        }
        try {
            return json.readValue(text, ImportMapping.class);
        } catch (tools.jackson.core.exc.StreamReadException e) {
            var where = e.getLocation();
            throw new ImportException("warehouse.import.badMapping", reason("warehouse.import.badMapping.json",
                    where == null ? 0 : where.getLineNr(), where == null ? 0 : where.getColumnNr()));
        } catch (tools.jackson.databind.exc.InvalidFormatException e) {
            if (e.getTargetType() == Dimension.class) {
                throw new ImportException("warehouse.import.badMapping",
                        reason("warehouse.import.badMapping.field", String.valueOf(e.getValue())));
            }
            throw new ImportException("warehouse.import.badMapping", reason("warehouse.import.badMapping.value",
                    path(e)));
        } catch (tools.jackson.core.JacksonException e) {
            String message = String.valueOf(e.getOriginalMessage());
            java.util.regex.Matcher field = java.util.regex.Pattern.compile("not a mapping field: (.{0,60})")
                    .matcher(message);
            if (field.find()) {
                throw new ImportException("warehouse.import.badMapping",
                        reason("warehouse.import.badMapping.field", field.group(1).trim()));
            }
            throw new ImportException("warehouse.import.badMapping", reason("warehouse.import.badMapping.value",
                    path(e)));
        }
    }

    private static org.springframework.context.MessageSourceResolvable reason(String code, Object... args) {
        return new org.springframework.context.support.DefaultMessageSourceResolvable(new String[] {code}, args);
    }

    private static String path(tools.jackson.core.JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "mapping" : sb.toString();
    }

    /** csv, xlsx, sdmx-csv, sdmx-ml (as the API names them) or the enum names. */
    public static Format parseFormat(String format) {
        return switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "csv" -> Format.CSV;
            case "xlsx" -> Format.XLSX;
            case "sdmx-csv", "sdmx_csv" -> Format.SDMX_CSV;
            case "sdmx-ml", "sdmx_ml", "xml" -> Format.SDMX_ML;
            default -> throw new ImportException("warehouse.import.badFormat", format);
        };
    }

    private ImportRecord record(UUID id) {
        return imports.find(id).orElseThrow(() -> new ImportException("warehouse.import.notFound", id));
    }

    private ImportMapping mapping(ImportRecord r) {
        return json.readValue(r.mappingJson(), ImportMapping.class);
    }

    private String toJson(Object value) {
        return json.writeValueAsString(value);
    }

    private static int orZero(Integer i) {
        return i == null ? 0 : i;
    }

    /** The validated rows of an upload, ready for COPY. */
    private Path spool(UUID id) {
        return directory.resolve(id + ".copy");
    }

    /** Drops what an import's check left for its accept: its staged rows, or the spool of an older check. */
    private void discard(UUID id) {
        try {
            imports.unstage(id);
        } catch (RuntimeException e) {
            log.warn("The staged rows of import {} could not be dropped: {}", id, e.getMessage());
        }
        deleteSpool(spool(id));
    }

    private static void deleteSpool(Path spool) {
        try {
            ObservationCopier.Spool.delete(spool);
        } catch (IOException ignored) {
            // a stray spool in the imports folder is harmless
        }
    }

    private static final class CancelledException extends RuntimeException {
        CancelledException() {
            super("cancelled", null, false, false);
        }
    }

}
