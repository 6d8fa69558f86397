package kz.agyn.warehouse.refresh;


import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditLog;
import kz.agyn.jobs.JobKind;
import kz.agyn.jobs.JobOutcome;
import kz.agyn.jobs.Jobs;
import kz.agyn.kernel.UserException;
import kz.agyn.platform.database.JobLocks;
import kz.agyn.platform.upload.Uploads;
import kz.agyn.reference.Country;
import kz.agyn.reference.ReferenceData;
import kz.agyn.warehouse.DatasetInfo;
import kz.agyn.warehouse.ImportException;
import kz.agyn.warehouse.ImportMapping;
import kz.agyn.warehouse.ImportOutcome;
import kz.agyn.warehouse.ImportReport;
import kz.agyn.warehouse.ImportService;
import kz.agyn.warehouse.ImportStatus;
import kz.agyn.warehouse.ImportTemplates;
import kz.agyn.warehouse.Warehouse;
import kz.agyn.warehouse.refresh.DatasetSource.LastRefresh;
import kz.agyn.warehouse.refresh.internal.SourceRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sets where a dataset is refreshed from, and refreshes it: the connector fetches the agency's message into a file,
 * and {@link ImportService} imports it exactly as it imports an uploaded file (upload, check every row, accept a clean
 * message as a new version), so the progress, the cancel and the report are the import's own. A message that holds
 * the current version's data is "nothing new" and imports nothing: byte for byte (the import's own test), or, for an
 * SDMX-ML message whose header says when it was prepared, by the digest of the message without its header.
 */
@Service
public class RefreshService {

    private static final Logger log = LoggerFactory.getLogger(RefreshService.class);
    /** SDMX periods as the standard's REST queries take them: 2024, 2024-Q1, 2024-S1, 2024-07, 2024-07-31, 2024-W05. */
    private static final Pattern SDMX_PERIOD = Pattern.compile("\\d{4}(-(Q[1-4]|S[12]|W\\d{2}|\\d{2}(-\\d{2})?))?");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private final SourceRepository sources;
    private final Agencies agencies;
    private final Warehouse warehouse;
    private final ImportService imports;
    private final ImportTemplates templates;
    private final Uploads uploads;
    private final ReferenceData reference;
    private final JsonMapper json;
    private final MessageSource messages;
    private final HttpFetch http;
    private final int worldBankPageSize;
    private final Jobs jobs;
    private final AuditLog audit;
    private final JobLocks locks;
    /** The advisory lock a refresh holds for its dataset (by a UUID of the dataset's code). */
    private static final String LOCK = "warehouse-refresh";

    public RefreshService(SourceRepository sources, Agencies agencies, Warehouse warehouse, ImportService imports,
                          ImportTemplates templates, Uploads uploads, ReferenceData reference, JsonMapper json,
                          MessageSource messages, Jobs jobs, AuditLog audit, JobLocks locks,
                          @Value("${agyn.refresh.connect-timeout:10s}") Duration connectTimeout,
                          @Value("${agyn.refresh.read-timeout:60s}") Duration readTimeout,
                          @Value("${agyn.refresh.world-bank-page-size:" + WorldBankConnector.PER_PAGE + "}")
                          int worldBankPageSize) {
        this.jobs = jobs;
        this.audit = audit;
        this.locks = locks;
        this.sources = sources;
        this.agencies = agencies;
        this.warehouse = warehouse;
        this.imports = imports;
        this.templates = templates;
        this.uploads = uploads;
        this.reference = reference;
        this.json = json;
        this.messages = messages;
        this.worldBankPageSize = worldBankPageSize;
        String version = RefreshService.class.getPackage().getImplementationVersion();
        this.http = new HttpFetch(connectTimeout, readTimeout,
                "Agyn/" + (version == null ? "dev" : version) + " (statistics refresh)");
    }

    /** The services known by name. */
    public List<Agency> agencies() {
        return agencies.all();
    }

    /** The connect and read timeouts, for the page's hint. */
    public Duration connectTimeout() {
        return http.connectTimeout();
    }

    public Duration readTimeout() {
        return http.readTimeout();
    }

