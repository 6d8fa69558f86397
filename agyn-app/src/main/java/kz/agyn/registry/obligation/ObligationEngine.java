package kz.agyn.registry.obligation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import kz.agyn.kernel.Money;

/**
 * Computes an award's {@link ObligationStatus} from its facts, rules, jobs, deferrals and decisions as of a
 * date. Stateless and thread-safe; the rules applied are documented on {@link ObligationRules}.
 *
 * <h2>State</h2>
 * The first of these that holds: the debt state of the officers' latest decision (replayed in date order;
 * days worked stop counting on the breach date); STUDYING up to the last day of study; FULFILLED once the
 * credited days reach the required days; ABROAD_PERMITTED on a day an approved deferral covers and no counted
 * job does; WORKING_OFF once any day is credited; RETURNED once back (the first day of a job in Kazakhstan
 * after study, counted or not, or an officer's {@link DecisionType#RETURN_CONFIRMED}); OVERDUE after the
 * return deadline; otherwise GRADUATED. With the inputs fixed, moving {@code asOf} forward only ever follows
 * an edge of {@link ObligationState#canMoveTo}.
 *
 * <h2>Terms by place</h2>
 * Every credited day carries a weight: with one term everywhere (or under {@link MixedPlaces#LONGEST}) all weigh
 * one and the obligation is the term's days; under {@link MixedPlaces#PROPORTIONAL} a city day weighs the days of
 * the regional term and a regional day the days of the city term, and the obligation is their product, so each
 * day pays exactly its share of its own place's term in whole numbers. Figures are reported in days of the term
 * of the place worked last.
 *
 * <h2>Cost</h2>
 * One sort of a {@code long[]} of the counted jobs (start and length packed into one long) and a single merge
 * pass: no per-day loops, a handful of small allocations per award, so a whole registry recomputes in well
 * under a second.
 */
public final class ObligationEngine {

    private static final long NONE = Long.MIN_VALUE;
    private static final long LOW_32 = 0xFFFF_FFFFL;

    private ObligationEngine() {
    }

