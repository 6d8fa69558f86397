package kz.agyn.registry.obligation;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditLog;
import kz.agyn.kernel.Money;
import kz.agyn.kernel.RegionCode;
import kz.agyn.registry.RegistryException;
import kz.agyn.registry.internal.EncryptedText;
import kz.agyn.registry.internal.RegistryRepository;
import kz.agyn.registry.internal.RegistryRows;
import kz.agyn.registry.keys.PersonalDataCipher;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates awards with the obligation engine and keeps the result: the stored evaluation that worklists and
 * cohort statistics read, and a status-history row for every change of state with who, when and why.
 */
@Service
public class ObligationService {

    /** The programme whose default rules a fresh database starts with. */
    public static final String BOLASHAK = "BOLASHAK";

    private final RegistryRepository repository;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AuditLog audit;
    private final PersonalDataCipher cipher;
    private volatile RuleBook rules;

    public ObligationService(RegistryRepository repository, JdbcTemplate jdbc, TransactionTemplate transactions,
                             AuditLog audit, Optional<Clock> clock, PersonalDataCipher cipher) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.cipher = cipher;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The rule book as stored; a fresh registry gets Bolashak's default rules as version 1. */
    public RuleBook ruleBook() {
        RuleBook book = rules;
        if (book == null) {
            List<RegistryRows.RuleSet> sets = repository.ruleSets();
            if (sets.stream().noneMatch(s -> s.programme().equals(BOLASHAK))) {
                ObligationRules defaults = bolashakDefaults();
                repository.insertRuleSet(BOLASHAK, 1, defaults.validFrom(), RuleText.write(defaults.toMap()),
                        "Defaults: 5 years in Kazakhstan, back within 3 months, repayment pro rata plus 10%", "system");
                sets = repository.ruleSets();
            }
            book = new RuleBook(sets.stream().map(s -> ObligationRules.fromMap(RuleText.read(s.rules()))).toList());
            rules = book;
        }
        return book;
    }

    /** Stores a new version of a programme's rules; awards made earlier keep theirs. */
    public ObligationRules addRules(String text, String note, String by) {
        ObligationRules parsed = ObligationRules.fromMap(RuleText.read(text));
        if (!repository.programmes().contains(parsed.programme())) {
            throw RegistryException.invalid("registry.rules.unknownProgramme", parsed.programme());
        }
        boolean exists = repository.ruleSets().stream()
                .anyMatch(s -> s.programme().equals(parsed.programme()) && s.version() == parsed.version());
        if (exists) {
            throw RegistryException.conflict("registry.rules.versionExists", parsed.programme(), parsed.version());
        }
        repository.insertRuleSet(parsed.programme(), parsed.version(), parsed.validFrom(),
                RuleText.write(parsed.toMap()), note, by);
        rules = null;
        // What every scholar of the programme owes follows from these rules: a security event, not a data edit.
        audit.record(AuditAction.OBLIGATION_RULES_CHANGED, "OBLIGATION_RULES", (long) parsed.version(), 1,
                "programme " + parsed.programme() + " version " + parsed.version() + " valid from "
                        + parsed.validFrom());
        return parsed;
    }

    public List<RegistryRows.RuleSet> ruleSets() {
        ruleBook();
        return repository.ruleSets();
    }

    /** Evaluates one award today and records a change of state (by evaluation, or as a correction by {@code by}). */
    public ObligationStatus evaluate(RegistryRows.Award award, String by) {
        ObligationCase c = caseOf(award, repository.employmentsOf(award.scholarId()),
                repository.deferrals(List.of(award.id())), repository.decisions(List.of(award.id())));
        ObligationStatus status = ObligationEngine.evaluate(c.facts(), ruleBook().forAward(c.facts()), c.episodes(),
                c.deferrals(), c.decisions(), today());
        ObligationState previous = repository.obligation(award.id()).map(o -> ObligationState.valueOf(o.state()))
                .orElse(null);
        record(award.id(), previous, status, by);
        repository.saveObligation(row(status, award.id()));
        return status;
    }