    /** The dataset's source, if one is set; an unknown dataset is a 404. */
    public Optional<DatasetSource> source(String dataset) {
        datasetId(dataset);
        return sources.find(dataset).map(RefreshService::source);
    }

    /** The dataset's source, or the message that it has none (how to set one). */
    public DatasetSource require(String dataset) {
        return source(dataset).orElseThrow(() -> new ImportException("refresh.source.notFound", dataset));
    }

    /**
     * Checks and stores the dataset's source; the answer is the source as stored. What cannot be used is refused with
     * the field and what it takes, before anything is stored.
     */
    public DatasetSource save(String dataset, DatasetSource request, String user) {
        int id = datasetId(dataset);
        DatasetSource s = checked(dataset, request);
        Optional<DatasetSource> before = sources.find(dataset).map(RefreshService::source);
        sources.save(id, s.kind().name(), s.agency(), s.baseUrl(), s.flow(), s.key(), s.startPeriod(), s.endPeriod(),
                s.format() == null ? null : s.format().name(), s.template(), s.structure(), user);
        log.info("Source of {} set by {}: {} {} {}", dataset, user, s.kind(), s.agency(), s.flow());
        DatasetSource saved = require(dataset);
        // The address a refresh will fetch, and what it was: the next refresh imports whatever answers there.
        audit.record(AuditAction.SOURCE_SET, "dataset", (long) id, 1, dataset + ": " + describe(saved)
                + before.map(b -> " (was " + describe(b) + ")").orElse(" (new)"));
        return saved;
    }

    public void delete(String dataset) {
        int id = datasetId(dataset);
        Optional<DatasetSource> before = sources.find(dataset).map(RefreshService::source);
        if (!sources.delete(id)) {
            throw new ImportException("refresh.source.notFound", dataset);
        }
        audit.record(AuditAction.SOURCE_REMOVED, "dataset", (long) id, 1,
                dataset + ": " + before.map(this::describe).orElse(""));
    }

    /** A source in one line for the audit log: the connector and the address a refresh fetches. */
    private String describe(DatasetSource s) {
        String address;
        try {
            address = address(s);
        } catch (ImportException e) {
            address = s.flow();
        }
        return s.kind().name() + " " + address + (s.template() == null ? "" : " template=" + s.template())
                + (s.structure() ? " +structure" : "");
    }

    /** The address of the dataflow's structure a refresh fetches beside the data, or null when it fetches none. */
    public String structureAddress(DatasetSource s) {
        if (s.kind() != SourceKind.SDMX_REST || !s.structure()) {
            return null;
        }
        return SdmxRestConnector.structureUrl(s, agencies.find(s.agency()).orElse(null)).toString();
    }

    /** The address a refresh of this source fetches (the first page, for the World Bank). */
    public String address(DatasetSource s) {
        Agency agency = agencies.find(s.agency()).orElse(null);
        return (s.kind() == SourceKind.WORLD_BANK ? WorldBankConnector.url(s, agency, 1, worldBankPageSize)
                : SdmxRestConnector.url(s, agency)).toString();
    }