    /**
     * @param facts     the award
     * @param rules     the rules binding it, from {@link RuleBook#forAward}
     * @param episodes  the scholar's jobs, in any order, overlaps allowed
     * @param deferrals approved deferrals, in any order
     * @param decisions officers' decisions, in any order; those dated after {@code asOf} are ignored
     * @param asOf      the evaluation date, usually today
     * @throws ObligationException {@link ObligationProblem#RULES_MISMATCH} if the rules are not the award's;
     *                             {@link ObligationProblem#ILLEGAL_DECISION} or
     *                             {@link ObligationProblem#BREACH_AFTER_FULFILMENT} if the decisions do not fit
     */
    public static ObligationStatus evaluate(AwardFacts facts, ObligationRules rules, List<EmploymentEpisode> episodes,
                                            List<Deferral> deferrals, List<Decision> decisions, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        checkRules(facts, rules);
        EnumSet<ObligationReason> reasons = EnumSet.noneOf(ObligationReason.class);
        LocalDate studyEnd = facts.studyEnd();
        long endDay = studyEnd.toEpochDay();
        long firstEligible = endDay + 1;
        long asOfDay = asOf.toEpochDay();
        if (facts.actualEnd() == null && asOfDay > endDay) {
            reasons.add(ObligationReason.STUDY_END_PLANNED_ONLY);
        }

        long[] deferred = mergeDeferrals(deferrals, firstEligible);
        long deadlineDay = studyEnd.plusMonths(rules.returnDeadlineMonths()).toEpochDay();
        if (rules.deferralsExtendDeadline()) {
            for (long packed : deferred) {
                if (start(packed) <= deadlineDay) {
                    deadlineDay += length(packed);
                    reasons.add(ObligationReason.DEADLINE_EXTENDED_BY_DEFERRAL);
                }
            }
        }

        Replay replay = replay(decisions, asOfDay, reasons);
        ObligationState debt = replay.debt;
        long effective = debt == null ? asOfDay : Math.min(asOfDay, replay.breachDay);

        // Counted jobs, clipped to [day after study, effective date]; those with the regional term apart as well;
        // the return date on the way.
        long[] counted = new long[episodes.size()];
        long[] regional = new long[episodes.size()];
        int n = 0;
        int nr = 0;
        boolean anyCity = false;
        long jobReturn = Long.MAX_VALUE;
        for (EmploymentEpisode episode : episodes) {
            long s = episode.start().toEpochDay();
            long e = episode.end() == null ? Long.MAX_VALUE : episode.end().toEpochDay();
            if (s > effective) {
                continue;
            }
            if (s < firstEligible) {
                reasons.add(ObligationReason.WORK_BEFORE_STUDY_END_IGNORED);
                if (e < firstEligible) {
                    continue;
                }
                s = firstEligible;
                if (s > effective) {
                    continue;
                }
            }
            if (episode.inKazakhstan() && s < jobReturn) {
                jobReturn = s;
            }
            ObligationReason exclusion = rules.exclusion(episode);
            if (exclusion != null) {
                reasons.add(exclusion);
                continue;
            }
            ObligationReason specialty = rules.specialty(facts.field(), episode.isco());
            if (specialty == ObligationReason.SPECIALTY_NOT_MATCHED) {
                if (rules.specialtyCheck() == SpecialtyCheck.REQUIRED) {
                    reasons.add(specialty);
                    continue;
                }
                reasons.add(ObligationReason.SPECIALTY_NOT_MATCHED_FLAGGED);
            } else if (specialty != null) {
                reasons.add(specialty);
            }
            long packed = pack(s, Math.min(e, effective));
            counted[n++] = packed;
            if (rules.cityTerm(episode)) {
                anyCity = true;
            } else {
                regional[nr++] = packed;
            }
        }
        Arrays.sort(counted, 0, n);
        regional = mergeIntervals(regional, nr);
        nr = regional.length;

        long officerReturn = replay.returnDay == NONE ? Long.MAX_VALUE : Math.max(replay.returnDay, firstEligible);
        long returnDay = Math.min(jobReturn, officerReturn);
        boolean returned = returnDay <= effective;
        if (returned && officerReturn < jobReturn) {
            reasons.add(ObligationReason.RETURN_CONFIRMED_BY_OFFICER);
        }

        long anchor = n > 0 ? start(counted[0]) : firstEligible;
        if (n == 0) {
            reasons.add(ObligationReason.REQUIRED_DAYS_PROVISIONAL);
        }
        Terms terms = terms(facts, rules, LocalDate.ofEpochDay(anchor), anyCity, nr > 0, reasons);

        // Pass 1 over the sorted jobs: merge overlaps (and, under GRACE, short breaks) into blocks.
        long[] blocks = new long[n];
        int m = 0;
        long[] paused = new long[n];
        int np = 0;
        long[] graceGaps = new long[n];
        int ng = 0;
        if (n > 0) {
            long curStart = start(counted[0]);
            long curEnd = end(counted[0]);
            for (int i = 1; i <= n; i++) {
                long s = i < n ? start(counted[i]) : NONE;
                long e = i < n ? end(counted[i]) : NONE;
                if (i < n && s <= curEnd + 1) {
                    curEnd = Math.max(curEnd, e);
                    continue;
                }
                if (i < n && rules.gapMode() == GapMode.GRACE && s - curEnd - 1 <= rules.graceDays()) {
                    graceGaps[ng++] = curEnd + 1;
                    curEnd = Math.max(curEnd, e);
                    continue;
                }
                blocks[m++] = pack(curStart, curEnd);
                if (i < n) {
                    paused[np++] = pack(curEnd + 1, s - 1);
                    curStart = s;
                    curEnd = e;
                }
            }
        }

        // Pass 2: each block split where regional work begins and ends; every day adds its weight; the day the
        // weights reach the whole obligation is the fulfilment day. One weight everywhere unless terms differ by
        // place under PROPORTIONAL. Days in a credited grace break carry the city weight.
        long units = 0;
        long calendarDays = 0;
        long fulfilledDay = NONE;
        boolean lastRegional = false;
        int ri = 0;
        for (int b = 0; b < m; b++) {
            long p = start(blocks[b]);
            long blockEnd = end(blocks[b]);
            while (p <= blockEnd) {
                while (ri < nr && end(regional[ri]) < p) {
                    ri++;
                }
                boolean inRegion = ri < nr && start(regional[ri]) <= p;
                long pieceEnd = inRegion ? Math.min(blockEnd, end(regional[ri]))
                        : ri < nr ? Math.min(blockEnd, start(regional[ri]) - 1) : blockEnd;
                long w = inRegion ? terms.regionWeight : terms.cityWeight;
                long len = pieceEnd - p + 1;
                if (fulfilledDay == NONE && units + w * len >= terms.need) {
                    fulfilledDay = p + ceilDiv(terms.need - units, w) - 1;
                }
                units += w * len;
                calendarDays += len;
                lastRegional = inRegion;
                p = pieceEnd + 1;
            }
        }

        long longestBreak = 0;
        long lastEnd = NONE;
        if (m > 0) {
            if (returned && returnDay < anchor) {
                longestBreak = breakDays(returnDay, anchor - 1, deferred);
            }
            for (int i = 0; i < np; i++) {
                if (fulfilledDay == NONE || start(paused[i]) < fulfilledDay) {
                    reasons.add(ObligationReason.GAP_PAUSED);
                    longestBreak = Math.max(longestBreak, breakDays(start(paused[i]), end(paused[i]), deferred));
                }
            }
            for (int i = 0; i < ng; i++) {
                if (fulfilledDay == NONE || graceGaps[i] < fulfilledDay) {
                    reasons.add(ObligationReason.GAP_WITHIN_GRACE);
                }
            }
            lastEnd = end(blocks[m - 1]);
            if (fulfilledDay == NONE && lastEnd < effective) {
                longestBreak = Math.max(longestBreak, breakDays(lastEnd + 1, effective, deferred));
            }
        } else if (returned) {
            longestBreak = breakDays(returnDay, effective, deferred);
        }
        boolean workingNow = m > 0 && lastEnd == effective;
        if (rules.maxBreakDays() > 0 && longestBreak > rules.maxBreakDays()) {
            reasons.add(ObligationReason.BREAK_EXCEEDS_MAX);
        }
        if (returned && returnDay > deadlineDay) {
            reasons.add(ObligationReason.RETURNED_LATE);
        }

        // Figures in days of the term of the place worked last (or the city term before any work): "days left"
        // is then what is left if the scholar stays where they are.
        boolean regionalNow = terms.byPlace && lastRegional;
        if (regionalNow) {
            reasons.add(ObligationReason.REGIONAL_TERM);
        }
        long weightNow = regionalNow ? terms.regionWeight : terms.cityWeight;
        long required = terms.need / weightNow;
        boolean met = units >= terms.need;
        long left = met ? 0 : ceilDiv(terms.need - units, weightNow);
        long worked = met ? units / weightNow : required - left;
        int termYears = terms.mixed == MixedPlaces.LONGEST || !regionalNow ? terms.cityYears : terms.regionYears;

        ObligationState state;
        if (debt != null) {
            if (met) {
                throw new ObligationException(ObligationProblem.BREACH_AFTER_FULFILMENT, "decisions",
                        LocalDate.ofEpochDay(replay.breachDay), LocalDate.ofEpochDay(fulfilledDay));
            }
            state = debt;
            reasons.add(switch (debt) {
                case IN_BREACH -> ObligationReason.BREACH_DECLARED;
                case REPAYING -> ObligationReason.REPAYMENT_IN_PROGRESS;
                case REPAID -> ObligationReason.DEBT_REPAID;
                default -> ObligationReason.DEBT_WRITTEN_OFF;
            });
        } else if (asOfDay <= endDay) {
            state = ObligationState.STUDYING;
            reasons.add(ObligationReason.STUDY_IN_PROGRESS);
        } else if (met) {
            state = ObligationState.FULFILLED;
            reasons.add(ObligationReason.REQUIREMENT_MET);
        } else if (!workingNow && covers(deferrals, asOf)) {
            state = ObligationState.ABROAD_PERMITTED;
            reasons.add(ObligationReason.DEFERRAL_ACTIVE);
        } else if (units > 0) {
            state = ObligationState.WORKING_OFF;
            reasons.add(workingNow ? ObligationReason.CURRENTLY_WORKING : ObligationReason.NOT_CURRENTLY_WORKING);
        } else if (returned) {
            state = ObligationState.RETURNED;
            reasons.add(ObligationReason.NO_COUNTED_WORK_YET);
        } else if (asOfDay > deadlineDay) {
            state = ObligationState.OVERDUE;
            reasons.add(ObligationReason.RETURN_DEADLINE_PASSED);
        } else {
            state = ObligationState.GRADUATED;
            reasons.add(ObligationReason.AWAITING_RETURN);
        }

        boolean groundsBeyondOverdue = reasons.contains(ObligationReason.BREAK_EXCEEDS_MAX)
                || (rules.lateReturnBreach() && reasons.contains(ObligationReason.RETURNED_LATE));
        boolean eligible = state == ObligationState.OVERDUE || (groundsBeyondOverdue
                && state != ObligationState.STUDYING && state != ObligationState.FULFILLED && !state.isDebt());
        if (eligible) {
            reasons.add(ObligationReason.BREACH_ELIGIBLE);
        }
        boolean spentAssumed = facts.spentToDate() == null && (rules.repaymentBasis() == RepaymentBasis.SPENT
                || rules.repaymentBasis() == RepaymentBasis.SPENT_PRO_RATA);
        Repayment owed = debt != null ? repayment(facts, rules, required, left, terms.need, units) : null;
        // What a breach declared on asOf would cost: only where a breach can still be declared.
        Repayment ifDeclared = debt == null && state != ObligationState.FULFILLED
                ? repayment(facts, rules, required, left, terms.need, units) : null;
        if (spentAssumed && (owed != null || ifDeclared != null)) {
            reasons.add(ObligationReason.SPENT_NOT_RECORDED);
        }
        LocalDate projected = state == ObligationState.WORKING_OFF && workingNow
                ? LocalDate.ofEpochDay(effective + left) : null;
        LocalDate since = since(state, facts, replay, deferrals, asOf, deadlineDay, returnDay, anchor, fulfilledDay,
                workingNow && m > 0 ? start(blocks[m - 1]) : NONE);
        return new ObligationStatus(facts.awardId(), rules.version(), asOf, state, required, worked, left, studyEnd,
                LocalDate.ofEpochDay(deadlineDay), returned ? LocalDate.ofEpochDay(returnDay) : null,
                n > 0 ? LocalDate.ofEpochDay(anchor) : null,
                fulfilledDay == NONE ? null : LocalDate.ofEpochDay(fulfilledDay), projected, eligible,
                owed, new ArrayList<>(reasons), termYears, calendarDays, since, ifDeclared);
    }