    /** Today's evaluation without storing anything: what the scholar card shows. */
    public ObligationStatus preview(RegistryRows.Award award, List<RegistryRows.Employment> jobs,
                                    List<RegistryRows.Deferral> deferrals, List<RegistryRows.Decision> decisions) {
        return preview(award, jobs, deferrals, decisions, today());
    }

    /**
     * The evaluation as of {@code asOf}, without storing anything. Decisions dated after {@code asOf} are ignored,
     * so an earlier day shows the obligation as it stood then.
     */
    public ObligationStatus preview(RegistryRows.Award award, List<RegistryRows.Employment> jobs,
                                    List<RegistryRows.Deferral> deferrals, List<RegistryRows.Decision> decisions,
                                    LocalDate asOf) {
        ObligationCase c = caseOf(award, jobs, deferrals, decisions);
        return ObligationEngine.evaluate(c.facts(), ruleBook().forAward(c.facts()), c.episodes(), c.deferrals(),
                c.decisions(), asOf);
    }

    /**
     * One award's obligation as of {@code asOf}, from the stored records, without storing anything: the entry point
     * for the officers' workflow (instalments, notices). {@link ObligationStatus#repayment()} is what a declared
     * breach costs, {@link ObligationStatus#owedIfDeclaredToday()} what one declared on {@code asOf} would cost;
     * pass the payments recorded to {@link #outstanding} for what is still to pay.
     *
     * @throws RegistryException not found if there is no such award
     */
    public ObligationStatus status(long awardId, LocalDate asOf) {
        RegistryRows.Award award = repository.award(awardId)
                .orElseThrow(() -> RegistryException.notFound("registry.award.notFound", awardId));
        return preview(award, repository.employmentsOf(award.scholarId()), repository.deferrals(List.of(awardId)),
                repository.decisions(List.of(awardId)), asOf);
    }

    /**
     * What is still owed on {@code asOf} for an award in a debt state: the repayment fixed on the breach date less
     * the payments received up to {@code asOf}; null if no breach was declared by then.
     */
    public Money outstanding(long awardId, List<Payment> payments, LocalDate asOf) {
        ObligationStatus s = status(awardId, asOf);
        return s.repayment() == null ? null : ObligationEngine.outstanding(s.repayment(), payments, asOf);
    }

    /**
     * Records an officer's decision after checking that the state machine allows it: the award is evaluated with
     * the decision included, and the move from the stored state to the result must be an edge of the machine.
     */
    public ObligationStatus decide(RegistryRows.Award award, DecisionType type, LocalDate date, String reason,
                                   String by) {
        if (reason == null || reason.isBlank()) {
            throw RegistryException.invalid("registry.decision.reasonRequired");
        }
        // Evaluation as of today ignores a decision dated later, so the state machine would see no move and answer
        // with a puzzling "OVERDUE->OVERDUE": say what is wrong instead.
        if (date != null && date.isAfter(today())) {
            throw RegistryException.invalid("registry.decision.future", date, today());
        }
        List<RegistryRows.Decision> decisions = new ArrayList<>(repository.decisions(List.of(award.id())));
        byte[] sealed = cipher.encrypt(EncryptedText.DECISION_REASON.field(), reason);
        decisions.add(new RegistryRows.Decision(0, award.id(), type.name(), date, sealed, by));
        ObligationCase c = caseOf(award, repository.employmentsOf(award.scholarId()),
                repository.deferrals(List.of(award.id())), decisions);
        ObligationStatus status = ObligationEngine.evaluate(c.facts(), ruleBook().forAward(c.facts()), c.episodes(),
                c.deferrals(), c.decisions(), today());
        ObligationState previous = repository.obligation(award.id()).map(o -> ObligationState.valueOf(o.state()))
                .orElse(null);
        Decision decision = new Decision(date, type, by, reason);
        Optional<Transition> t = Transition.byDecision(previous, decision, status.state());
        repository.insertDecision(award.id(), type.name(), date, sealed, by);
        // The code stays in clear for everyone who may see the history; the officer's words are encrypted.
        t.ifPresent(x -> repository.insertStatus(award.id(), name(x.from()), x.to().name(), by, x.reason(),
                x.note().isEmpty() ? null : cipher.encrypt(EncryptedText.STATUS_NOTE.field(), x.note()), x.at()));
        repository.saveObligation(row(status, award.id()));
        return status;
    }