    private DatasetSource checked(String dataset, DatasetSource r) {
        if (r == null || r.kind() == null) {
            throw new ImportException("refresh.source.noKind");
        }
        String agencyId = blank(r.agency());
        Agency agency = null;
        if (agencyId != null) {
            agency = agencies.find(agencyId).orElseThrow(() -> new ImportException("refresh.source.unknownAgency",
                    agencyId, String.join(", ", agencies.of(r.kind()).stream().map(Agency::id).toList())));
            if (agency.kind() != r.kind()) {
                throw new ImportException("refresh.source.agencyKind", agency.id(), r.kind().name());
            }
        } else if (r.kind() == SourceKind.WORLD_BANK) {
            agency = agencies.find(Agencies.WORLD_BANK_API).orElseThrow();
        }
        String base = blank(r.baseUrl());
        if (base != null && !base.matches("(?i)https?://[^\\s/?#]+[^\\s]*")) {
            throw new ImportException("refresh.source.badUrl", base);
        }
        if (agency == null && base == null) {
            throw new ImportException("refresh.source.noAddress");
        }
        String start = blank(r.startPeriod());
        String end = blank(r.endPeriod());
        Pattern periods = r.kind() == SourceKind.WORLD_BANK ? YEAR : SDMX_PERIOD;
        for (String p : new String[] {start, end}) {
            if (p != null && !periods.matcher(p).matches()) {
                throw new ImportException(r.kind() == SourceKind.WORLD_BANK ? "refresh.source.badYear"
                        : "refresh.source.badPeriod", p);
            }
        }
        if (start != null && end != null && start.compareTo(end) > 0) {
            throw new ImportException("refresh.source.periodOrder", start, end);
        }
        String template = blank(r.template());
        if (template != null) {
            template = templates.get(template).name();
        }
        DatasetSource s = new DatasetSource(dataset, r.kind(), agency == null ? null : agency.id(), base,
                blank(r.flow()), blank(r.key()), start, end,
                r.kind() == SourceKind.SDMX_REST ? r.sdmxFormat() : null, template, null, null, null,
                r.kind() == SourceKind.SDMX_REST && r.structure());
        // Building the address checks the flow, key and countries with the connector's own rules.
        if (s.kind() == SourceKind.WORLD_BANK) {
            WorldBankConnector.url(s, agency, 1, worldBankPageSize);
        } else {
            SdmxRestConnector.url(s, agency);
        }
        return s;
    }

    /** Fetches the dataset's source into a file; the caller closes it. */
    public Message fetch(String dataset) {
        return fetch(require(dataset));
    }

    private Message fetch(DatasetSource s) {
        Agency agency = agencies.find(s.agency()).orElse(null);
        return s.kind() == SourceKind.WORLD_BANK
                ? WorldBankConnector.fetch(s, agency, http, uploads, imports.maxSize(),
                        new WorldBankJson(json, iso2ByIso3()), worldBankPageSize)
                : SdmxRestConnector.fetch(s, agency, http, uploads, imports.maxSize());
    }

    private Map<String, String> iso2ByIso3() {
        Map<String, String> m = new HashMap<>();
        for (Country c : reference.countries()) {
            if (c.iso3() != null && c.iso2() != null) {
                m.put(c.iso3().toUpperCase(Locale.ROOT), c.iso2());
            }
        }
        return m;
    }

    /**
     * A refresh begun: the message fetched and handed to the import, whose progress the caller follows
     * ({@link ImportService#progress}) and which it accepts as an upload is accepted; or nothing new, and no import.
     */
    public record Started(String dataset, UUID importId, boolean nothingNew, Integer currentVersion, String url,
                          List<String> leftOut) {
    }

    /**
     * Fetches and hands the message to the import, which checks it in the background; nothing is written until the
     * import is accepted. A message that holds the current version's data starts no import.
     */
    public Started start(String dataset, String user, Locale locale) {
        DatasetSource s = require(dataset);
        int id = datasetId(dataset);
        try (JobLocks.Held busy = notBusy(s); Message m = fetchRecorded(s, id, user)) {
            Integer current = warehouse.dataset(dataset).map(DatasetInfo::currentVersion).orElse(null);
            if (nothingNew(s, m, current)) {
                sources.refreshed(id, user, LastRefresh.Outcome.NOTHING_NEW.name(), null, null);
                return new Started(dataset, null, true, current, m.url(), leftOut(m, locale));
            }
            UUID importId = imports.uploadAsync(dataset, m.upload(), m.structure(), m.format(), mapping(s), user);
            sources.refreshed(id, user, LastRefresh.Outcome.IMPORTED.name(), importId, digest(m));
            return new Started(dataset, importId, false, current, m.url(), leftOut(m, locale));
        }
    }