    /** The terms an award's jobs are measured against, and the weight of a day in each kind of place. */
    private record Terms(int cityYears, int regionYears, boolean byPlace, MixedPlaces mixed, long cityWeight,
                         long regionWeight, long need) {
    }

    private static Terms terms(AwardFacts facts, ObligationRules rules, LocalDate anchor, boolean anyCity,
                               boolean anyRegion, EnumSet<ObligationReason> reasons) {
        int cityYears = rules.termYears(facts, true);
        int regionYears = rules.termYears(facts, false);
        if (ObligationRules.INTERNSHIP.equals(facts.degree())) {
            reasons.add(ObligationReason.INTERNSHIP_TERM);
        }
        if (facts.foreignGrant() && rules.foreignGrantYearsLess() > 0) {
            reasons.add(ObligationReason.FOREIGN_GRANT_REDUCTION);
        }
        if (facts.honours() && rules.honoursYearsLess() > 0) {
            reasons.add(ObligationReason.HONOURS_REDUCTION);
        }
        long cityDays = days(anchor, cityYears);
        if (!rules.termsByPlace(facts)) {
            return new Terms(cityYears, cityYears, false, rules.mixedPlaces(), 1, 1, cityDays);
        }
        long regionDays = days(anchor, regionYears);
        if (anyCity && anyRegion) {
            reasons.add(ObligationReason.MIXED_PLACES);
        }
        if (rules.mixedPlaces() == MixedPlaces.LONGEST) {
            // One weight: the whole obligation is measured in the longest term met so far (the city term before
            // any work, provisionally).
            boolean regionOnly = anyRegion && !anyCity;
            long need = regionOnly ? regionDays : anyRegion ? Math.max(cityDays, regionDays) : cityDays;
            int years = regionOnly ? regionYears : anyRegion ? Math.max(cityYears, regionYears) : cityYears;
            return new Terms(years, years, false, MixedPlaces.LONGEST, 1, 1, need);
        }
        // A city day is 1/cityDays of the obligation, a regional day 1/regionDays: in whole units, cityDays ×
        // regionDays in all, a city day regionDays units and a regional day cityDays units.
        return new Terms(cityYears, regionYears, true, MixedPlaces.PROPORTIONAL, regionDays, cityDays,
                cityDays * regionDays);
    }

