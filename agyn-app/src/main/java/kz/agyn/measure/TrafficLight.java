package kz.agyn.measure;

/** The board's verdict on a measure's KPI (rule: decision 0039, {@link StatusRule}). */
public enum TrafficLight {
    /** The target is reached, or the projection reaches it by the deadline. */
    ON_TRACK,
    /** The projection falls short, but the favourable end of its interval reaches the target. */
    AT_RISK,
    /** Even the favourable end of the projection's interval falls short, or the deadline passed short of it. */
    OFF_TRACK,
    /** No actual value to judge by. */
    NO_DATA
}
