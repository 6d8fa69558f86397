package kz.agyn.registry.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditLog;
import kz.agyn.jobs.JobKind;
import kz.agyn.jobs.JobOutcome;
import kz.agyn.jobs.Jobs;
import kz.agyn.kernel.Iin;
import kz.agyn.registry.Access;
import kz.agyn.registry.RegistryAudit;
import kz.agyn.registry.RegistryException;
import kz.agyn.registry.internal.EncryptedText;
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
 * key, and its IIN and name hashes are computed again, so that search by IIN and name goes on finding it once
 * the retired key is dropped; then every row of free text ({@link EncryptedText}: employers, reasons, notes)
 * under another key is encrypted again. Pseudonyms are kept as they are (docs/decisions/0010).
 *
 * <p>Rows go in batches of a few hundred, each in its own transaction, so a crash or a cancel loses at most the
 * batch under way and leaves every row under either key, readable while the retired key is loaded. Rows already
 * under the current key are not selected, so running the job again resumes where it stopped and, once done,
 * changes nothing. One job at a time; like the import's, jobs live in memory only.
 */
@Service
public class RegistryRekeyJobs {

    /** Hears each committed batch on the job's thread; for tests that must stop a job at a known point. */
    public interface Listener {
        void committed(UUID id, long done);
    }

    static final int BATCH = 250;
    private static final Logger log = LoggerFactory.getLogger(RegistryRekeyJobs.class);

    private final RekeyRepository repository;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final TaskExecutor executor;
    private final Jobs jobRecords;
    private final RegistryKeys configured;
    private final AtomicReference<Job> last = new AtomicReference<>();
    private volatile Keys keys;
    private volatile int batchSize = BATCH;
    private volatile Listener listener = (id, done) -> { };

