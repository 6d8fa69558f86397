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

        // Counted jobs, clipped to [day after study, effective date]; the return date on the way.
        long[] counted = new long[episodes.size()];
        int n = 0;
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
            counted[n++] = pack(s, Math.min(e, effective));
        }
        Arrays.sort(counted, 0, n);

        long officerReturn = replay.returnDay == NONE ? Long.MAX_VALUE : Math.max(replay.returnDay, firstEligible);
        long returnDay = Math.min(jobReturn, officerReturn);
        boolean returned = returnDay <= effective;
        if (returned && officerReturn < jobReturn) {
            reasons.add(ObligationReason.RETURN_CONFIRMED_BY_OFFICER);
        }

        long anchor = n > 0 ? start(counted[0]) : firstEligible;
        long required = requiredDays(rules, LocalDate.ofEpochDay(anchor));
        if (n == 0) {
            reasons.add(ObligationReason.REQUIRED_DAYS_PROVISIONAL);
        }

        // One pass over the sorted jobs: merge overlaps, credit or pause on gaps, find the fulfilment day.
        long worked = 0;
        long fulfilledDay = NONE;
        long longestBreak = 0;
        long lastEnd = NONE;
        if (n > 0) {
            if (returned && returnDay < anchor) {
                longestBreak = breakDays(returnDay, anchor - 1, deferred);
            }
            long curStart = start(counted[0]);
            long curEnd = end(counted[0]);
            for (int i = 1; i <= n; i++) {
                long s = i < n ? start(counted[i]) : NONE;
                long e = i < n ? end(counted[i]) : NONE;
                if (i < n && s <= curEnd + 1) {
                    curEnd = Math.max(curEnd, e);
                    continue;
                }
                boolean beforeFulfilment = worked + (curEnd - curStart + 1) < required;
                if (i < n && rules.gapMode() == GapMode.GRACE && s - curEnd - 1 <= rules.graceDays()) {
                    if (beforeFulfilment) {
                        reasons.add(ObligationReason.GAP_WITHIN_GRACE);
                    }
                    curEnd = Math.max(curEnd, e);
                    continue;
                }
                long length = curEnd - curStart + 1;
                if (fulfilledDay == NONE && worked + length >= required) {
                    fulfilledDay = curStart + (required - worked) - 1;
                }
                worked += length;
                if (i < n) {
                    if (beforeFulfilment) {
                        reasons.add(ObligationReason.GAP_PAUSED);
                        longestBreak = Math.max(longestBreak, breakDays(curEnd + 1, s - 1, deferred));
                    }
                    curStart = s;
                    curEnd = e;
                }
            }
            lastEnd = curEnd;
            if (fulfilledDay == NONE && lastEnd < effective) {
                longestBreak = Math.max(longestBreak, breakDays(lastEnd + 1, effective, deferred));
            }
        } else if (returned) {
            longestBreak = breakDays(returnDay, effective, deferred);
        }
        boolean workingNow = n > 0 && lastEnd == effective;
        if (rules.maxBreakDays() > 0 && longestBreak > rules.maxBreakDays()) {
            reasons.add(ObligationReason.BREAK_EXCEEDS_MAX);
        }
        if (returned && returnDay > deadlineDay) {
            reasons.add(ObligationReason.RETURNED_LATE);
        }

        ObligationState state;
        if (debt != null) {
            if (worked >= required) {
                throw new ObligationException(ObligationProblem.BREACH_AFTER_FULFILMENT, "decisions",
                        LocalDate.ofEpochDay(replay.breachDay));
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
        } else if (worked >= required) {
            state = ObligationState.FULFILLED;
            reasons.add(ObligationReason.REQUIREMENT_MET);
        } else if (!workingNow && covers(deferrals, asOf)) {
            state = ObligationState.ABROAD_PERMITTED;
            reasons.add(ObligationReason.DEFERRAL_ACTIVE);
        } else if (worked > 0) {
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

        boolean eligible = state == ObligationState.OVERDUE || (reasons.contains(ObligationReason.BREAK_EXCEEDS_MAX)
                && state != ObligationState.STUDYING && state != ObligationState.FULFILLED && !state.isDebt());
        if (eligible) {
            reasons.add(ObligationReason.BREACH_ELIGIBLE);
        }
        long left = Math.max(0, required - worked);
        LocalDate projected = state == ObligationState.WORKING_OFF && workingNow
                ? LocalDate.ofEpochDay(effective + left) : null;
        return new ObligationStatus(facts.awardId(), rules.version(), asOf, state, required, worked, left, studyEnd,
                LocalDate.ofEpochDay(deadlineDay), returned ? LocalDate.ofEpochDay(returnDay) : null,
                n > 0 ? LocalDate.ofEpochDay(anchor) : null,
                fulfilledDay == NONE ? null : LocalDate.ofEpochDay(fulfilledDay), projected, eligible,
                debt == null ? null : repayment(facts, rules, required, worked), new ArrayList<>(reasons));
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
     * What is owed with {@code workedDays} of {@code requiredDays} done; also for showing what a breach
     * declared today would cost.
     */
    public static Repayment repayment(AwardFacts facts, ObligationRules rules, long requiredDays, long workedDays) {
        long unfulfilled = Math.max(0, requiredDays - workedDays);
        BigDecimal funding = facts.funding().amount();
        BigDecimal principal = rules.repaymentBasis() == RepaymentBasis.FULL
                ? funding.setScale(0, RoundingMode.HALF_UP)
                // Divided once, rounding the exact quotient: no intermediate rounding of a daily rate.
                : funding.multiply(BigDecimal.valueOf(unfulfilled))
                        .divide(BigDecimal.valueOf(requiredDays), 0, RoundingMode.HALF_UP);
        BigDecimal penalty = principal.multiply(rules.penaltyRate()).setScale(0, RoundingMode.HALF_UP);
        return new Repayment(facts.funding(), requiredDays, unfulfilled, Money.kzt(principal), Money.kzt(penalty),
                Money.kzt(principal.add(penalty)));
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
                }
                case BREACH_CANCELLED -> {
                    replay.debt = null;
                    replay.breachDay = NONE;
                    reasons.add(ObligationReason.BREACH_CANCELLED_EARLIER);
                }
                default -> replay.debt = type.target();
            }
        }
        return replay;
    }

    private static final class Replay {
        ObligationState debt;
        long breachDay = NONE;
        long returnDay = NONE;
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
