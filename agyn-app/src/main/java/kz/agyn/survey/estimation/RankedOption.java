package kz.agyn.survey.estimation;

import java.util.List;

/**
 * An option's place in a {@link Ranking}.
 *
 * @param option                      the option's code
 * @param share                       its estimated share
 * @param rank                        its observed rank, 1 for the largest share (ties broken by the
 *                                    order in which the options were given)
 * @param probabilityOfRank           the share of draws in which it held exactly this rank
 * @param mostLikelyRank              the rank it held most often (the smaller rank on a tie)
 * @param probabilityOfMostLikelyRank the share of draws in which it held that rank
 * @param rankProbabilities           element {@code r − 1} is the share of draws in which it held rank r
 */
public record RankedOption(String option, double share, int rank, double probabilityOfRank, int mostLikelyRank,
                           double probabilityOfMostLikelyRank, List<Double> rankProbabilities) {

    public RankedOption {
        rankProbabilities = List.copyOf(rankProbabilities);
    }
}
