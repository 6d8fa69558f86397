package kz.agyn.registry.cohorts;

import java.util.function.Function;

/** What a cohort table groups graduates by; the key of a record is a string, null when not recorded. */
public enum Breakdown {
    /** The year study ended (actual, else planned). */
    GRADUATION_YEAR(r -> Integer.toString(r.studyEnd().getYear())),
    /** The year of the call. */
    CALL_YEAR(r -> Integer.toString(r.callYear())),
    /** ISO alpha-2 code of the host country. */
    HOST_COUNTRY(CohortRecord::hostCountry),
    /** ISCED-F two-digit field. */
    FIELD(CohortRecord::field),
    /** BACHELOR, MASTER, PHD or INTERNSHIP. */
    DEGREE(CohortRecord::degree),
    /** MALE or FEMALE. */
    SEX(CohortRecord::sex);

    private final Function<CohortRecord, String> key;

    Breakdown(Function<CohortRecord, String> key) {
        this.key = key;
    }

    /** The group a record falls in, or null if the record lacks the attribute. */
    public String keyOf(CohortRecord record) {
        return key.apply(record);
    }
}
