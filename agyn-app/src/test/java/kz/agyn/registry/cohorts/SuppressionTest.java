package kz.agyn.registry.cohorts;

import static kz.agyn.registry.cohorts.Records.AS_OF;
import static kz.agyn.registry.cohorts.Suppression.NONE;
import static kz.agyn.registry.cohorts.Suppression.PRIMARY;
import static kz.agyn.registry.cohorts.Suppression.SECONDARY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import kz.agyn.registry.obligation.ObligationState;
import kz.agyn.registry.obligation.Sector;
import org.junit.jupiter.api.Test;

/** Small cells: which are hidden, and that the visible numbers do not give a hidden one back. */
class SuppressionTest {

    @Test
    void noSmallCellNothingHidden() {
        assertThat(SmallCells.mark(new long[] {5, 10, 7}, 5)).containsExactly(NONE, NONE, NONE);
    }

    @Test
    void oneSmallCellTakesTheNextSmallestWithIt() {
        assertThat(SmallCells.mark(new long[] {20, 3, 8, 30}, 5)).containsExactly(NONE, PRIMARY, SECONDARY, NONE);
    }

    @Test
    void smallCellsTogetherBelowTheMinimumTakeAnotherWithThem() {
        // 1 + 1 = 2 < 5 would tell that the two hidden rows hold 2 graduates between them
        assertThat(SmallCells.mark(new long[] {20, 1, 1, 30}, 5))
                .containsExactly(SECONDARY, PRIMARY, PRIMARY, NONE);
    }

    @Test
    void twoSmallCellsAddingUpToTheMinimumAreEnough() {
        assertThat(SmallCells.mark(new long[] {20, 2, 3, 30}, 5)).containsExactly(NONE, PRIMARY, PRIMARY, NONE);
    }

    @Test
    void tiesPickTheFirst() {
        assertThat(SmallCells.mark(new long[] {9, 9, 2}, 5)).containsExactly(SECONDARY, NONE, PRIMARY);
    }

    @Test
    void aTwoRowTableWithASmallRowHidesBoth() {
        assertThat(SmallCells.mark(new long[] {2, 50}, 5)).containsExactly(PRIMARY, SECONDARY);
        assertThat(SmallCells.total(52, 5)).isEqualTo(NONE);
        assertThat(SmallCells.total(4, 5)).isEqualTo(PRIMARY);
        assertThat(SmallCells.total(0, 5)).isEqualTo(NONE);
    }

    @Test
    void minimumOfOneHidesNothing() {
        assertThat(SmallCells.mark(new long[] {1, 1, 2}, 1)).containsExactly(NONE, NONE, NONE);
    }

    /** Graduates of one host country each: 12 in DE, 3 in FR, 7 in GB, 40 in US. */
    static List<CohortRecord> byCountry() {
        List<CohortRecord> out = new ArrayList<>();
        String[] countries = {"DE", "FR", "GB", "US"};
        int[] sizes = {12, 3, 7, 40};
        long id = 1;
        for (int c = 0; c < countries.length; c++) {
            for (int i = 0; i < sizes[c]; i++) {
                boolean back = i % 3 != 0;
                out.add(new CohortRecord(id++, "BOLASHAK", 2015, "MASTER", "06", countries[c],
                        i % 2 == 0 ? "MALE" : "FEMALE", AS_OF.minusYears(3), true,
                        back ? AS_OF.minusYears(2) : null,
                        back ? ObligationState.WORKING_OFF : ObligationState.OVERDUE,
                        back ? Sector.PRIVATE : null, back ? Sector.PRIVATE : null, !back, true));
            }
        }
        return out;
    }

    @Test
    void blankingHidesSmallRowsAndTheirComplementButKeepsTheTotalExact() {
        CohortTable full = CohortTable.build(byCountry(), Breakdown.HOST_COUNTRY, AS_OF);
        assertThat(full.rows()).extracting(CohortRow::suppression).containsExactly(NONE, PRIMARY, SECONDARY, NONE);
        assertThat(full.visibleTo(true)).isSameAs(full);
        assertThat(full.syntheticGraduates()).isEqualTo(62);

        CohortTable shown = full.visibleTo(false);
        assertThat(shown.blanked()).isTrue();
        assertThat(shown.visibleTo(false)).isSameAs(shown);
        assertThat(shown.total()).isEqualTo(full.total());
        CohortRow fr = shown.row("FR");
        assertThat(fr.graduates()).isNull();
        assertThat(fr.suppression()).isEqualTo(PRIMARY);
        assertThat(fr.abroad()).isEqualTo(Share.HIDDEN);
        assertThat(fr.states().values()).containsOnly(Share.HIDDEN).hasSize(ObligationState.values().length);
        assertThat(fr.sectors().values()).containsOnly(Share.HIDDEN).hasSize(SectorGroup.values().length);
        assertThat(shown.row("GB").graduates()).isNull();
        assertThat(shown.row("DE").graduates()).isEqualTo(12);
        assertThat(shown.row("DE")).isEqualTo(full.row("DE"));

        // What subtraction gives back: the hidden rows together, never one alone, and not a small number.
        long visible = shown.rows().stream().filter(r -> r.graduates() != null).mapToLong(CohortRow::graduates)
                .sum();
        long hidden = shown.total().graduates() - visible;
        assertThat(hidden).isEqualTo(10).isGreaterThanOrEqualTo(full.minCell());
        assertThat(shown.rows().stream().filter(r -> r.graduates() == null)).hasSize(2);
        // the same holds for every count within the rows, since a hidden row hides all of them
        long visibleAbroad = shown.rows().stream().filter(r -> r.graduates() != null)
                .mapToLong(r -> r.abroad().count()).sum();
        assertThat(shown.total().abroad().count() - visibleAbroad)
                .isEqualTo(full.row("FR").abroad().count() + full.row("GB").abroad().count());
    }

    @Test
    void aSmallPopulationHidesItsTotalToo() {
        List<CohortRecord> few = byCountry().subList(12, 15); // the three in FR
        CohortTable shown = CohortTable.build(few, Breakdown.HOST_COUNTRY, AS_OF).visibleTo(false);
        assertThat(shown.total().suppression()).isEqualTo(PRIMARY);
        assertThat(shown.total().graduates()).isNull();
        assertThat(shown.rows()).singleElement().satisfies(r -> assertThat(r.graduates()).isNull());
    }
}
