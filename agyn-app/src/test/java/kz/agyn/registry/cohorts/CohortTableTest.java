package kz.agyn.registry.cohorts;

import static kz.agyn.registry.cohorts.Records.AS_OF;
import static kz.agyn.registry.cohorts.Records.graduate;
import static kz.agyn.registry.obligation.ObligationState.ABROAD_PERMITTED;
import static kz.agyn.registry.obligation.ObligationState.FULFILLED;
import static kz.agyn.registry.obligation.ObligationState.GRADUATED;
import static kz.agyn.registry.obligation.ObligationState.IN_BREACH;
import static kz.agyn.registry.obligation.ObligationState.OVERDUE;
import static kz.agyn.registry.obligation.ObligationState.RETURNED;
import static kz.agyn.registry.obligation.ObligationState.STUDYING;
import static kz.agyn.registry.obligation.ObligationState.WORKING_OFF;
import static kz.agyn.registry.obligation.Sector.NGO;
import static kz.agyn.registry.obligation.Sector.PRIVATE;
import static kz.agyn.registry.obligation.Sector.PUBLIC;
import static kz.agyn.registry.obligation.Sector.QUASI_PUBLIC;
import static kz.agyn.registry.obligation.Sector.RESEARCH_HE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kz.agyn.registry.obligation.ObligationState;
import org.junit.jupiter.api.Test;

/**
 * Shares and intervals on a cohort small enough to count by hand. The Wilson bounds are the formula of
 * {@link Share} evaluated in Python's float arithmetic (the same IEEE doubles), written out to 17 digits; the
 * four textbook cases are the values published by Newcombe (Stat. Med. 1998;17:857–872, table II, method 3),
 * to the four decimals printed there.
 */
class CohortTableTest {

    private static final LocalDate BACK = LocalDate.of(2020, 9, 1);

    /**
     * Ten graduates and one scholar still studying:
     * <pre>
     *  #  state             back  first job    current job  abroad now
     *  1  WORKING_OFF       yes   PRIVATE      RESEARCH_HE
     *  2  WORKING_OFF       yes   PUBLIC       PUBLIC
     *  3  FULFILLED         yes   RESEARCH_HE  RESEARCH_HE
     *  4  FULFILLED         yes   QUASI_PUBLIC -
     *  5  RETURNED          yes   -            -
     *  6  OVERDUE           no    -            -            yes
     *  7  IN_BREACH         no    -            -            yes
     *  8  GRADUATED         no    -            -            yes  (within the deadline)
     *  9  ABROAD_PERMITTED  no    -            -            yes  (deferral)
     * 10  FULFILLED         yes   NGO          -            yes  (left after fulfilling)
     *  -  STUDYING, not a graduate: outside every base
     * </pre>
     */
    static List<CohortRecord> tiny() {
        List<CohortRecord> r = new ArrayList<>();
        r.add(graduate(WORKING_OFF, BACK, PRIVATE, RESEARCH_HE, false));
        r.add(graduate(WORKING_OFF, BACK, PUBLIC, PUBLIC, false));
        r.add(graduate(FULFILLED, BACK, RESEARCH_HE, RESEARCH_HE, false));
        r.add(graduate(FULFILLED, BACK, QUASI_PUBLIC, null, false));
        r.add(graduate(RETURNED, BACK, null, null, false));
        r.add(graduate(OVERDUE, null, null, null, true));
        r.add(graduate(IN_BREACH, null, null, null, true));
        r.add(graduate(GRADUATED, null, null, null, true));
        r.add(graduate(ABROAD_PERMITTED, null, null, null, true));
        r.add(graduate(FULFILLED, BACK, NGO, null, true));
        CohortRecord s = graduate(STUDYING, null, null, null, true);
        r.add(new CohortRecord(s.awardId(), s.programme(), s.callYear(), s.degree(), s.field(), s.hostCountry(),
                s.sex(), LocalDate.of(2026, 6, 30), false, null, STUDYING, null, null, true, false));
        return r;
    }

    private static void assertShare(Share s, long count, long base, double lower, double upper) {
        assertThat(s.count()).isEqualTo(count);
        assertThat(s.base()).isEqualTo(base);
        assertThat(s.value()).isCloseTo((double) count / base, within(1e-15));
        assertThat(s.lower()).isCloseTo(lower, within(1e-12));
        assertThat(s.upper()).isCloseTo(upper, within(1e-12));
    }

    @Test
    void wilsonMatchesNewcombesPublishedIntervals() {
        assertThat(Share.of(81, 263).lower()).isCloseTo(0.2553, within(5e-5));
        assertThat(Share.of(81, 263).upper()).isCloseTo(0.3662, within(5e-5));
        assertThat(Share.of(15, 148).lower()).isCloseTo(0.0624, within(5e-5));
        assertThat(Share.of(15, 148).upper()).isCloseTo(0.1605, within(5e-5));
        assertThat(Share.of(0, 20).lower()).isZero();
        assertThat(Share.of(0, 20).upper()).isCloseTo(0.1611, within(5e-5));
        assertThat(Share.of(1, 29).lower()).isCloseTo(0.0061, within(5e-5));
        assertThat(Share.of(1, 29).upper()).isCloseTo(0.1718, within(5e-5));
    }

