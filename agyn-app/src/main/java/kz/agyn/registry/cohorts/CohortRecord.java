package kz.agyn.registry.cohorts;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import kz.agyn.registry.obligation.ObligationState;
import kz.agyn.registry.obligation.Sector;

/**
 * One award as cohort analytics sees it: no personal data, only what a cohort is grouped and counted by. The
 * storage layer builds these from the registry and the {@link kz.agyn.registry.obligation.ObligationStatus}
 * of each award as of one date, the same {@code asOf} that is then given to {@link CohortTable#build} and
 * {@link KaplanMeier#fit}.
 *
 * @param awardId       the award
 * @param programme     the programme code, e.g. "BOLASHAK"
 * @param callYear      the year of the call in which the award was made
 * @param degree        BACHELOR, MASTER, PHD or INTERNSHIP
 * @param field         ISCED-F 2013 two-digit field of study, or null if not recorded
 * @param hostCountry   ISO alpha-2 code of the host university's country, or null
 * @param sex           MALE or FEMALE (as derived from the IIN), or null
 * @param studyEnd      the last day of study, actual else planned
 * @param graduated     whether the scholar completed the study (study over and the scholarship not lost during it);
 *                      only graduates are counted
 * @param lostDuringStudy whether the scholarship was withdrawn during study: a standing breach declared on or
 *                      before the last day of study. Such a scholar is not a graduate, and not "abroad" in the
 *                      note's sense (which is about not coming back after graduating): a group of its own
 * @param returnedOn    the day the scholar was back in Kazakhstan, or null if not back
 * @param state         the obligation state as of {@code asOf}
 * @param firstSector   the sector of the first counted job after return, or null
 * @param currentSector the sector of the job held on {@code asOf}, or null
 * @param abroadNow     whether the scholar is abroad on {@code asOf} (never returned, or left again)
 * @param synthetic     whether the record comes from the synthetic registry generator
 */
public record CohortRecord(long awardId, String programme, int callYear, String degree, String field,
                           String hostCountry, String sex, LocalDate studyEnd, boolean graduated,
                           LocalDate returnedOn, ObligationState state, Sector firstSector, Sector currentSector,
                           boolean abroadNow, boolean synthetic, boolean lostDuringStudy) {

    /** A record of a scholar who did not lose the scholarship during study. */
    public CohortRecord(long awardId, String programme, int callYear, String degree, String field,
                        String hostCountry, String sex, LocalDate studyEnd, boolean graduated, LocalDate returnedOn,
                        ObligationState state, Sector firstSector, Sector currentSector, boolean abroadNow,
                        boolean synthetic) {
        this(awardId, programme, callYear, degree, field, hostCountry, sex, studyEnd, graduated, returnedOn, state,
                firstSector, currentSector, abroadNow, synthetic, false);
    }

    /** Degree levels a record may carry. */
    public static final Set<String> DEGREES = Set.of("BACHELOR", "MASTER", "PHD", "INTERNSHIP");

    /**
     * States in which a scholar who is not back is not (yet) expected back: still studying, within the return
     * deadline, or abroad on an approved deferral.
     */
    static final Set<ObligationState> NOT_YET_DUE = Set.of(ObligationState.STUDYING, ObligationState.GRADUATED,
            ObligationState.ABROAD_PERMITTED);

    public CohortRecord {
        Objects.requireNonNull(programme, "programme");
        Objects.requireNonNull(studyEnd, "studyEnd");
        Objects.requireNonNull(state, "state");
        if (lostDuringStudy && graduated) {
            throw new IllegalArgumentException("a scholarship lost during study is not a graduation");
        }
        if (!DEGREES.contains(degree)) {
            throw new IllegalArgumentException("degree must be one of " + DEGREES + ": " + degree);
        }
    }

    /** Whether the scholar was back in Kazakhstan on or before {@code asOf}. */
    public boolean returnedBy(LocalDate asOf) {
        return returnedOn != null && !returnedOn.isAfter(asOf);
    }

    /**
     * Whether the scholar is expected back by {@code asOf}: back already, or not back and the state is none of
     * STUDYING, GRADUATED (deadline not passed) or ABROAD_PERMITTED. The base of the return rate.
     */
    public boolean dueBy(LocalDate asOf) {
        return returnedBy(asOf) || !NOT_YET_DUE.contains(state);
    }

    /**
     * Whether the scholar counts as abroad on {@code asOf}: outside the not-yet-due states, and either never
     * back (overdue, or in a debt state without a return) or back and gone again ({@link #abroadNow}). A
     * scholar abroad on an approved deferral, or still within the return deadline, is not counted: the
     * programme expects them abroad.
     */
    public boolean abroadOn(LocalDate asOf) {
        return !lostDuringStudy && !NOT_YET_DUE.contains(state) && (!returnedBy(asOf) || abroadNow);
    }

    /**
     * Whether the scholar was due back by {@code asOf} (no deferral, deadline passed) and never came back. A
     * scholar who lost the scholarship during study never graduated and so was never due back as a graduate.
     */
    public boolean stayedAbroad(LocalDate asOf) {
        return !lostDuringStudy && !NOT_YET_DUE.contains(state) && !returnedBy(asOf);
    }

    /** The sector a returnee is split by under {@code basis}, or null if the scholar is not back or has no job. */
    public Sector sector(SectorBasis basis, LocalDate asOf) {
        if (!returnedBy(asOf)) {
            return null;
        }
        return basis == SectorBasis.FIRST_JOB ? firstSector : currentSector;
    }
}
