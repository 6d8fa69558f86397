package kz.agyn.registry.cohorts;

import java.time.LocalDate;
import kz.agyn.registry.obligation.ObligationState;
import kz.agyn.registry.obligation.Sector;

/** Terse builders of cohort records for tests. */
final class Records {

    static final LocalDate AS_OF = LocalDate.of(2025, 1, 1);

    private Records() {
    }

    private static long next = 1;

    /** A graduate of 2020, MASTER, field 04, in GB, female, not synthetic. */
    static CohortRecord graduate(ObligationState state, LocalDate returnedOn, Sector first, Sector current,
                                 boolean abroadNow) {
        return new CohortRecord(next++, "BOLASHAK", 2018, "MASTER", "04", "GB", "FEMALE",
                LocalDate.of(2020, 6, 30), true, returnedOn, state, first, current, abroadNow, false);
    }

    /** A record with the given study end and return, for time-to-return tests. */
    static CohortRecord timed(LocalDate studyEnd, LocalDate returnedOn) {
        return new CohortRecord(next++, "BOLASHAK", studyEnd.getYear() - 2, "PHD", "05", "US", "MALE", studyEnd,
                true, returnedOn, returnedOn == null ? ObligationState.OVERDUE : ObligationState.WORKING_OFF,
                null, null, returnedOn == null, false);
    }

    /** The same record with another sex, to move it to another group of {@link Breakdown#SEX}. */
    static CohortRecord withSex(CohortRecord r, String sex) {
        return new CohortRecord(r.awardId(), r.programme(), r.callYear(), r.degree(), r.field(), r.hostCountry(),
                sex, r.studyEnd(), r.graduated(), r.returnedOn(), r.state(), r.firstSector(), r.currentSector(),
                r.abroadNow(), r.synthetic());
    }
}