    public RegistryRekeyJobs(RekeyRepository repository, TransactionTemplate transactions, AuditLog audit,
                             @Qualifier("applicationTaskExecutor") TaskExecutor executor, RegistryKeys keys,
                             Jobs jobRecords) {
        this.jobRecords = jobRecords;
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

    private final class Job {
        final UUID id = UUID.randomUUID();
        final String by;
        final Keys keys;
        final Instant started = Instant.now();
        final AtomicBoolean cancel = new AtomicBoolean();
        final AtomicLong done = new AtomicLong();
        final AtomicLong rekeyed = new AtomicLong();
        final AtomicLong unreadable = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        final CountDownLatch finished = new CountDownLatch(1);
        volatile long total;
        volatile RegistryRekeyState status = RegistryRekeyState.RUNNING;
        volatile Instant ended;

        Job(String by, Keys keys) {
            this.by = by;
            this.keys = keys;
        }

        RegistryRekeyStatus status() {
            RegistryRekeyState s = status;
            boolean over = s != RegistryRekeyState.RUNNING;
            long t = total;
            int percent = over ? 100 : t == 0 ? -1 : (int) Math.min(100, done.get() * 100 / t);
            return new RegistryRekeyStatus(id, s, by, keys.keys().currentKeyId(), done.get(), t, percent,
                    rekeyed.get(), unreadable.get(), duplicates.get(), over, cancel.get(), started, ended);
        }
    }

    /**
     * The keys and what is left under retired ones, job or no job: a retired key may be dropped once
     * {@link RegistryKeyState#rowsUnderOtherKeys()} is 0.
     */
    public RegistryKeyState state() {
        Keys k = keys;
        Map<String, Long> byKey = repository.staleByKeyId(k.currentId());
        Job j = last.get();
        return new RegistryKeyState(k.keys().currentKeyId(), k.keys().keyIds(), repository.countStale(k.currentId()),
                byKey, j == null ? null : j.status());
    }

    /** Starts a job in the background; refused while another one runs. */
    public RegistryRekeyStatus start(Access access, String by) {
        Job job = enter(access, by);
        // The job's audit row names who started it; the pool's thread has no request, so the caller's security
        // context goes with the task.
        try {
            executor.execute(DelegatingSecurityContextRunnable.create(() -> work(job), null));
        } catch (RuntimeException e) {
            job.status = RegistryRekeyState.FAILED;
            job.ended = Instant.now();
            job.finished.countDown();
            throw e;
        }
        return job.status();
    }

    /** Runs a job on the caller's thread, cancellable from another like any other; its final status. */
    public RegistryRekeyStatus run(Access access, String by) {
        Job job = enter(access, by);
        work(job);
        return job.status();
    }

    /** The running or last job, if any. */
    public Optional<RegistryRekeyStatus> status() {
        return Optional.ofNullable(last.get()).map(Job::status);
    }

    /**
     * Asks the running job to stop after the batch under way; the batches before it stay committed. Empty when
     * no job has run.
     */
    public Optional<RegistryRekeyStatus> cancel() {
        Job job = last.get();
        if (job == null) {
            return Optional.empty();
        }
        if (job.ended == null && !job.cancel.getAndSet(true)) {
            log.info("Registry re-key {} asked to stop", job.id);
        }
        return Optional.of(job.status());
    }

    /** Waits at most {@code max} for the job {@code id} to end; its status then, finished or not. */
    public Optional<RegistryRekeyStatus> await(UUID id, Duration max) throws InterruptedException {
        Job job = last.get();
        if (job == null || !job.id.equals(id)) {
            return Optional.empty();
        }
        job.finished.await(max.toMillis(), TimeUnit.MILLISECONDS);
        return Optional.of(job.status());
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

    private Job enter(Access access, String by) {
        if (!access.mayEdit()) {
            throw new RegistryException(RegistryException.Kind.NOT_FOUND, "registry.access.denied");
        }
        Job job = new Job(Objects.requireNonNull(by, "by"), keys);
        Job before = last.get();
        while (true) {
            if (before != null && before.ended == null) {
                throw RegistryException.conflict("registry.rekey.running");
            }
            if (last.compareAndSet(before, job)) {
                return job;
            }
            before = last.get();
        }
    }

    private void work(Job job) {
        // The job's record, under the re-key's own id, so the Jobs page and this page speak of one job.
        try (Jobs.Handle handle = jobRecords.start(job.id, JobKind.REGISTRY_REKEY, job.by,
                Map.of("toKey", job.keys.keys().currentKeyId()))) {
            handle.onCancel(() -> job.cancel.set(true));
            rekeyAll(job, handle);
            RegistryRekeyStatus s = job.status();
            JobOutcome outcome = JobOutcome.of("jobs.outcome.rekeyed", s.rekeyed(), s.toKeyId(), s.unreadable())
                    .linkedTo("/admin/registry-keys");
            switch (s.status()) {
                case CANCELLED -> handle.cancelled(
                        JobOutcome.of("jobs.outcome.rekeyStopped", s.rekeyed()).linkedTo("/admin/registry-keys"));
                case FAILED -> handle.failed(outcome);
                case RUNNING, DONE -> handle.succeeded(outcome);
            }
        } catch (RuntimeException e) {
            // The job record could not be opened or closed (the database went away); the re-key's own status says
            // how it ended.
            log.warn("Registry re-key {}: its job record failed: {}", job.id, e.getClass().getName());
            if (job.ended == null) {
                job.status = RegistryRekeyState.FAILED;
                job.ended = Instant.now();
                job.finished.countDown();
            }
        }
    }

    private void rekeyAll(Job job, Jobs.Handle handle) {
        Map<String, Long> from = Map.of();
        try {
            from = repository.staleByKeyId(job.keys.currentId());
            job.total = repository.countStale(job.keys.currentId());
            handle.phase("REKEYING", job.total);
            handle.doneFrom(job.done::get);
            // The scholars first (their hashes decide what search finds), then each table of free text.
            List<String> tables = new ArrayList<>();
            tables.add(null);
            tables.addAll(EncryptedText.byTable().keySet());
            RegistryRekeyState outcome = RegistryRekeyState.DONE;
            phases:
            for (String table : tables) {
                long after = 0;
                while (true) {
                    if (job.cancel.get()) {
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
                    listener.committed(job.id, job.done.get());
                }
            }
            job.status = outcome;
        } catch (RuntimeException e) {
            // The batch under way was rolled back; the ones before stay. Logged by type and place only: a
            // database error can quote the row it failed on.
            log.error("Registry re-key {} failed after {} rows: {} at {}", job.id, job.done.get(),
                    e.getClass().getName(), e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
            job.status = RegistryRekeyState.FAILED;
        } finally {
            job.ended = Instant.now();
            try {
                RegistryRekeyStatus s = job.status();
                log.info("Registry re-key {} by {}: {}, {} of {} rows re-keyed to key {} ({} unreadable, {} "
                                + "duplicate IINs)", job.id, job.by, s.status(), s.rekeyed(), s.total(), s.toKeyId(),
                        s.unreadable(), s.duplicates());
                audit.record(AuditAction.REKEY, RegistryAudit.SCHOLAR, null, (int) s.rekeyed(),
                        "by " + job.by + ", " + s.status() + ": " + s.rekeyed() + " of " + s.total()
                                + " rows to key " + s.toKeyId() + " from " + List.copyOf(from.keySet())
                                + (s.unreadable() > 0 ? ", unreadable " + s.unreadable() : "")
                                + (s.duplicates() > 0 ? ", duplicate IINs " + s.duplicates() : ""));
            } finally {
                job.finished.countDown();
            }
        }
    }

    /** One batch after row {@code after}, in the caller's transaction; the last id looked at, or null if none. */
    private Long batch(Job job, long after) {
        List<RegistryRows.Scholar> rows = repository.staleAfter(job.keys.currentId(), after, batchSize);
        if (rows.isEmpty()) {
            return null;
        }
        for (RegistryRows.Scholar s : rows) {
            rekey(job, s);
            job.done.incrementAndGet();
        }
        return rows.get(rows.size() - 1).id();
    }

    /** One batch of a table of free text after row {@code after}; the last id looked at, or null if none. */
    private Long textBatch(Job job, String table, long after) {
        List<RekeyRepository.TextRow> rows = repository.staleTextAfter(table, job.keys.currentId(), after, batchSize);
        if (rows.isEmpty()) {
            return null;
        }
        List<EncryptedText> columns = EncryptedText.byTable().get(table);
        PersonalDataCipher cipher = job.keys.cipher();
        for (RekeyRepository.TextRow row : rows) {
            job.done.incrementAndGet();
            byte[][] fresh = new byte[columns.size()][];
            try {
                for (int i = 0; i < fresh.length; i++) {
                    byte[] v = row.values()[i];
                    fresh[i] = v == null ? null : cipher.encrypt(columns.get(i).field(),
                            cipher.decrypt(columns.get(i).field(), v));
                }
            } catch (PersonalDataException | IllegalArgumentException e) {
                job.unreadable.incrementAndGet();
                continue;
            }
            repository.rewriteText(table, new RekeyRepository.TextRow(row.id(), fresh));
            job.rekeyed.incrementAndGet();
        }
        return rows.get(rows.size() - 1).id();
    }

    private void rekey(Job job, RegistryRows.Scholar s) {
        PersonalDataCipher cipher = job.keys.cipher();
        BlindIndex index = job.keys.index();
        String iin;
        String last;
        String first;
        RegistryRows.Scholar fresh;
        byte[] iinHash;
        try {
            iin = dec(cipher, "iin", s.iin());
            last = dec(cipher, "last_name", s.lastName());
            first = dec(cipher, "first_name", s.firstName());
            iinHash = iin == null ? null : index.iin(Iin.parse(iin));
            fresh = new RegistryRows.Scholar(s.id(), enc(cipher, "iin", iin), enc(cipher, "last_name", last),
                    enc(cipher, "first_name", first), reenc(cipher, "patronymic", s.patronymic()),
                    reenc(cipher, "name_ru", s.nameRu()), reenc(cipher, "name_latin", s.nameLatin()),
                    reenc(cipher, "email", s.email()), reenc(cipher, "phone", s.phone()), s.pseudonym(),
                    s.birthYear(), s.sex(), s.synthetic(), s.anonymisedAt());
        } catch (PersonalDataException | IllegalArgumentException e) {
            // A key not loaded, or a damaged value: the row stays as it is, still counted under its old key.
            job.unreadable.incrementAndGet();
            return;
        }
        if (iinHash != null && repository.iinHashTakenByOther(iinHash, s.id())) {
            // The same IIN recorded twice, once under each key; an officer must merge them, not this job.
            job.duplicates.incrementAndGet();
            return;
        }
        repository.rewrite(fresh, iinHash, index.name(last), index.name(first));
        job.rekeyed.incrementAndGet();
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
