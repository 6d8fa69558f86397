package kz.agyn.registry.imports;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditLog;
import kz.agyn.platform.problems.Problem;
import kz.agyn.platform.problems.ProblemCollector;
import kz.agyn.reference.ReferenceData;
import kz.agyn.registry.Access;
import kz.agyn.registry.RegistryAudit;
import kz.agyn.registry.RegistryException;
import kz.agyn.registry.imports.RegistryImportChecks.Checked;
import kz.agyn.registry.imports.internal.RegistryImportRepository;
import kz.agyn.registry.obligation.ObligationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk import of the registry from the three files of docs/formats/registry.md (CSV or XLSX): every row is read
 * and checked ({@link RegistryFileReader}, a parser per kind of file), then the rows against each other and the
 * registry ({@link RegistryImportChecks}); the report lists every problem with file, row and column; only a clean
 * set is written ({@link RegistryImportWriter}, with COPY), in one transaction with the obligations it changes.
 * Rows already present are skipped, so a second import of the same files changes nothing.
 */
@Service
public class RegistryImport {

    private static final Logger log = LoggerFactory.getLogger(RegistryImport.class);

    private final RegistryImportRepository registry;
    private final RegistryImportChecks checks;
    private final RegistryImportWriter writer;
    private final TransactionTemplate transactions;
    private final ReferenceData reference;
    private final ObligationService obligations;
    private final AuditLog audit;
    private final ReentrantLock oneAtATime = new ReentrantLock(true);

    RegistryImport(RegistryImportRepository registry, RegistryImportChecks checks, RegistryImportWriter writer,
                   TransactionTemplate transactions, ReferenceData reference, ObligationService obligations,
                   AuditLog audit) {
        this.registry = registry;
        this.checks = checks;
        this.writer = writer;
        this.transactions = transactions;
        this.reference = reference;
        this.obligations = obligations;
        this.audit = audit;
    }

    /** Checks the files and, when {@code write} and nothing is wrong, imports them. */
    public RegistryImportResult run(List<RegistryInput> inputs, boolean write, Access access, String by) {
        return run(inputs, write, access, by, new RegistryImportProgress());
    }

    /**
     * As {@link #run(List, boolean, Access, String)}, reporting to {@code progress} and stopping when it is
     * cancelled: a cancelled import writes nothing and reports status CANCELLED.
     */
    public RegistryImportResult run(List<RegistryInput> inputs, boolean write, Access access, String by,
                                    RegistryImportProgress progress) {
        if (!access.mayEdit()) {
            throw new RegistryException(RegistryException.Kind.NOT_FOUND, "registry.access.denied");
        }
        long started = System.nanoTime();
        try {
            // One import at a time: each checks against the registry as it is, and a second one writing meanwhile
            // would make those checks stale.
            while (!oneAtATime.tryLock(200, TimeUnit.MILLISECONDS)) {
                progress.check();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            progress.finish();
            return cancelled(started);
        } catch (RegistryImportProgress.Cancelled e) {
            progress.finish();
            return cancelled(started);
        }
        try {
            return checkAndWrite(inputs, write, by, progress, started);
        } catch (RegistryImportProgress.Cancelled e) {
            log.info("Registry import cancelled during {}; nothing was written", progress.phase());
            return cancelled(started);
        } finally {
            oneAtATime.unlock();
            progress.finish();
        }
    }

    private static RegistryImportResult cancelled(long started) {
        return RegistryImportResult.stopped(RegistryImportState.CANCELLED, null, millisSince(started));
    }

    private RegistryImportResult checkAndWrite(List<RegistryInput> inputs, boolean write, String by,
                                               RegistryImportProgress progress, long started) {
        ProblemCollector problems = new ProblemCollector();
        Map<String, Long> registryScholars = registry.scholarIdsByRef();
        Set<String> registryAwards = registry.awardRefs();
        ReferenceCodes codes = ReferenceCodes.of(reference, registry.programmes());
        RegistryFileReader.Rows rows = RegistryFileReader.readAll(inputs, registryScholars.keySet(), codes,
                problems, progress);
        progress.check();
        Checked checked = checks.check(rows, registryScholars, registryAwards, problems, progress);
        if (inputs.isEmpty()) {
            problems.add(Problem.inFile("", "registry.import.noFiles"));
        }
        progress.check();
        RegistryImportState status;
        if (!problems.isEmpty()) {
            status = RegistryImportState.INVALID;
        } else if (!write) {
            status = RegistryImportState.VALID;
        } else {
            write(checked, by, progress, started);
            status = RegistryImportState.IMPORTED;
        }
        return new RegistryImportResult(status, checked.scholars().size(), checked.awards().size(),
                checked.jobs().size(), checked.existing(), problems.count(), problems.listed(), millisSince(started));
    }

    private void write(Checked rows, String by, RegistryImportProgress progress, long started) {
        long checked = System.nanoTime();
        long[] times = new long[2];
        // The rows and the obligations they change are written together: a cancel, or a failure, at any point
        // before the commit leaves the registry as it was.
        transactions.executeWithoutResult(tx -> {
            progress.begin(RegistryImportProgress.Phase.WRITING,
                    rows.scholars().size() + rows.awards().size() + rows.jobs().size());
            times[0] = writer.write(rows, by, progress);
            times[1] = System.nanoTime();
            progress.check();
            progress.begin(RegistryImportProgress.Phase.OBLIGATIONS, 0);
            obligations.recomputeAll();
            progress.commit();
        });
        long encryptMillis = times[0];
        long stored = times[1];
        int scholars = rows.scholars().size();
        // Counts and times only: where an import's time goes, for whoever has to make it faster.
        log.info("Registry import: {} scholars, {} awards, {} jobs; read and checked in {} ms, encrypted in {} ms, "
                + "written in {} ms, obligations evaluated in {} ms", scholars, rows.awards().size(),
                rows.jobs().size(), (checked - started) / 1_000_000, encryptMillis,
                (stored - checked) / 1_000_000 - encryptMillis, millisSince(stored));
        audit.record(AuditAction.IMPORT, RegistryAudit.SCHOLAR, null, scholars,
                scholars + " scholars, " + rows.awards().size() + " awards, " + rows.jobs().size() + " jobs");
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
