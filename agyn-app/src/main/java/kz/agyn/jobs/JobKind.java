package kz.agyn.jobs;

/**
 * What a job does. One list for every feature, so that the Jobs page can filter by kind and name each in the
 * reader's language ({@code jobs.kind.*}); a feature adding long work adds its kind here.
 */
public enum JobKind {
    /** A file sent to the warehouse being read and checked. */
    WAREHOUSE_CHECK,
    /** A checked file being written as a new version of its dataset. */
    WAREHOUSE_WRITE,
    /** A dataset fetched again from its source's API. */
    WAREHOUSE_REFRESH,
    /** Files of the scholarship registry being checked and written. */
    REGISTRY_IMPORT,
    /** The registry's personal data encrypted again under the current key. */
    REGISTRY_REKEY,
    /** The registry's name search keys made for rows recorded before them (transliteration-aware search). */
    REGISTRY_NAME_INDEX,
    /** The registry's monitoring pass: obligations re-evaluated, officers' tasks opened and closed. */
    REGISTRY_MONITORING,
    /** Awards of one obligation rule version moved to the version in force on their award date (decision 0027). */
    REGISTRY_REBIND,
    /** Survey responses being imported. */
    SURVEY_IMPORT,
    /** Policy scenarios simulated against the baseline (issue 17). */
    SCENARIO_RUN,
    /** Many warehouse series forecast at once (e.g. every region × occupation group), each stored (kz.agyn.forecast). */
    FORECAST,
    /** A synthetic country generated and hidden emigration estimated from it, aggregates stored (issue 20). */
    RESIDENCY_RUN,
    /** An analytical note written from a template and stored with what it was written from (issue 19). */
    NOTE_ISSUE
}
