package kz.agyn.registry.keys;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import kz.agyn.jobs.JobKind;
import kz.agyn.jobs.JobOutcome;
import kz.agyn.jobs.JobView;
import kz.agyn.jobs.Jobs;
import kz.agyn.registry.internal.RegistryRepository;
import kz.agyn.registry.internal.RegistryRows;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The re-index job: makes the name search keys ({@link BlindIndex#nameKeys}) of every scholar recorded before
 * they existed, or under an older {@link BlindIndex#NAME_KEYS_VERSION}. Like the re-key job it decrypts each row's
 * names (with the current or a retired key), works in batches of a few hundred rows, each in its own transaction,
 * selects only rows not yet done (so a stopped job resumes and a finished one changes nothing) and is recorded
 * through {@link Jobs}. A row that cannot be decrypted is counted and left: it is found by IIN, not by name, until
 * its key is loaded. New rows get their keys when they are written (officer, import, re-key), so the job has work
 * only after an upgrade; it runs at start ({@code RegistryNameIndexAtStart}).
 */
@Service
public class RegistryNameIndexJobs {

    static final int BATCH = 250;
    private static final String INDEXED = "indexed";
    private static final String UNREADABLE = "unreadable";

    private final RegistryRepository registry;
    private final PersonalDataCipher cipher;
    private final BlindIndex index;
    private final TransactionTemplate transactions;
    private final Jobs jobs;

    public RegistryNameIndexJobs(RegistryRepository registry, PersonalDataCipher cipher, BlindIndex index,
                                 TransactionTemplate transactions, Jobs jobs) {
        this.registry = registry;
        this.cipher = cipher;
        this.index = index;
        this.transactions = transactions;
        this.jobs = jobs;
    }

    /** Scholars whose search keys are still to be made. */
    public long pending() {
        return registry.countNameKeysPending(BlindIndex.NAME_KEYS_VERSION);
    }

    /** Runs the job on the caller's thread when any row waits for it; its record, or empty when none did. */
    public Optional<JobView> runIfNeeded(String by) {
        if (pending() == 0) {
            return Optional.empty();
        }
        return Optional.of(jobs.run(JobKind.REGISTRY_NAME_INDEX, by,
                Map.of("version", Integer.toString(BlindIndex.NAME_KEYS_VERSION)), this::work));
    }

    private JobOutcome work(Jobs.Handle job) {
        job.phase("INDEXING", pending());
        long after = 0;
        while (!job.cancelRequested()) {
            long position = after;
            Long next = transactions.execute(tx -> batch(job, position));
            if (next == null) {
                break;
            }
            after = next;
        }
        return JobOutcome.of("jobs.outcome.nameIndexed", job.count(INDEXED), job.count(UNREADABLE));
    }

    /** One batch after {@code after}; the last id looked at, or null when none was left. */
    private Long batch(Jobs.Handle job, long after) {
        List<RegistryRows.Scholar> rows = registry.nameKeysPendingAfter(BlindIndex.NAME_KEYS_VERSION, after, BATCH);
        if (rows.isEmpty()) {
            return null;
        }
        for (RegistryRows.Scholar s : rows) {
            job.advance(1);
            List<byte[][]> keys;
            try {
                keys = index.nameKeys(dec("last_name", s.lastName()), dec("first_name", s.firstName()),
                        dec("name_ru", s.nameRu()), dec("name_latin", s.nameLatin()));
            } catch (PersonalDataException | IllegalArgumentException e) {
                job.advanceCount(UNREADABLE, 1);
                continue;
            }
            registry.writeNameKeys(s.id(), keys, BlindIndex.NAME_KEYS_VERSION);
            job.advanceCount(INDEXED, 1);
        }
        return rows.get(rows.size() - 1).id();
    }

    private String dec(String field, byte[] value) {
        return value == null ? null : cipher.decrypt("scholar." + field, value);
    }
}
