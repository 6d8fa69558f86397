package kz.agyn.measure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import kz.agyn.reference.Names;

/**
 * An adopted measure: what it is, who carries it out and on what basis, with what budget, and the KPI that tells
 * whether it works, from its baseline to its target by the deadline.
 *
 * @param id         the measure's number
 * @param names      its name in kk, ru and en
 * @param owner      the body responsible, in kk, ru and en
 * @param legalBasis the act it rests on, as written (a document's title and number), or null
 * @param budgetKzt  its budget in tenge, or null if none was stated
 * @param kpi        how the KPI's actual values are found
 * @param unit       the KPI's unit
 * @param baseline   the KPI's value in the baseline year
 * @param target     the value to reach by the target year
 * @param deadline   the day the measure is to have reached its target
 * @param status     where the measure stands as a decision
 * @param fromNote   whether it is one of the analytical note's recommendations, seeded at first start
 * @param updatedBy  who changed it last
 * @param updatedAt  when
 */
public record Measure(long id, Names names, Names owner, String legalBasis, BigDecimal budgetKzt, KpiFormula kpi,
                      KpiUnit unit, YearValue baseline, YearValue target, LocalDate deadline, MeasureStatus status,
                      boolean fromNote, String updatedBy, Instant updatedAt) {

    /**
     * A KPI value of a year.
     *
     * @param value the value, in the KPI's unit
     * @param year  the year
     */
    public record YearValue(BigDecimal value, int year) {
    }

    /** Whether the target lies above the baseline (more is better); a lower target means less is better. */
    public boolean upwards() {
        return target.value().compareTo(baseline.value()) >= 0;
    }
}
