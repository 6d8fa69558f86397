package kz.agyn.registry.cohorts;

import java.time.LocalDate;
import java.util.List;


/**
 * The cohort dashboard: aggregates only.
 *
 * @param programme   the programme, or null for all
 * @param asOf        the day the obligations were evaluated
 * @param asOfBasis   why that day: asked for, the demonstration day, or today (see {@link CohortService#defaultDay})
 * @param demonstrationDay the configured demonstration day, shown beside the default so a reader sees both
 * @param awards      awards counted (graduates or not)
 * @param synthetic   of them, from the synthetic registry: the figures are demonstration data when this is not 0
 * @param table       the breakdown table, suppressed for callers who may not see small numbers
 * @param table3      the note's Table 3 from the records, with the note's figures side by side
 * @param overall     time to return of all graduates
 * @param curves      time to return by group of the breakdown, suppressed like the table
 * @param noteSource  how the note cites the source of its Table 3
 * @param lostDuringStudy awards whose scholarship was withdrawn during study (not graduates, counted apart), or
 *                    null when blanked for a viewer (1 to 4)
 */
public record CohortReport(String programme, LocalDate asOf, AsOfBasis asOfBasis, LocalDate demonstrationDay,
                           Breakdown breakdown, SectorBasis basis, long awards,
                           long synthetic, CohortTable table, Table3 table3, KmCurve overall, List<KmCurve> curves,
                           String noteSource, Long lostDuringStudy) {
}
