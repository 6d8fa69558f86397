package kz.agyn.registry.obligation;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditLog;
import kz.agyn.jobs.JobKind;
import kz.agyn.jobs.JobOutcome;
import kz.agyn.jobs.Jobs;
import kz.agyn.registry.RegistryException;
import kz.agyn.registry.internal.RegistryRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-binding the awards of one rule version to the version in force on their award date (decision 0027). Rules
 * never change an earlier award by themselves: an award keeps the version it was bound to, so that adding a version
 * does not silently change what hundreds of people owe. Placeholder version 1 is the case in point: awards bound to
 * it keep "5 years anywhere" until an administrator moves them deliberately, having seen per award what changes.
 * The move runs as a job, writes one {@code reg_rule_rebinding} row per award (states before and after), re-evaluates
 * the registry and is audited as a change of obligation rules.
 */
@Service
public class Rebinding {

    private final ObligationService obligations;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Jobs jobs;
    private final AuditLog audit;

    public Rebinding(ObligationService obligations, JdbcClient jdbc, TransactionTemplate transactions, Jobs jobs,
                     AuditLog audit) {
        this.obligations = obligations;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.jobs = jobs;
        this.audit = audit;
    }

    /** How many awards are bound to each version, by programme then version (versions without awards absent). */
    public Map<String, Map<Integer, Long>> boundCounts() {
        Map<String, Map<Integer, Long>> out = new TreeMap<>();
        jdbc.sql("SELECT programme, rule_version, count(*) AS n FROM reg_award GROUP BY 1, 2")
                .query((rs, n) -> out.computeIfAbsent(rs.getString("programme"), p -> new TreeMap<>())
                        .put(rs.getInt("rule_version"), rs.getLong("n"))).list();
        return out;
    }

    /**
     * What re-binding the awards of {@code programme} bound to {@code fromVersion} would do as of today: every award
     * whose version in force on its award date is another one, evaluated under both.
     *
     * @throws RegistryException 404 when the programme has no such version
     */
    public RebindingPreview preview(String programme, int fromVersion) {
        RuleBook book = obligations.ruleBook();
        if (book.versions(programme).stream().noneMatch(r -> r.version() == fromVersion)) {
            throw RegistryException.notFound("registry.rebind.noVersion", programme, fromVersion);
        }
        ObligationRules from = book.version(programme, fromVersion);
        LocalDate today = obligations.today();
        ObligationService.Loaded loaded = obligations.load();
        int bound = 0;
        List<RebindingLine> lines = new ArrayList<>();
        for (int i = 0; i < loaded.awards().size(); i++) {
            RegistryRows.Award a = loaded.awards().get(i);
            if (!a.programme().equals(programme) || a.ruleVersion() != fromVersion) {
                continue;
            }
            bound++;
            ObligationCase c = loaded.cases().get(i);
            ObligationRules to = book.inForceOn(programme, c.facts().awardedOn());
            if (to.version() == fromVersion) {
                continue;
            }
            ObligationStatus before = ObligationEngine.evaluate(c.facts(), from, c.episodes(), c.deferrals(),
                    c.decisions(), today);
            ObligationStatus after = ObligationEngine.evaluate(c.facts().withRuleVersion(to.version()), to,
                    c.episodes(), c.deferrals(), c.decisions(), today);
            lines.add(new RebindingLine(a.id(), c.facts().awardedOn(), to.version(), before.state(), after.state(),
                    before.termYears(), after.termYears(), owed(before), owed(after)));
        }
        Map<Integer, Integer> byTarget = new TreeMap<>();
        Map<String, Integer> transitions = new LinkedHashMap<>();
        for (RebindingLine l : lines) {
            byTarget.merge(l.toVersion(), 1, Integer::sum);
            if (l.stateChanges()) {
                transitions.merge(l.oldState() + "→" + l.newState(), 1, Integer::sum);
            }
        }
        return new RebindingPreview(programme, fromVersion, today, bound, lines.size(), byTarget,
                (int) lines.stream().filter(RebindingLine::stateChanges).count(), transitions,
                (int) lines.stream().filter(RebindingLine::owedChanges).count(), List.copyOf(lines));
    }

    /**
     * Starts the re-binding as a job and returns its id. The job previews again when it runs (what it applies is
     * what is true then), moves every award of the preview in one transaction, re-evaluates the registry and
     * records the outcome.
     */
    public UUID start(String programme, int fromVersion, String by) {
        preview(programme, fromVersion);   // a version that does not exist is refused here, not in the job
        return jobs.submit(JobKind.REGISTRY_REBIND, by, Map.of("programme", programme, "fromVersion",
                Integer.toString(fromVersion)), job -> {
            job.phaseOnly("REBIND_PREVIEW");
            RebindingPreview p = preview(programme, fromVersion);
            job.phase("REBIND_MOVE", (long) p.moving());
            job.stopIfCancelled();
            int moved = apply(p, job.id(), by);
            job.done(moved);
            job.phaseOnly("REBIND_EVALUATE");
            obligations.recomputeAll();
            String targets = p.byTarget().entrySet().stream().map(e -> "v" + e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining(", "));
            // Counts and versions only: nothing that names a person.
            audit.record(AuditAction.OBLIGATION_RULES_CHANGED, "OBLIGATION_RULES", (long) fromVersion, moved,
                    "rebind programme " + programme + " version " + fromVersion + " job " + job.id() + ": " + moved
                            + " awards to " + (targets.isEmpty() ? "none" : targets) + "; state changed "
                            + p.stateChanges());
            return JobOutcome.of("jobs.outcome.rebind", moved, fromVersion, p.stateChanges())
                    .linkedTo("/registry/rules");
        });
    }

    /** Moves the awards of a preview, only those still bound to its version; returns how many moved. */
    int apply(RebindingPreview p, UUID jobId, String by) {
        Integer moved = transactions.execute(tx -> {
            int n = 0;
            for (RebindingLine l : p.lines()) {
                int updated = jdbc.sql("UPDATE reg_award SET rule_version = ? WHERE id = ? AND rule_version = ?")
                        .params(l.toVersion(), l.awardId(), p.fromVersion()).update();
                if (updated == 1) {
                    jdbc.sql("""
                            INSERT INTO reg_rule_rebinding (job_id, award_id, programme, from_version, to_version,
                              state_before, state_after, rebound_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                            .params(jobId, l.awardId(), p.programme(), p.fromVersion(), l.toVersion(),
                                    l.oldState().name(), l.newState().name(), by).update();
                    n++;
                }
            }
            return n;
        });
        return moved == null ? 0 : moved;
    }

    private static BigDecimal owed(ObligationStatus s) {
        Repayment r = s.repayment() != null ? s.repayment() : s.owedIfDeclaredToday();
        return r == null ? null : r.total().amount();
    }
}
