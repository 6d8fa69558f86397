package kz.agyn.measure;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A measure as a user submits it, to create one or to replace one's fields; {@link MeasureService} checks it
 * and names the first thing wrong in the user's language. Every field may be missing here, so that a missing one
 * is told as such rather than as unreadable input.
 *
 * @param filters the warehouse filter in its text form, {@code OCCUPATION=21, REGION=750000000}
 * @param status  null for {@link MeasureStatus#ADOPTED}
 */
public record MeasureDraft(String nameKk, String nameRu, String nameEn, String ownerKk, String ownerRu,
                           String ownerEn, String legalBasis, BigDecimal budgetKzt, KpiSource kpiSource,
                           KpiUnit kpiUnit, String indicator, String dataset, String filters,
                           RegistryFormula registryFormula, BigDecimal baselineValue, Integer baselineYear,
                           BigDecimal targetValue, Integer targetYear, LocalDate deadline, MeasureStatus status) {

    /** The draft of an existing measure, to edit. */
    public static MeasureDraft of(Measure m) {
        return new MeasureDraft(m.names().kk(), m.names().ru(), m.names().en(), m.owner().kk(), m.owner().ru(),
                m.owner().en(), m.legalBasis(), m.budgetKzt(), m.kpi().source(), m.unit(), m.kpi().indicator(),
                m.kpi().dataset(), m.kpi().filtersText(), m.kpi().registry(), m.baseline().value(),
                m.baseline().year(), m.target().value(), m.target().year(), m.deadline(), m.status());
    }
}
