package kz.agyn.registry.cohorts;

import static kz.agyn.registry.cohorts.Records.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kz.agyn.registry.obligation.ObligationState;
import kz.agyn.registry.obligation.Sector;
import org.junit.jupiter.api.Test;

/**
 * The note's Table 3 against a registry. The note's figures are those of migration V3 (dataset
 * note-2024-11-06): 14,033 scholars, 1,000+ graduates a year, 10% abroad, 15/70/15% of returnees in the
 * public sector, the private sector and research.
 */
class Table3Test {

    static final NoteFigures NOTE = new NoteFigures(14_033L, 1_000L, 0.10, 0.15, 0.70, 0.15);

    /**
     * {@code graduates} graduates over ten graduation years, {@code abroad} of them overdue abroad, the rest
     * back with first jobs split public/private/research as given (public alternating PUBLIC and
     * QUASI_PUBLIC, private alternating PRIVATE and NGO).
     */
    static List<CohortRecord> registry(int graduates, int abroad, int pub, int research) {
        List<CohortRecord> out = new ArrayList<>();
        for (int i = 0; i < graduates; i++) {
            LocalDate end = LocalDate.of(2010 + i % 10, 6, 30);
            int returnee = i - abroad;
            Sector sector = null;
            if (returnee >= 0) {
                sector = returnee < pub ? (returnee % 2 == 0 ? Sector.PUBLIC : Sector.QUASI_PUBLIC)
                        : returnee < pub + research ? Sector.RESEARCH_HE
                        : returnee % 2 == 0 ? Sector.PRIVATE : Sector.NGO;
            }
            boolean back = returnee >= 0;
            out.add(new CohortRecord(i, "BOLASHAK", end.getYear() - 2, "MASTER", "04", "GB", "MALE", end, true,
                    back ? end.plusMonths(2) : null, back ? ObligationState.FULFILLED : ObligationState.OVERDUE,
                    sector, sector, !back, true));
        }
        return out;
    }

    @Test
    void aRegistryLikeTheNoteAgreesWithinSamplingError() {
        // 14,000 graduates; 1,420 abroad (10.14%); of 12,580 returnees 1,900 public (15.10%), 1,850 research
        // (14.71%), 8,830 private (70.19%)
        Table3 t = Table3.compute(registry(14_000, 1_420, 1_900, 1_850), AS_OF, NOTE, SectorBasis.FIRST_JOB);
        assertThat(t.graduates()).isEqualTo(14_000);
        assertThat(t.noteScholars()).isEqualTo(14_033);
        assertThat(t.graduatesPerYear()).isEqualTo(1_400.0);
        assertThat(t.abroad().computed().value()).isCloseTo(1_420 / 14_000.0, within(1e-15));
        assertThat(t.privateSector().computed().count()).isEqualTo(8_830);
        assertThat(t.privateSector().computed().base()).isEqualTo(12_580);
        assertThat(t.figures()).extracting(Table3.Figure::code).containsExactly(NoteFigures.ABROAD,
                NoteFigures.PUBLIC, NoteFigures.PRIVATE, NoteFigures.RESEARCH);
        assertThat(t.figures()).allMatch(Table3.Figure::withinSamplingError);
        assertThat(t.allWithinSamplingError()).isTrue();
        assertThat(t.abroad().difference()).isCloseTo(0.0014285714285714, within(1e-12));
    }

    @Test
    void aRegistryUnlikeTheNoteSaysSo() {
        // 2% abroad, as the operator publishes, and a third of returnees in research
        Table3 t = Table3.compute(registry(10_000, 200, 1_500, 3_300), AS_OF, NOTE, SectorBasis.FIRST_JOB);
        assertThat(t.abroad().withinSamplingError()).isFalse();
        assertThat(t.research().withinSamplingError()).isFalse();
        assertThat(t.allWithinSamplingError()).isFalse();
    }

    @Test
    void anEmptyRegistryAgreesWithNothing() {
        Table3 t = Table3.compute(List.of(), AS_OF, NOTE, SectorBasis.FIRST_JOB);
        assertThat(t.graduates()).isZero();
        assertThat(t.graduatesPerYear()).isZero();
        assertThat(t.abroad().withinSamplingError()).isFalse();
        assertThat(t.abroad().difference()).isNull();
    }
}