    /**
     * Every award evaluated as of {@code asOf}, by award id, without storing anything: what the registry looked
     * like on an earlier day (the cohort dashboard's "as of").
     */
    public Map<Long, ObligationStatus> evaluateAll(LocalDate asOf) {
        Loaded l = load();
        List<ObligationStatus> results = ObligationEngine.evaluateAll(ruleBook(), l.cases(), asOf);
        Map<Long, ObligationStatus> byAward = new HashMap<>(results.size() * 2);
        for (int i = 0; i < results.size(); i++) {
            byAward.put(l.awards().get(i).id(), results.get(i));
        }
        return byAward;
    }

    /** Every award with its case, in the same order: what a pass over the registry reads. */
    record Loaded(List<RegistryRows.Award> awards, List<ObligationCase> cases) {
    }

    Loaded load() {
        List<RegistryRows.Award> awards = repository.allAwards();
        Map<Long, List<EmploymentEpisode>> jobs = new HashMap<>();
        for (RegistryRows.Episode e : repository.allEpisodes()) {
            jobs.computeIfAbsent(e.scholarId(), k -> new ArrayList<>())
                    .add(episode(e.start(), e.end(), e.region(), e.country(), e.sector(), e.isco()));
        }
        Map<Long, List<RegistryRows.Deferral>> deferrals = repository.deferrals(null).stream()
                .collect(Collectors.groupingBy(RegistryRows.Deferral::awardId));
        Map<Long, List<RegistryRows.Decision>> decisions = repository.decisions(null).stream()
                .collect(Collectors.groupingBy(RegistryRows.Decision::awardId));
        List<ObligationCase> cases = new ArrayList<>(awards.size());
        for (RegistryRows.Award a : awards) {
            cases.add(caseOfEpisodes(a, jobs.getOrDefault(a.scholarId(), List.of()),
                    deferrals.getOrDefault(a.id(), List.of()), decisions.getOrDefault(a.id(), List.of())));
        }
        return new Loaded(awards, cases);
    }

