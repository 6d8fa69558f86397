package kz.agyn.registry.cohorts;

/**
 * Why the cohort dashboard describes the day it does. Said on the page and in the API answer, so that the day
 * never changes under a reader without a word (issue 15: the first real record used to move every reader's
 * default from the note's day to today silently).
 */
public enum AsOfBasis {
    /** The reader asked for the day. */
    ASKED,
    /** Every award held is synthetic: the demonstration's day, on which the synthetic world ends. */
    DEMONSTRATION,
    /** The registry holds real records (or none): today. */
    TODAY
}
