package kz.agyn.residency.estimator;

/**
 * EMIGRATED against the truth of a synthetic country (deceased left out): the truth counts a person emigrated when
 * gone at least {@code minAbsence} months at the period's end ({@code Truth#emigratedAtEnd}).
 *
 * @param sinceWithinOneMonth share of true positives whose estimated month of leaving is within one month of the
 *                            truth
 */
public record Accuracy(long truePositives, long falsePositives, long falseNegatives, long uncertain,
                       double sinceWithinOneMonth) {

    public double precision() {
        return truePositives / (double) Math.max(1, truePositives + falsePositives);
    }

    public double recall() {
        return truePositives / (double) Math.max(1, truePositives + falseNegatives);
    }

    public long estimated() {
        return truePositives + falsePositives;
    }

    public long actual() {
        return truePositives + falseNegatives;
    }

    /** (estimated − actual) / actual. */
    public double countError() {
        return (estimated() - actual()) / (double) Math.max(1, actual());
    }
}