    private static long days(LocalDate from, int years) {
        return ChronoUnit.DAYS.between(from, from.plusYears(years));
    }

    /** The day the state began, as far as the facts tell: what the status history records as effective. */
    private static LocalDate since(ObligationState state, AwardFacts facts, Replay replay, List<Deferral> deferrals,
                                   LocalDate asOf, long deadlineDay, long returnDay, long anchor, long fulfilledDay,
                                   long currentBlockStart) {
        return switch (state) {
            case STUDYING -> facts.studyStart();
            case GRADUATED -> facts.studyEnd().plusDays(1);
            case OVERDUE -> LocalDate.ofEpochDay(deadlineDay + 1);
            case RETURNED -> LocalDate.ofEpochDay(returnDay);
            case FULFILLED -> LocalDate.ofEpochDay(fulfilledDay);
            case ABROAD_PERMITTED -> deferrals.stream().filter(d -> !asOf.isBefore(d.from()) && !asOf.isAfter(d.to()))
                    .map(Deferral::from).min(Comparator.naturalOrder()).orElse(asOf);
            case WORKING_OFF -> {
                long day = currentBlockStart != NONE ? currentBlockStart : anchor;
                // Back from an approved stay abroad, the state is WORKING_OFF again from the day after it ended.
                for (Deferral d : deferrals) {
                    long after = d.to().toEpochDay() + 1;
                    if (currentBlockStart == NONE && after > day && after <= asOf.toEpochDay()) {
                        day = after;
                    }
                }
                yield LocalDate.ofEpochDay(day);
            }
            default -> LocalDate.ofEpochDay(replay.debtDay);
        };
    }

