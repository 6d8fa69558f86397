package kz.agyn.registry.cohorts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kz.agyn.registry.obligation.ObligationState;
import kz.agyn.registry.obligation.Sector;

/**
 * Graduates of a set of awards grouped by one {@link Breakdown}, with the shares of {@link CohortRow} per group
 * and for the total. Only records with {@code graduated} set count; awards still in study or abandoned are
 * outside every base.
 *
 * <h2>Small cells</h2>
 * A group with fewer than {@code minCell} graduates (default {@value #DEFAULT_MIN_CELL}) is marked
 * {@link Suppression#PRIMARY}. Because the total is shown in full, hiding one small row is not enough: the total
 * minus the visible rows would give it back. So, while fewer than two rows are hidden, or the hidden rows
 * together hold fewer than {@code minCell} graduates, the visible row with the fewest graduates (ties by key) is
 * also hidden, as {@link Suppression#SECONDARY}. What a viewer can then recover by subtraction is only the sum
 * of at least two hidden rows, and that sum is at least {@code minCell} whenever the table has enough rows to
 * make it so. The total row is itself primary-suppressed when it has fewer than {@code minCell} graduates.
 *
 * <p>The rule protects each table on its own; it does not stop differencing between two breakdowns of the same
 * population (by sex and by degree, say), nor does it hide small counts inside a large row (one scholar in
 * breach among fifty). {@link #visibleTo} applies it.
 *
 * @param breakdown          what the rows group by
 * @param asOf               the date every record's state refers to
 * @param minCell            the smallest group shown to every viewer
 * @param sectorBasis        which job puts a returnee in a sector
 * @param rows               the groups, by key, "not recorded" (null) last
 * @param total              all graduates
 * @param syntheticGraduates how many graduates come from the synthetic generator, for labelling the table
 * @param blanked            whether suppressed rows have been blanked
 */
public record CohortTable(Breakdown breakdown, LocalDate asOf, int minCell, SectorBasis sectorBasis,
                          List<CohortRow> rows, CohortRow total, long syntheticGraduates, boolean blanked) {

    /** The minimum cell size unless configured otherwise. */
    public static final int DEFAULT_MIN_CELL = 5;

    private static final Comparator<String> KEY_ORDER = Comparator.nullsLast(Comparator.naturalOrder());

    public CohortTable {
        rows = List.copyOf(rows);
    }

    /** The table with the default minimum cell and sector basis. */
    public static CohortTable build(Collection<CohortRecord> records, Breakdown breakdown, LocalDate asOf) {
        return build(records, breakdown, asOf, DEFAULT_MIN_CELL, SectorBasis.FIRST_JOB);
    }

    /**
     * Groups and counts {@code records}, marking suppressed rows; nothing is blanked yet.
     *
     * @param minCell at least 1; 1 marks nothing
     */
    public static CohortTable build(Collection<CohortRecord> records, Breakdown breakdown, LocalDate asOf,
                                    int minCell, SectorBasis sectorBasis) {
        Objects.requireNonNull(breakdown, "breakdown");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(sectorBasis, "sectorBasis");
        if (minCell < 1) {
            throw new IllegalArgumentException("minCell must be at least 1: " + minCell);
        }
        Map<String, Tally> groups = new LinkedHashMap<>();
        Tally all = new Tally();
        long synthetic = 0;
        for (CohortRecord r : records) {
            if (!r.graduated()) {
                continue;
            }
            all.add(r, asOf, sectorBasis);
            groups.computeIfAbsent(breakdown.keyOf(r), k -> new Tally()).add(r, asOf, sectorBasis);
            if (r.synthetic()) {
                synthetic++;
            }
        }
        List<String> keys = new ArrayList<>(groups.keySet());
        keys.sort(KEY_ORDER);
        long[] sizes = keys.stream().mapToLong(k -> groups.get(k).n).toArray();
        Suppression[] marks = SmallCells.mark(sizes, minCell);
        List<CohortRow> rows = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            rows.add(groups.get(keys.get(i)).row(keys.get(i), marks[i]));
        }
        CohortRow total = all.row(null, SmallCells.total(all.n, minCell));
        return new CohortTable(breakdown, asOf, minCell, sectorBasis, rows, total, synthetic, false);
    }

    /**
     * The table as a viewer may see it: unchanged for a viewer allowed to see small numbers, else with every
     * suppressed row (primary or secondary, and the total if it is suppressed) {@linkplain CohortRow#blank
     * blanked}. The total of a larger table stays exact; the secondary suppression is what keeps that safe.
     */
    public CohortTable visibleTo(boolean maySeeSmallCells) {
        if (maySeeSmallCells || blanked) {
            return this;
        }
        List<CohortRow> shown = rows.stream().map(r -> r.suppressed() ? r.blank() : r).toList();
        return new CohortTable(breakdown, asOf, minCell, sectorBasis, shown,
                total.suppressed() ? total.blank() : total, syntheticGraduates, true);
    }

    /** The row of a group, or null; {@code key} null finds the "not recorded" group. */
    public CohortRow row(String key) {
        return rows.stream().filter(r -> Objects.equals(r.key(), key)).findFirst().orElse(null);
    }

    /** Counts of one group as records are added. */
    private static final class Tally {
        long n;
        long abroad;
        long returned;
        long due;
        long fulfilled;
        long debt;
        long withSector;
        final long[] states = new long[ObligationState.values().length];
        final long[] sectors = new long[SectorGroup.values().length];

        void add(CohortRecord r, LocalDate asOf, SectorBasis basis) {
            n++;
            states[r.state().ordinal()]++;
            if (r.abroadOn(asOf)) {
                abroad++;
            }
            if (r.returnedBy(asOf)) {
                returned++;
            }
            if (r.dueBy(asOf)) {
                due++;
            }
            if (r.state() == ObligationState.FULFILLED) {
                fulfilled++;
            }
            if (r.state().isDebt()) {
                debt++;
            }
            Sector sector = r.sector(basis, asOf);
            if (sector != null) {
                withSector++;
                sectors[SectorGroup.of(sector).ordinal()]++;
            }
        }

        CohortRow row(String key, Suppression suppression) {
            Map<ObligationState, Share> byState = new EnumMap<>(ObligationState.class);
            for (ObligationState s : ObligationState.values()) {
                byState.put(s, Share.of(states[s.ordinal()], n));
            }
            Map<SectorGroup, Share> bySector = new EnumMap<>(SectorGroup.class);
            for (SectorGroup g : SectorGroup.values()) {
                bySector.put(g, Share.of(sectors[g.ordinal()], withSector));
            }
            return new CohortRow(key, n, suppression, Share.of(abroad, n), Share.of(returned, due),
                    Share.of(debt, n), Share.of(fulfilled, fulfilled + debt), byState, bySector);
        }
    }
}
