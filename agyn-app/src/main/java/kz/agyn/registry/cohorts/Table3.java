package kz.agyn.registry.cohorts;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The note's Table 3 recomputed from the registry: for each share, the note's figure, the registry's with its
 * Wilson 95% interval, and whether the note's figure lies within that interval, i.e. whether the registry
 * agrees with the note within sampling error. The shares are those of the total row of a {@link CohortTable}
 * over the records given (filter them to one programme first), except abroad: the note counts it over all
 * scholarship holders ("1,400 of the 14,033 scholarship holders stayed abroad", summarised as 10%) and counts
 * those who stayed, so here it is the awards past the return deadline (no deferral) and never back, over every
 * award given, students included. Returnees who later left again are in the cohort table's abroad share, not
 * here: the note's row is about not coming back. The sectors are shares
 * of returnees with a job recorded.
 *
 * <p>Counts are set side by side without a test: the registry is a census of its awards, not a sample, so
 * 14,033 against the registry's count is a difference of coverage, not of chance. Graduates per year is the
 * registry's graduates divided by the number of distinct graduation years among them.
 *
 * @param asOf             the date of the states
 * @param sectorBasis      which job placed returnees in sectors
 * @param graduates        graduates in the registry
 * @param noteScholars     the note's scholarship holders, or null
 * @param graduatesPerYear the registry's mean graduates per graduation year (0 when there are none)
 * @param noteGraduatesPerYear the note's graduates a year, or null
 * @param abroad           share abroad, of all scholarship holders
 * @param publicSector     returnees in the public sector
 * @param privateSector    returnees in the private sector
 * @param research         returnees in research
 */
public record Table3(LocalDate asOf, SectorBasis sectorBasis, long graduates, Long noteScholars,
                     double graduatesPerYear, Long noteGraduatesPerYear, Figure abroad, Figure publicSector,
                     Figure privateSector, Figure research) {

    /**
     * One share of the table.
     *
     * @param code     the note figure's code, see {@link NoteFigures}
     * @param note     the note's value, a fraction
     * @param computed the registry's share with its interval
     * @param withinSamplingError whether {@code note} lies in the computed 95% interval
     */
    public record Figure(String code, double note, Share computed, boolean withinSamplingError) {

        static Figure of(String code, double note, Share computed) {
            return new Figure(code, note, computed, computed.covers(note));
        }

        /** Registry minus note, in fraction points; null when the registry has no base. */
        public Double difference() {
            return computed.defined() ? computed.value() - note : null;
        }
    }

    /** Table 3 for {@code records} as of {@code asOf}. */
    public static Table3 compute(Collection<CohortRecord> records, LocalDate asOf, NoteFigures note,
                                 SectorBasis sectorBasis) {
        Objects.requireNonNull(note, "note");
        CohortTable byYear = CohortTable.build(records, Breakdown.GRADUATION_YEAR, asOf, 1, sectorBasis);
        CohortRow t = byYear.total();
        long years = byYear.rows().size();
        double perYear = years == 0 ? 0 : (double) t.graduates() / years;
        return new Table3(asOf, sectorBasis, t.graduates(), note.scholars(), perYear, note.graduatesPerYear(),
                Figure.of(NoteFigures.ABROAD, note.abroad(), Share.of(
                        records.stream().filter(r -> r.stayedAbroad(asOf)).count(), records.size())),
                Figure.of(NoteFigures.PUBLIC, note.publicSector(), t.sector(SectorGroup.PUBLIC)),
                Figure.of(NoteFigures.PRIVATE, note.privateSector(), t.sector(SectorGroup.PRIVATE)),
                Figure.of(NoteFigures.RESEARCH, note.research(), t.sector(SectorGroup.RESEARCH)));
    }

    /** The four shares in the table's order. */
    public List<Figure> figures() {
        return List.of(abroad, publicSector, privateSector, research);
    }

    /** Whether every share of the note lies within the registry's 95% interval. */
    public boolean allWithinSamplingError() {
        return figures().stream().allMatch(Figure::withinSamplingError);
    }
}
