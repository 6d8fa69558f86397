package kz.agyn.scenario.engine;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One scenario's levers; the baseline is {@link #none()}. Money in KZT, rates as fractions (0.30 = +30%). An
 * empty lever keeps the baseline of {@link Context}. Units: research budget KZT a year (total, not the increase);
 * research jobs positions (total); tax holiday years of no income tax for those who return; housing support KZT a
 * year per beneficiary (specialists under 35 in Kazakhstan); partnerships agreements with foreign universities
 * (total); fairness index 0..1.
 */
public record Levers(List<PayChange> payChanges, OptionalDouble researchBudgetKzt, OptionalInt researchJobs,
                     Optional<ReturneeSupplement> returneeSupplement, OptionalInt taxHolidayYears,
                     OptionalDouble housingSupportKzt, OptionalInt partnerships, OptionalDouble fairnessIndex) {

    public Levers {
        payChanges = List.copyOf(payChanges);
        check(researchBudgetKzt, "research budget");
        check(housingSupportKzt, "housing support");
        if (researchJobs.isPresent() && researchJobs.getAsInt() < 0) {
            throw new IllegalArgumentException("research jobs must not be negative, was " + researchJobs.getAsInt());
        }
        if (taxHolidayYears.isPresent()
                && (taxHolidayYears.getAsInt() < 0 || taxHolidayYears.getAsInt() > RunSpec.MAX_HORIZON)) {
            throw new IllegalArgumentException(
                    "tax holiday must be 0.." + RunSpec.MAX_HORIZON + " years, was " + taxHolidayYears.getAsInt());
        }
        if (partnerships.isPresent() && partnerships.getAsInt() < 0) {
            throw new IllegalArgumentException("partnerships must not be negative, was " + partnerships.getAsInt());
        }
        if (fairnessIndex.isPresent()
                && !(fairnessIndex.getAsDouble() >= 0 && fairnessIndex.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("fairness index must be 0..1, was " + fairnessIndex.getAsDouble());
        }
    }

    private static void check(OptionalDouble value, String what) {
        if (value.isPresent() && !(value.getAsDouble() >= 0 && Double.isFinite(value.getAsDouble()))) {
            throw new IllegalArgumentException(what + " must not be negative, was " + value.getAsDouble());
        }
    }

    public static Levers none() {
        return new Levers(List.of(), OptionalDouble.empty(), OptionalInt.empty(), Optional.empty(),
                OptionalInt.empty(), OptionalDouble.empty(), OptionalInt.empty(), OptionalDouble.empty());
    }

    public Levers withPayChanges(List<PayChange> changes) {
        return new Levers(changes, researchBudgetKzt, researchJobs, returneeSupplement, taxHolidayYears,
                housingSupportKzt, partnerships, fairnessIndex);
    }

    public Levers withResearchBudgetKzt(double kzt) {
        return new Levers(payChanges, OptionalDouble.of(kzt), researchJobs, returneeSupplement, taxHolidayYears,
                housingSupportKzt, partnerships, fairnessIndex);
    }

    public Levers withResearchJobs(int jobs) {
        return new Levers(payChanges, researchBudgetKzt, OptionalInt.of(jobs), returneeSupplement, taxHolidayYears,
                housingSupportKzt, partnerships, fairnessIndex);
    }

    public Levers withReturneeSupplement(ReturneeSupplement supplement) {
        return new Levers(payChanges, researchBudgetKzt, researchJobs, Optional.of(supplement), taxHolidayYears,
                housingSupportKzt, partnerships, fairnessIndex);
    }

    public Levers withTaxHolidayYears(int years) {
        return new Levers(payChanges, researchBudgetKzt, researchJobs, returneeSupplement, OptionalInt.of(years),
                housingSupportKzt, partnerships, fairnessIndex);
    }

    public Levers withHousingSupportKzt(double kzt) {
        return new Levers(payChanges, researchBudgetKzt, researchJobs, returneeSupplement, taxHolidayYears,
                OptionalDouble.of(kzt), partnerships, fairnessIndex);
    }

    public Levers withPartnerships(int agreements) {
        return new Levers(payChanges, researchBudgetKzt, researchJobs, returneeSupplement, taxHolidayYears,
                housingSupportKzt, OptionalInt.of(agreements), fairnessIndex);
    }

    public Levers withFairnessIndex(double index) {
        return new Levers(payChanges, researchBudgetKzt, researchJobs, returneeSupplement, taxHolidayYears,
                housingSupportKzt, partnerships, OptionalDouble.of(index));
    }
}