    /**
     * Refreshes and waits: fetch, check, and (with {@code accept}) write a clean message as a new version, as the
     * import page's "Accept" does. For scripts and the API; the page and the command line show the import's progress
     * instead ({@link #start}).
     */
    public RefreshOutcome refresh(String dataset, String user, boolean accept, Locale locale) {
        DatasetSource s = require(dataset);
        int id = datasetId(dataset);
        try (JobLocks.Held busy = notBusy(s); Message m = fetchRecorded(s, id, user)) {
            List<String> leftOut = leftOut(m, locale);
            Integer current = warehouse.dataset(dataset).map(DatasetInfo::currentVersion).orElse(null);
            if (nothingNew(s, m, current)) {
                sources.refreshed(id, user, LastRefresh.Outcome.NOTHING_NEW.name(), null, null);
                return new RefreshOutcome(dataset, RefreshOutcome.Result.NOTHING_NEW, m.url(), null, current, current,
                        null, leftOut);
            }
            ImportReport report = imports.upload(dataset, m.upload(), m.structure(), m.format(), mapping(s), user,
                    locale);
            sources.refreshed(id, user, LastRefresh.Outcome.IMPORTED.name(), report.id(), digest(m));
            if (!report.acceptable()) {
                return new RefreshOutcome(dataset, report.status() == ImportStatus.CANCELLED
                        ? RefreshOutcome.Result.CANCELLED : RefreshOutcome.Result.INVALID, m.url(), report.id(),
                        null, current, report, leftOut);
            }
            if (!accept) {
                // Checked only: a message that is an earlier version's file is said so by the report
                // (existingVersion), and nothing is accepted.
                return new RefreshOutcome(dataset, RefreshOutcome.Result.CHECKED, m.url(), report.id(), null, current,
                        report, leftOut);
            }
            ImportReport accepted;
            try {
                accepted = imports.accept(report.id(), user, locale);
            } catch (ImportException e) {
                if ("warehouse.import.cancelled".equals(e.code())) {
                    return new RefreshOutcome(dataset, RefreshOutcome.Result.CANCELLED, m.url(), report.id(), null,
                            current, imports.report(report.id(), locale), leftOut);
                }
                throw e;
            }
            ImportOutcome o = warehouse.outcome(accepted).orElseThrow();
            RefreshOutcome.Result result = o.newVersion() ? RefreshOutcome.Result.NEW_VERSION
                    : o.current() ? RefreshOutcome.Result.NOTHING_NEW : RefreshOutcome.Result.EARLIER_VERSION;
            if (result == RefreshOutcome.Result.NOTHING_NEW) {
                sources.refreshed(id, user, LastRefresh.Outcome.NOTHING_NEW.name(), null, null);
            }
            return new RefreshOutcome(dataset, result, m.url(), accepted.id(), o.version(), o.currentVersion(),
                    accepted, leftOut);
        }
    }

    /**
     * The dataset's refresh lock, or a refusal when the dataset is being refreshed: its source being fetched (by this
     * process or another, the command line beside the web application: a PostgreSQL advisory lock), or the import
     * that the last refresh started still being checked or written. Two refreshes of one dataset would fetch twice,
     * race for "nothing new", and import the same message twice.
     */
    private JobLocks.Held notBusy(DatasetSource s) {
        JobLocks.Held held = locks.tryHold(LOCK, UUID.nameUUIDFromBytes(s.dataset().getBytes(
                java.nio.charset.StandardCharsets.UTF_8))).orElseThrow(() -> busy(s.dataset(), null));
        LastRefresh last = s.lastRefresh();
        if (last != null && last.importId() != null) {
            ImportStatus status;
            try {
                status = imports.report(last.importId(), Locale.ROOT).status();
            } catch (ImportException e) {
                status = null;
            }
            if (status != null && status.workedOn()) {
                held.close();
                throw busy(s.dataset(), last.importId());
            }
        }
        return held;
    }

    private static UserException busy(String dataset, UUID importId) {
        return importId == null ? new UserException(UserException.Kind.CONFLICT, "refresh.busy", dataset)
                : new UserException(UserException.Kind.CONFLICT, "refresh.busyImport", dataset,
                        "/warehouse/imports/" + importId);
    }

