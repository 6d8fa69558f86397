package kz.agyn.survey;

/**
 * How the survey's own margins were given: counts of persons, or shares of the population that each question's
 * categories sum to 1. Shares are scaled to the sum of the design weights (the population the design implies),
 * as R's {@code rake()} is given {@code share × sum(weights(design))}.
 */
public enum MarginTargets {
    COUNT,
    SHARE
}