    /** Re-evaluates every award as of today in one pass; returns how many changed state. */
    public Recomputation recomputeAll() {
        long started = System.nanoTime();
        Loaded l = load();
        List<RegistryRows.Award> awards = l.awards();
        Map<Long, String> stored = repository.allObligations().stream()
                .collect(Collectors.toMap(RegistryRows.Obligation::awardId, RegistryRows.Obligation::state));
        long loaded = System.nanoTime();
        List<ObligationStatus> results = ObligationEngine.evaluateAll(ruleBook(), l.cases(), today());
        long evaluated = System.nanoTime();
        int[] changed = {0};
        transactions.executeWithoutResult(tx -> {
            int n = results.size();
            Long[] ids = new Long[n];
            String[] states = new String[n];
            Integer[] required = new Integer[n];
            Integer[] worked = new Integer[n];
            Integer[] left = new Integer[n];
            String[] deadlines = new String[n];
            String[] returned = new String[n];
            String[] fulfilled = new String[n];
            String[] repay = new String[n];
            String[] reasons = new String[n];
            String[] evaluatedOn = new String[n];
            String[] owedIfDeclared = new String[n];
            List<Long> historyIds = new ArrayList<>();
            List<String> historyFrom = new ArrayList<>();
            List<String> historyTo = new ArrayList<>();
            List<String> historyReason = new ArrayList<>();
            List<String> historyEffective = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ObligationStatus s = results.get(i);
                long awardId = awards.get(i).id();
                String before = stored.get(awardId);
                if (!s.state().name().equals(before)) {
                    changed[0]++;
                    historyIds.add(awardId);
                    historyFrom.add(before);
                    historyTo.add(s.state().name());
                    historyReason.add(s.reasons().isEmpty() ? "EVALUATION" : s.reasons().get(0).name());
                    historyEffective.add(text(s.stateSince()));
                }
                RegistryRows.Obligation o = row(s, awardId);
                ids[i] = o.awardId();
                states[i] = o.state();
                required[i] = o.daysRequired();
                worked[i] = o.daysWorked();
                left[i] = o.daysLeft();
                deadlines[i] = text(o.returnDeadline());
                returned[i] = text(o.returnedOn());
                fulfilled[i] = text(o.fulfilmentDate());
                repay[i] = o.repayKzt() == null ? null : o.repayKzt().toPlainString();
                reasons[i] = o.reasons();
                evaluatedOn[i] = text(o.evaluatedOn());
                owedIfDeclared[i] = o.owedIfDeclaredKzt() == null ? null : o.owedIfDeclaredKzt().toPlainString();
            }
            // One statement over arrays rather than a JDBC batch: a batch still executes 14,000 upserts one by one
            // on the server, and this pass runs every night and after every bulk import.
            jdbc.execute((ConnectionCallback<Void>) c -> {
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO reg_obligation (award_id, state, days_required, days_worked, days_left,
                          return_deadline, returned_on, fulfilment_date, repay_kzt, reasons, evaluated_on,
                          owed_if_declared_kzt)
                        SELECT * FROM unnest(?::bigint[], ?::varchar[], ?::integer[], ?::integer[], ?::integer[],
                          ?::date[], ?::date[], ?::date[], ?::numeric[], ?::text[], ?::date[], ?::numeric[])
                        ON CONFLICT (award_id) DO UPDATE SET state = excluded.state,
                          days_required = excluded.days_required, days_worked = excluded.days_worked,
                          days_left = excluded.days_left, return_deadline = excluded.return_deadline,
                          returned_on = excluded.returned_on, fulfilment_date = excluded.fulfilment_date,
                          repay_kzt = excluded.repay_kzt, reasons = excluded.reasons,
                          evaluated_on = excluded.evaluated_on, evaluated_at = now(),
                          owed_if_declared_kzt = excluded.owed_if_declared_kzt""")) {
                    ps.setArray(1, c.createArrayOf("bigint", ids));
                    ps.setArray(2, c.createArrayOf("varchar", states));
                    ps.setArray(3, c.createArrayOf("integer", required));
                    ps.setArray(4, c.createArrayOf("integer", worked));
                    ps.setArray(5, c.createArrayOf("integer", left));
                    ps.setArray(6, c.createArrayOf("text", deadlines));
                    ps.setArray(7, c.createArrayOf("text", returned));
                    ps.setArray(8, c.createArrayOf("text", fulfilled));
                    ps.setArray(9, c.createArrayOf("text", repay));
                    ps.setArray(10, c.createArrayOf("text", reasons));
                    ps.setArray(11, c.createArrayOf("text", evaluatedOn));
                    ps.setArray(12, c.createArrayOf("text", owedIfDeclared));
                    ps.executeUpdate();
                }
                if (!historyIds.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement("""
                            INSERT INTO reg_status_history (award_id, from_state, to_state, by_user, reason,
                              effective_on)
                            SELECT a, f, t, ?, r, e FROM unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::text[],
                              ?::date[]) AS h (a, f, t, r, e)""")) {
                        ps.setString(1, Transition.SYSTEM);
                        ps.setArray(2, c.createArrayOf("bigint", historyIds.toArray(Long[]::new)));
                        ps.setArray(3, c.createArrayOf("varchar", historyFrom.toArray(String[]::new)));
                        ps.setArray(4, c.createArrayOf("varchar", historyTo.toArray(String[]::new)));
                        ps.setArray(5, c.createArrayOf("text", historyReason.toArray(String[]::new)));
                        ps.setArray(6, c.createArrayOf("text", historyEffective.toArray(String[]::new)));
                        ps.executeUpdate();
                    }
                }
                return null;
            });
        });
        long stored2 = System.nanoTime();
        return new Recomputation(awards.size(), changed[0], (loaded - started) / 1_000_000,
                (evaluated - loaded) / 1_000_000, (stored2 - evaluated) / 1_000_000);
    }

    /** What a full recomputation did and where its time went, in milliseconds. */
    public record Recomputation(int awards, int changed, long loadMillis, long evaluateMillis, long storeMillis) {
    }

    ObligationCase caseOf(RegistryRows.Award a, List<RegistryRows.Employment> jobs,
                          List<RegistryRows.Deferral> deferrals, List<RegistryRows.Decision> decisions) {
        List<EmploymentEpisode> episodes = new ArrayList<>(jobs.size());
        for (RegistryRows.Employment e : jobs) {
            episodes.add(episode(e.start(), e.end(), e.region(), e.country(), e.sector(), e.isco()));
        }
        return caseOfEpisodes(a, episodes, deferrals, decisions);
    }

    private static EmploymentEpisode episode(LocalDate start, LocalDate end, String region, String country,
                                             String sector, String isco) {
        return new EmploymentEpisode(start, end, region == null ? null : new RegionCode(region),
                country == null ? EmploymentEpisode.KAZAKHSTAN : country, Sector.valueOf(sector), isco);
    }

    private static ObligationCase caseOfEpisodes(RegistryRows.Award a, List<EmploymentEpisode> episodes,
                                                 List<RegistryRows.Deferral> deferrals,
                                                 List<RegistryRows.Decision> decisions) {
        AwardFacts facts = new AwardFacts(Long.toString(a.id()), a.programme(), a.ruleVersion(),
                a.awardedOn() == null ? a.studyStart() : a.awardedOn(), a.studyStart(), a.plannedEnd(),
                a.actualEnd(), Money.kzt(a.fundingKzt()), a.degree(), a.field(), a.foreignGrant(), a.honours(),
                a.spentKzt() == null ? null : Money.kzt(a.spentKzt()));
        // Evaluation reads dates and kinds only: the officers' words stay encrypted.
        List<Deferral> ds = deferrals.stream().map(d -> new Deferral(d.from(), d.to(), "")).toList();
        List<Decision> dec = decisions.stream()
                .map(d -> new Decision(d.date(), DecisionType.valueOf(d.kind()), d.decidedBy(), "")).toList();
        return new ObligationCase(facts, episodes, ds, dec);
    }

    private void record(long awardId, ObligationState previous, ObligationStatus status, String by) {
        Optional<Transition> t;
        try {
            t = Transition.afterEvaluation(previous, status);
        } catch (ObligationException e) {
            // Facts were corrected (a job entered by mistake, a date fixed) and evaluation went backwards.
            t = Optional.of(Transition.correction(previous, status.state(), status.asOf(), by, "record corrected"));
        }
        // The day the state took effect by the facts (the fulfilment day, the day after the deadline), not today.
        t.ifPresent(x -> repository.insertStatus(awardId, name(x.from()), x.to().name(),
                x.cause() == Transition.Cause.EVALUATION ? Transition.SYSTEM : by, x.reason(), null,
                status.stateSince()));
    }

    private static RegistryRows.Obligation row(ObligationStatus s, long awardId) {
        BigDecimal repay = s.repayment() == null ? null : s.repayment().total().amount();
        return new RegistryRows.Obligation(awardId, s.state().name(), (int) s.daysRequired(), (int) s.daysWorked(),
                (int) s.daysLeft(), s.returnDeadline(), s.returnedOn(), s.fulfilledOn(), repay,
                s.reasons().stream().map(Enum::name).collect(Collectors.joining(",")), s.asOf(),
                s.owedIfDeclaredToday() == null ? null : s.owedIfDeclaredToday().total().amount());
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String name(ObligationState s) {
        return s == null ? null : s.name();
    }

    static ObligationRules bolashakDefaults() {
        Map<String, String> map = new LinkedHashMap<>(ObligationRules.defaults(BOLASHAK, 1,
                LocalDate.of(1993, 11, 5)).toMap());
        map.put("penaltyRate", "0.10");
        map.put("maxBreakDays", "180");
        return ObligationRules.fromMap(map);
    }
}