    /**
     * Evaluates many awards, each under the rules the book binds it to: the path for recomputing the whole
     * registry.
     *
     * @throws ObligationException as {@link #evaluate} and {@link RuleBook#forAward}, for the first award that fails
     */
    public static List<ObligationStatus> evaluateAll(RuleBook book, List<ObligationCase> cases, LocalDate asOf) {
        List<ObligationStatus> out = new ArrayList<>(cases.size());
        for (ObligationCase c : cases) {
            out.add(evaluate(c.facts(), book.forAward(c.facts()), c.episodes(), c.deferrals(), c.decisions(), asOf));
        }
        return out;
    }

    /** The days in {@code requiredYears} calendar years from {@code firstDay}: 365 or 366 per year. */
    public static long requiredDays(ObligationRules rules, LocalDate firstDay) {
        return ChronoUnit.DAYS.between(firstDay, firstDay.plusYears(rules.requiredYears()));
    }

    /**
     * What is still owed on {@code asOf}: the repayment's total less the payments received on or before that day,
     * never below zero (an overpayment is the officers' business, not a negative debt). The repayment is fixed on
     * the breach date, so payments are the only thing that moves this figure.
     */
    public static Money outstanding(Repayment repayment, List<Payment> payments, LocalDate asOf) {
        Objects.requireNonNull(repayment, "repayment");
        BigDecimal paid = BigDecimal.ZERO;
        for (Payment p : payments) {
            if (!p.date().isAfter(asOf)) {
                paid = paid.add(p.amount().amount());
            }
        }
        BigDecimal left = repayment.total().amount().subtract(paid);
        return Money.kzt(left.signum() < 0 ? BigDecimal.ZERO : left);
    }