    @Test
    void wilsonEdges() {
        Share none = Share.of(0, 0);
        assertThat(none.defined()).isFalse();
        assertThat(none.value()).isNull();
        assertThat(none.covers(0.5)).isFalse();
        assertShare(Share.of(10, 10), 10, 10, 0.7224672001371107, 1.0);
        assertShare(Share.of(0, 10), 0, 10, 0.0, 0.2775327998628892);
        assertThatThrownBy(() -> Share.of(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Share.of(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void handCountedShares() {
        CohortTable t = CohortTable.build(tiny(), Breakdown.DEGREE, AS_OF);
        CohortRow total = t.total();
        assertThat(total.graduates()).isEqualTo(10);
        // abroad: #6 overdue, #7 in breach without return, #10 gone after fulfilling; not #8, #9
        assertShare(total.abroad(), 3, 10, 0.10779126740630099, 0.6032218525388546);
        // back: 1-5 and 10; due: all but #8 (within deadline) and #9 (deferral)
        assertShare(total.returnRate(), 6, 8, 0.40927543031016883, 0.9285207872478909);
        assertShare(total.workingOff(), 2, 10, 0.05668215145437519, 0.5098375284633583);
        assertShare(total.fulfilled(), 3, 10, 0.10779126740630099, 0.6032218525388546);
        assertShare(total.state(IN_BREACH), 1, 10, 0.017876213095072868, 0.4041500267952385);
        assertShare(total.state(ObligationState.REPAID), 0, 10, 0.0, 0.2775327998628892);
        assertShare(total.debt(), 1, 10, 0.017876213095072868, 0.4041500267952385);
        // fulfilled 3 of the 4 obligations that ended (3 fulfilled + 1 breach)
        assertShare(total.fulfilmentRate(), 3, 4, 0.30064184258240184, 0.9544127391902995);
        // first jobs: PRIVATE, PUBLIC, RESEARCH_HE, QUASI_PUBLIC→public, NGO→private; #5 has none
        assertShare(total.sector(SectorGroup.PUBLIC), 2, 5, 0.11762077423264783, 0.769275718723987);
        assertShare(total.sector(SectorGroup.PRIVATE), 2, 5, 0.11762077423264783, 0.769275718723987);
        assertShare(total.sector(SectorGroup.RESEARCH), 1, 5, 0.036224108632430085, 0.6244653702374747);
        assertThat(total.states().values().stream().mapToLong(Share::count).sum()).isEqualTo(10);
        assertThat(total.state(STUDYING).count()).isZero();
        assertThat(t.rows()).singleElement().satisfies(r -> assertThat(r.key()).isEqualTo("MASTER"));
    }

    @Test
    void currentJobsSplitDifferently() {
        CohortTable t = CohortTable.build(tiny(), Breakdown.SEX, AS_OF, 5, SectorBasis.CURRENT_JOB);
        // current jobs: RESEARCH_HE, PUBLIC, RESEARCH_HE; #4 and #10 have none now
        assertThat(t.total().sector(SectorGroup.PUBLIC).count()).isEqualTo(1);
        assertThat(t.total().sector(SectorGroup.RESEARCH).count()).isEqualTo(2);
        assertThat(t.total().sector(SectorGroup.PRIVATE).count()).isZero();
        assertThat(t.total().sector(SectorGroup.PUBLIC).base()).isEqualTo(3);
    }

    @Test
    void returnAfterAsOfDoesNotCount() {
        List<CohortRecord> r = List.of(graduate(WORKING_OFF, AS_OF.plusDays(1), PRIVATE, PRIVATE, false));
        CohortRow total = CohortTable.build(r, Breakdown.DEGREE, AS_OF, 1, SectorBasis.FIRST_JOB).total();
        assertThat(total.returnRate().count()).isZero();
        assertThat(total.abroad().count()).isEqualTo(1);
        assertThat(total.sector(SectorGroup.PRIVATE).base()).isZero();
    }

    @Test
    void missingKeysGroupLast() {
        List<CohortRecord> r = new ArrayList<>(tiny());
        r.set(0, Records.withSex(r.get(0), null));
        r.set(1, Records.withSex(r.get(1), "MALE"));
        CohortTable t = CohortTable.build(r, Breakdown.SEX, AS_OF, 1, SectorBasis.FIRST_JOB);
        assertThat(t.rows()).extracting(CohortRow::key).containsExactly("FEMALE", "MALE", null);
        assertThat(t.rows()).extracting(CohortRow::graduates).containsExactly(8L, 1L, 1L);
        assertThat(t.row(null).graduates()).isEqualTo(1);
    }

    @Test
    void unknownDegreeIsRefused() {
        assertThatThrownBy(() -> new CohortRecord(1, "BOLASHAK", 2018, "DIPLOMA", "04", "GB", "MALE",
                LocalDate.of(2020, 6, 30), true, null, GRADUATED, null, null, true, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