    /** Fetches; a failure of the source is recorded as the last refresh before it is thrown. */
    private Message fetchRecorded(DatasetSource s, int datasetId, String user) {
        // The fetch is a job of its own (the check and the write that follow are the import's jobs): the Jobs page
        // shows a refresh waiting on a slow agency, and how the source answered when it failed.
        try (Jobs.Handle job = jobs.start(JobKind.WAREHOUSE_REFRESH, user, Map.of("dataset", s.dataset(),
                "source", s.kind().name(), "agency", s.agency() == null ? "" : s.agency()))) {
            job.phase("FETCHING", null);
            String page = "/warehouse/datasets/" + s.dataset();
            try {
                Message m = fetch(s);
                job.done(m.upload().size());
                job.succeeded(JobOutcome.of("jobs.outcome.fetched", s.dataset(), m.upload().size(), m.url())
                        .linkedTo(page));
                return m;
            } catch (SourceException e) {
                sources.refreshed(datasetId, user, LastRefresh.Outcome.FAILED.name(), null, null);
                log.info("Refresh of {} failed: {} {}", s.dataset(), e.code(), e.url());
                // The source's own words, in the reader's language when the job is read.
                job.failed(new JobOutcome(e.code(), java.util.Arrays.stream(e.args()).map(String::valueOf).toList(),
                        page));
                throw e;
            }
        }
    }

    /**
     * The message holds the current version's data: the very file of the current version, or the same digest as the
     * message whose import became the current version (an SDMX-ML message differs only in its header).
     */
    private boolean nothingNew(DatasetSource s, Message m, Integer current) {
        if (current == null) {
            return false;
        }
        String structure = m.structure() == null ? null : m.structure().sha256();
        if (warehouse.versionWithFile(s.dataset(), ImportService.digest(m.upload().sha256(), structure))
                .filter(current::equals).isPresent()) {
            return true;
        }
        LastRefresh last = s.lastRefresh();
        String digest = sources.find(s.dataset()).map(SourceRepository.Stored::digest).orElse(null);
        if (last == null || last.importId() == null || digest == null || !digest.equals(digest(m))) {
            return false;
        }
        try {
            ImportReport r = imports.report(last.importId(), Locale.ROOT);
            return r.status() == ImportStatus.ACCEPTED && current.equals(r.version());
        } catch (ImportException e) {
            return false;
        }
    }

    /**
     * The digest a refresh keeps to tell a message it has imported already: the data's digest without the header, and
     * the structure message's with it, so that a dataflow whose structure changed (a code renamed, a unit list
     * revised) is imported again even when its data did not.
     */
    private static String digest(Message m) {
        return ImportService.digest(m.digest(), m.structure() == null ? null : m.structure().sha256());
    }

    /** What the connector left out, in the reader's language (World Bank years without a value, country groups). */
    public List<String> leftOut(Message m, Locale locale) {
        List<String> out = new ArrayList<>();
        if (m.withoutValue() > 0) {
            out.add(messages.getMessage("refresh.leftOut.noValue", new Object[] {m.withoutValue()}, locale));
        }
        if (m.aggregateRows() > 0) {
            List<String> names = m.aggregates();
            String listed = String.join("; ", names.size() > 10 ? names.subList(0, 10) : names)
                    + (names.size() > 10 ? "; …" : "");
            out.add(messages.getMessage("refresh.leftOut.aggregates", new Object[] {m.aggregateRows(), listed},
                    locale));
        }
        return out;
    }

    private ImportMapping mapping(DatasetSource s) {
        return s.template() == null ? ImportMapping.empty() : templates.get(s.template()).mapping();
    }

    private int datasetId(String dataset) {
        return sources.datasetId(dataset == null ? "" : dataset.trim())
                .orElseThrow(() -> new ImportException("warehouse.dataset.notFound", dataset));
    }

    private static DatasetSource source(SourceRepository.Stored r) {
        LastRefresh last = r.refreshedAt() == null ? null : new LastRefresh(r.refreshedAt(), r.refreshedBy(),
                r.outcome() == null ? null : LastRefresh.Outcome.valueOf(r.outcome()), r.importId());
        return new DatasetSource(r.dataset(), SourceKind.valueOf(r.kind()), r.agency(), r.baseUrl(), r.flow(), r.key(),
                r.startPeriod(), r.endPeriod(), r.format() == null ? null : SdmxFormat.valueOf(r.format()),
                r.template(), r.updatedBy(), r.updatedAt(), last, r.structure());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

}
