package kz.agyn.registry.keys;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditLog;
import kz.agyn.jobs.JobFilter;
import kz.agyn.jobs.JobKind;
import kz.agyn.jobs.JobOutcome;
import kz.agyn.jobs.JobState;
import kz.agyn.jobs.JobView;
import kz.agyn.jobs.Jobs;
import kz.agyn.kernel.Iin;
import kz.agyn.registry.Access;
import kz.agyn.registry.RegistryAudit;
import kz.agyn.registry.RegistryException;
import kz.agyn.registry.internal.EncryptedText;
import kz.agyn.registry.internal.RegistryRepository;
import kz.agyn.registry.internal.RegistryRows;
import kz.agyn.registry.keys.internal.RekeyRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The re-key job that must follow a rotation of the registry's key (see {@link RegistryKeys}): every scholar's
 * row holding a value under another key than the current one is decrypted, encrypted again under the current
 * key, and its IIN and name hashes and name search keys are computed again, so that search by IIN and name goes on finding it once
 * the retired key is dropped; then every row of free text ({@link EncryptedText}: employers, reasons, notes)
 * under another key is encrypted again. Pseudonyms are kept as they are (docs/decisions/0010).
 *
 * <p>Rows go in batches of a few hundred, each in its own transaction, so a crash or a cancel loses at most the
 * batch under way and leaves every row under either key, readable while the retired key is loaded. Rows already
 * under the current key are not selected, so running the job again resumes where it stopped and, once done,
 * changes nothing. One job at a time.
 *
 * <p>The job's record ({@link Jobs}) is the one place where a re-key's progress, state and cancel live: rows looked
 * at are its done of total, the rows re-keyed, unreadable and duplicate are counts of its handle while it runs and
 * the arguments of its outcome once it ended ({@link #OUTCOME_ARGS}), so a re-key run by the command line is seen by
 * the page, and the last one is still told after a restart.
 */
@Service
public class RegistryRekeyJobs {

    /** Hears each committed batch on the job's thread; for tests that must stop a job at a known point. */
    public interface Listener {
        void committed(UUID id, long done);
    }

    static final int BATCH = 250;
    private static final Logger log = LoggerFactory.getLogger(RegistryRekeyJobs.class);
    /** The job's parameter naming the key it re-keys to; also what tells a re-key's record from other jobs'. */
    private static final String TO_KEY = "toKey";
    private static final String REKEYED = "rekeyed";
    private static final String UNREADABLE = "unreadable";
    private static final String DUPLICATES = "duplicates";
    private static final String DONE_OUTCOME = "jobs.outcome.rekeyed";
    private static final String STOPPED_OUTCOME = "jobs.outcome.rekeyStopped";
    /**
     * Both outcomes carry the counts in this order (re-keyed, key, unreadable, duplicates), so the status of an
     * ended job is read back from its record; their messages use the first ones only.
     */
    static final List<String> OUTCOME_ARGS = List.of(REKEYED, TO_KEY, UNREADABLE, DUPLICATES);
    private static final String PAGE = "/admin/registry-keys";

    private final RekeyRepository repository;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final TaskExecutor executor;
    private final Jobs jobRecords;
    private final RegistryKeys configured;
    private final RegistryRepository registry;
    private volatile Keys keys;
    private volatile int batchSize = BATCH;
    private volatile Listener listener = (id, done) -> { };

    public RegistryRekeyJobs(RekeyRepository repository, TransactionTemplate transactions, AuditLog audit,
                             @Qualifier("applicationTaskExecutor") TaskExecutor executor, RegistryKeys keys,
                             Jobs jobRecords, RegistryRepository registry) {
        this.jobRecords = jobRecords;
        this.registry = registry;
        this.repository = repository;
        this.transactions = transactions;
        this.audit = audit;
        this.executor = executor;
        this.configured = keys;
        this.keys = new Keys(keys);
    }

    /** The keys one job works with, fixed when it starts. */
    private record Keys(RegistryKeys keys, PersonalDataCipher cipher, BlindIndex index, byte[] currentId) {
        Keys(RegistryKeys keys) {
            this(keys, new PersonalDataCipher(keys), new BlindIndex(keys),
                    HexFormat.of().parseHex(keys.currentKeyId()));
        }
    }

    /** One running job: its record's handle, its keys and who started it. */
    private record Run(Jobs.Handle handle, Keys keys, String by) {
        UUID id() {
            return handle.id();
        }

        long count(String name) {
            return handle.count(name);
        }
    }

    /**
     * The keys and what is left under retired ones, job or no job: a retired key may be dropped once
     * {@link RegistryKeyState#rowsUnderOtherKeys()} is 0.
     */
    public RegistryKeyState state() {
        Keys k = keys;
        Map<String, Long> byKey = repository.staleByKeyId(k.currentId());
        return new RegistryKeyState(k.keys().currentKeyId(), k.keys().keyIds(), repository.countStale(k.currentId()),
                byKey, status().orElse(null));
    }

    /** Starts a job in the background; refused while another one runs. */
    public RegistryRekeyStatus start(Access access, String by) {
        Run run = enter(access, by);
        // The job's audit row names who started it; the pool's thread has no request, so the caller's security
        // context goes with the task.
        try {
            executor.execute(DelegatingSecurityContextRunnable.create(() -> work(run), null));
        } catch (RuntimeException e) {
            try (Jobs.Handle h = run.handle()) {
                h.failed(JobOutcome.of("jobs.outcome.error", e.getClass().getSimpleName()));
            }
            throw e;
        }
        return find(run.id()).orElseThrow();
    }

    /** Runs a job on the caller's thread, cancellable from another like any other; its final status. */
    public RegistryRekeyStatus run(Access access, String by) {
        Run run = enter(access, by);
        work(run);
        return find(run.id()).orElseThrow();
    }

    /** The running or last job, if any. */
    public Optional<RegistryRekeyStatus> status() {
        return last().map(this::status);
    }

    /**
     * Asks the running job to stop after the batch under way; the batches before it stay committed. Empty when
     * no job has run.
     */
    public Optional<RegistryRekeyStatus> cancel() {
        Optional<JobView> job = last();
        if (job.isEmpty()) {
            return Optional.empty();
        }
        UUID id = job.get().id();
        if (job.get().state() == JobState.RUNNING && !job.get().cancelRequested() && jobRecords.cancel(id)) {
            log.info("Registry re-key {} asked to stop", id);
        }
        return find(id);
    }

    /** Waits at most {@code max} for the job {@code id} to end; its status then, finished or not. */
    public Optional<RegistryRekeyStatus> await(UUID id, Duration max) throws InterruptedException {
        // The record is the one place the job ends; it is polled, briefly, as the command line and tests wait.
        long until = System.nanoTime() + max.toNanos();
        while (true) {
            Optional<RegistryRekeyStatus> s = find(id);
            if (s.isEmpty() || s.get().finished() || System.nanoTime() >= until) {
                return s;
            }
            Thread.sleep(Math.max(1, Math.min(20, (until - System.nanoTime()) / 1_000_000)));
        }
    }

    /** For tests: who hears each committed batch; null for nobody. */
    public void listener(Listener l) {
        listener = l == null ? (id, done) -> { } : l;
    }

    /**
     * For tests, which share one application and its one key: the keys the next jobs use (a rotation simulated
     * by the context's key with an old one retired) and their batch size; null keys and 0 restore the defaults.
     */
    public void forTests(RegistryKeys rotated, int batch) {
        keys = new Keys(rotated == null ? configured : rotated);
        batchSize = batch <= 0 ? BATCH : batch;
    }

    private Optional<RegistryRekeyStatus> find(UUID id) {
        return jobRecords.find(id).filter(RegistryRekeyJobs::isRekey).map(this::status);
    }

    /** The running re-key if any, else the newest; records of other work of the same kind are passed over. */
    private Optional<JobView> last() {
        return jobRecords.list(new JobFilter(JobKind.REGISTRY_REKEY, null, null, 20)).stream()
                .filter(RegistryRekeyJobs::isRekey).findFirst();
    }

    private static boolean isRekey(JobView job) {
        return job.kind() == JobKind.REGISTRY_REKEY && job.parameters().containsKey(TO_KEY);
    }

    private RegistryRekeyStatus status(JobView job) {
        RegistryRekeyState state = switch (job.state()) {
            case RUNNING -> RegistryRekeyState.RUNNING;
            case SUCCEEDED -> RegistryRekeyState.DONE;
            case CANCELLED -> RegistryRekeyState.CANCELLED;
            case FAILED -> RegistryRekeyState.FAILED;
        };
        long[] counts = new long[3];
        Optional<Jobs.Handle> live = jobRecords.live(job.id());
        if (job.state() == JobState.RUNNING && live.isPresent()) {
            counts[0] = live.get().count(REKEYED);
            counts[1] = live.get().count(UNREADABLE);
            counts[2] = live.get().count(DUPLICATES);
        } else if ((DONE_OUTCOME.equals(job.outcome()) || STOPPED_OUTCOME.equals(job.outcome()))
                && job.outcomeArgs().size() == OUTCOME_ARGS.size()) {
            counts[0] = number(job.outcomeArgs().get(OUTCOME_ARGS.indexOf(REKEYED)));
            counts[1] = number(job.outcomeArgs().get(OUTCOME_ARGS.indexOf(UNREADABLE)));
            counts[2] = number(job.outcomeArgs().get(OUTCOME_ARGS.indexOf(DUPLICATES)));
        }
        // Otherwise (a job whose process died, or one another process runs) only its rows looked at are known.
        boolean over = state != RegistryRekeyState.RUNNING;
        long total = job.total() == null ? 0 : job.total();
        int percent = over ? 100 : total == 0 ? -1 : (int) Math.min(100, job.done() * 100 / total);
        return new RegistryRekeyStatus(job.id(), state, job.startedBy(), job.parameters().get(TO_KEY), job.done(),
                total, percent, counts[0], counts[1], counts[2], over, job.cancelRequested(), job.startedAt(),
                job.endedAt());
    }

    private static long number(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Opens the job's record, refused while another re-key runs. Checked and opened under this object's lock, so
     * two requests of this process cannot both pass the check; the record, unlike the lock, is seen by the web
     * application and a command line alike.
     */
    private Run enter(Access access, String by) {
        if (!access.mayEdit()) {
            throw new RegistryException(RegistryException.Kind.NOT_FOUND, "registry.access.denied");
        }
        Objects.requireNonNull(by, "by");
        Keys k = keys;
        synchronized (this) {
            if (last().filter(j -> j.state() == JobState.RUNNING).isPresent()) {
                throw RegistryException.conflict("registry.rekey.running");
            }
            return new Run(jobRecords.start(JobKind.REGISTRY_REKEY, by, Map.of(TO_KEY, k.keys().currentKeyId())), k,
                    by);
        }
    }

    /** Does the job and ends its record, which then holds its counts; closes its handle. */
    private void work(Run run) {
        try (Jobs.Handle handle = run.handle()) {
            RegistryRekeyState ended = rekeyAll(run);
            List<Object> counts = List.of(run.count(REKEYED), run.keys().keys().currentKeyId(),
                    run.count(UNREADABLE), run.count(DUPLICATES));
            switch (ended) {
                case CANCELLED -> handle.cancelled(
                        JobOutcome.of(STOPPED_OUTCOME, counts.toArray()).linkedTo(PAGE));
                case FAILED -> handle.failed(JobOutcome.of(DONE_OUTCOME, counts.toArray()).linkedTo(PAGE));
                case RUNNING, DONE -> handle.succeeded(JobOutcome.of(DONE_OUTCOME, counts.toArray()).linkedTo(PAGE));
            }
        } catch (RuntimeException e) {
            // The job record could not be ended (the database went away): it stays RUNNING until it is seen with
            // its lock free, and is then FAILED, as Jobs marks every abandoned job.
            log.warn("Registry re-key {}: its job record failed: {}", run.id(), e.getClass().getName());
        }
    }

    private RegistryRekeyState rekeyAll(Run job) {
        Jobs.Handle handle = job.handle();
        Map<String, Long> from = Map.of();
        RegistryRekeyState outcome = RegistryRekeyState.DONE;
        long total = 0;
        try {
            from = repository.staleByKeyId(job.keys().currentId());
            total = repository.countStale(job.keys().currentId());
            handle.phase("REKEYING", total);
            // The scholars first (their hashes decide what search finds), then each table of free text.
            List<String> tables = new ArrayList<>();
            tables.add(null);
            tables.addAll(EncryptedText.byTable().keySet());
            phases:
            for (String table : tables) {
                long after = 0;
                while (true) {
                    if (handle.cancelRequested()) {
                        outcome = RegistryRekeyState.CANCELLED;
                        break phases;
                    }
                    long position = after;
                    Long next = transactions.execute(tx -> table == null ? batch(job, position)
                            : textBatch(job, table, position));
                    if (next == null) {
                        break;
                    }
                    after = next;
                    listener.committed(job.id(), handle.doneSoFar());
                }
            }
        } catch (RuntimeException e) {
            // The batch under way was rolled back; the ones before stay. Logged by type and place only: a
            // database error can quote the row it failed on.
            log.error("Registry re-key {} failed after {} rows: {} at {}", job.id(), handle.doneSoFar(),
                    e.getClass().getName(), e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
            outcome = RegistryRekeyState.FAILED;
        }
        long rekeyed = job.count(REKEYED);
        long unreadable = job.count(UNREADABLE);
        long duplicates = job.count(DUPLICATES);
        String toKey = job.keys().keys().currentKeyId();
        log.info("Registry re-key {} by {}: {}, {} of {} rows re-keyed to key {} ({} unreadable, {} "
                + "duplicate IINs)", job.id(), job.by(), outcome, rekeyed, total, toKey, unreadable, duplicates);
        audit.record(AuditAction.REKEY, RegistryAudit.SCHOLAR, null, (int) rekeyed,
                "by " + job.by() + ", " + outcome + ": " + rekeyed + " of " + total
                        + " rows to key " + toKey + " from " + List.copyOf(from.keySet())
                        + (unreadable > 0 ? ", unreadable " + unreadable : "")
                        + (duplicates > 0 ? ", duplicate IINs " + duplicates : ""));
        return outcome;
    }

    /** One batch after row {@code after}, in the caller's transaction; the last id looked at, or null if none. */
    private Long batch(Run job, long after) {
        List<RegistryRows.Scholar> rows = repository.staleAfter(job.keys().currentId(), after, batchSize);
        if (rows.isEmpty()) {
            return null;
        }
        for (RegistryRows.Scholar s : rows) {
            rekey(job, s);
            job.handle().advance(1);
        }
        return rows.get(rows.size() - 1).id();
    }

    /** One batch of a table of free text after row {@code after}; the last id looked at, or null if none. */
    private Long textBatch(Run job, String table, long after) {
        List<RekeyRepository.TextRow> rows = repository.staleTextAfter(table, job.keys().currentId(), after,
                batchSize);
        if (rows.isEmpty()) {
            return null;
        }
        List<EncryptedText> columns = EncryptedText.byTable().get(table);
        PersonalDataCipher cipher = job.keys().cipher();
        for (RekeyRepository.TextRow row : rows) {
            job.handle().advance(1);
            byte[][] fresh = new byte[columns.size()][];
            try {
                for (int i = 0; i < fresh.length; i++) {
                    byte[] v = row.values()[i];
                    fresh[i] = v == null ? null : cipher.encrypt(columns.get(i).field(),
                            cipher.decrypt(columns.get(i).field(), v));
                }
            } catch (PersonalDataException | IllegalArgumentException e) {
                job.handle().advanceCount(UNREADABLE, 1);
                continue;
            }
            repository.rewriteText(table, new RekeyRepository.TextRow(row.id(), fresh));
            job.handle().advanceCount(REKEYED, 1);
        }
        return rows.get(rows.size() - 1).id();
    }

    private void rekey(Run job, RegistryRows.Scholar s) {
        PersonalDataCipher cipher = job.keys().cipher();
        BlindIndex index = job.keys().index();
        String iin;
        String last;
        String first;
        String nameRu;
        String nameLatin;
        RegistryRows.Scholar fresh;
        byte[] iinHash;
        try {
            iin = dec(cipher, "iin", s.iin());
            last = dec(cipher, "last_name", s.lastName());
            first = dec(cipher, "first_name", s.firstName());
            nameRu = dec(cipher, "name_ru", s.nameRu());
            nameLatin = dec(cipher, "name_latin", s.nameLatin());
            iinHash = iin == null ? null : index.iin(Iin.parse(iin));
            fresh = new RegistryRows.Scholar(s.id(), enc(cipher, "iin", iin), enc(cipher, "last_name", last),
                    enc(cipher, "first_name", first), reenc(cipher, "patronymic", s.patronymic()),
                    enc(cipher, "name_ru", nameRu), enc(cipher, "name_latin", nameLatin),
                    reenc(cipher, "email", s.email()), reenc(cipher, "phone", s.phone()), s.pseudonym(),
                    s.birthYear(), s.sex(), s.synthetic(), s.anonymisedAt());
        } catch (PersonalDataException | IllegalArgumentException e) {
            // A key not loaded, or a damaged value: the row stays as it is, still counted under its old key.
            job.handle().advanceCount(UNREADABLE, 1);
            return;
        }
        if (iinHash != null && repository.iinHashTakenByOther(iinHash, s.id())) {
            // The same IIN recorded twice, once under each key; an officer must merge them, not this job.
            job.handle().advanceCount(DUPLICATES, 1);
            return;
        }
        repository.rewrite(fresh, iinHash, index.name(last), index.name(first));
        // The search keys are hashes under the key too; an anonymised row has none to make.
        if (last != null) {
            registry.writeNameKeys(s.id(), index.nameKeys(last, first, nameRu, nameLatin),
                    BlindIndex.NAME_KEYS_VERSION);
        }
        job.handle().advanceCount(REKEYED, 1);
    }

    private static String dec(PersonalDataCipher cipher, String field, byte[] value) {
        return value == null ? null : cipher.decrypt("scholar." + field, value);
    }

    private static byte[] enc(PersonalDataCipher cipher, String field, String value) {
        return value == null ? null : cipher.encrypt("scholar." + field, value);
    }

    private static byte[] reenc(PersonalDataCipher cipher, String field, byte[] value) {
        return enc(cipher, field, dec(cipher, field, value));
    }
}