    /**
     * What is owed with {@code workedDays} of {@code requiredDays} done, in one kind of place; also for showing
     * what a breach declared today would cost.
     */
    public static Repayment repayment(AwardFacts facts, ObligationRules rules, long requiredDays, long workedDays) {
        long unfulfilled = Math.max(0, requiredDays - workedDays);
        return repayment(facts, rules, requiredDays, unfulfilled, requiredDays, Math.min(workedDays, requiredDays));
    }

    /**
     * What is owed when {@code units} of {@code need} are worked off (see the weights in {@link #evaluate}); the
     * unfulfilled share is {@code (need - units) / need}, divided once, rounding the exact quotient.
     */
    static Repayment repayment(AwardFacts facts, ObligationRules rules, long requiredDays, long unfulfilledDays,
                               long need, long units) {
        RepaymentBasis basis = rules.repaymentBasis();
        boolean spentBased = basis == RepaymentBasis.SPENT || basis == RepaymentBasis.SPENT_PRO_RATA;
        BigDecimal base = (spentBased ? facts.spentOrBudget() : facts.funding()).amount();
        long open = Math.max(0, need - units);
        BigDecimal principal = basis == RepaymentBasis.FULL || basis == RepaymentBasis.SPENT
                ? base.setScale(0, RoundingMode.HALF_UP)
                : base.multiply(BigDecimal.valueOf(open)).divide(BigDecimal.valueOf(need), 0, RoundingMode.HALF_UP);
        BigDecimal penalty = principal.multiply(rules.penaltyRate()).setScale(0, RoundingMode.HALF_UP);
        return new Repayment(facts.funding(), requiredDays, unfulfilledDays, Money.kzt(principal), Money.kzt(penalty),
                Money.kzt(principal.add(penalty)), basis, spentBased ? facts.spentOrBudget() : null);
    }

    private static void checkRules(AwardFacts facts, ObligationRules rules) {
        if (!rules.programme().equals(facts.programme())) {
            throw new ObligationException(ObligationProblem.RULES_MISMATCH, "programme", rules.programme());
        }
        if (facts.ruleVersion() != null && facts.ruleVersion() != rules.version()) {
            throw new ObligationException(ObligationProblem.RULES_MISMATCH, "ruleVersion", rules.version());
        }
    }

    /** The officers' decisions up to {@code asOfDay}, replayed through the debt states. */
    private static Replay replay(List<Decision> decisions, long asOfDay, EnumSet<ObligationReason> reasons) {
        Replay replay = new Replay();
        if (decisions.isEmpty()) {
            return replay;
        }
        List<Decision> ordered = decisions;
        if (decisions.size() > 1) {
            ordered = new ArrayList<>(decisions);
            // Stable: two decisions of one day keep the order they were recorded in.
            ordered.sort(Comparator.comparing(Decision::date));
        }
        for (Decision decision : ordered) {
            long day = decision.date().toEpochDay();
            if (day > asOfDay) {
                break;
            }
            DecisionType type = decision.type();
            // Before any breach the exact computed state is not known here; FULFILLED is checked by the caller.
            ObligationState current = replay.debt == null ? ObligationState.WORKING_OFF : replay.debt;
            if (!type.allowedFrom(current)) {
                throw new ObligationException(ObligationProblem.ILLEGAL_DECISION, type.name(), decision.date());
            }
            switch (type) {
                case RETURN_CONFIRMED -> {
                    if (replay.returnDay == NONE) {
                        replay.returnDay = day;
                    }
                }
                case BREACH_DECLARED -> {
                    replay.debt = ObligationState.IN_BREACH;
                    replay.breachDay = day;
                    replay.debtDay = day;
                }
                case BREACH_CANCELLED -> {
                    replay.debt = null;
                    replay.breachDay = NONE;
                    reasons.add(ObligationReason.BREACH_CANCELLED_EARLIER);
                }
                default -> {
                    replay.debt = type.target();
                    replay.debtDay = day;
                }
            }
        }
        return replay;
    }

    private static final class Replay {
        ObligationState debt;
        long breachDay = NONE;
        long returnDay = NONE;
        long debtDay = NONE;
    }

    /** Deferral days after study, sorted, overlaps merged, packed like the jobs. */
    private static long[] mergeDeferrals(List<Deferral> deferrals, long firstEligible) {
        if (deferrals.isEmpty()) {
            return new long[0];
        }
        long[] packed = new long[deferrals.size()];
        int n = 0;
        for (Deferral d : deferrals) {
            long s = Math.max(d.from().toEpochDay(), firstEligible);
            long e = d.to().toEpochDay();
            if (e >= s) {
                packed[n++] = pack(s, e);
            }
        }
        Arrays.sort(packed, 0, n);
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (m > 0 && start(packed[i]) <= end(packed[m - 1]) + 1) {
                packed[m - 1] = pack(start(packed[m - 1]), Math.max(end(packed[m - 1]), end(packed[i])));
            } else {
                packed[m++] = packed[i];
            }
        }
        return Arrays.copyOf(packed, m);
    }

    /** Positive a over positive b, rounded up (Java 17 has no Math.ceilDiv). */
    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    /** The first {@code n} packed intervals, sorted, overlaps and touching intervals merged. */
    private static long[] mergeIntervals(long[] packed, int n) {
        Arrays.sort(packed, 0, n);
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (m > 0 && start(packed[i]) <= end(packed[m - 1]) + 1) {
                packed[m - 1] = pack(start(packed[m - 1]), Math.max(end(packed[m - 1]), end(packed[i])));
            } else {
                packed[m++] = packed[i];
            }
        }
        return Arrays.copyOf(packed, m);
    }

    /** Days from {@code from} to {@code to}, both included, that no deferral covers. */
    private static long breakDays(long from, long to, long[] deferred) {
        long days = to - from + 1;
        if (days <= 0) {
            return 0;
        }
        for (long packed : deferred) {
            long overlap = Math.min(to, end(packed)) - Math.max(from, start(packed)) + 1;
            if (overlap > 0) {
                days -= overlap;
            }
        }
        return days;
    }

    private static boolean covers(List<Deferral> deferrals, LocalDate day) {
        for (Deferral d : deferrals) {
            if (!day.isBefore(d.from()) && !day.isAfter(d.to())) {
                return true;
            }
        }
        return false;
    }

    // An interval as one long: the start epoch day in the high half (signed, so the natural order of longs is
    // the order of starts) and the length minus one in the low half. Sorting a long[] needs no boxing.
    private static long pack(long start, long end) {
        return (start << 32) | (end - start);
    }

    private static long start(long packed) {
        return packed >> 32;
    }

    private static long end(long packed) {
        return start(packed) + (packed & LOW_32);
    }

    private static long length(long packed) {
        return (packed & LOW_32) + 1;
    }
}
