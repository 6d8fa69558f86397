package kz.agyn.survey;

import java.util.List;

/**
 * A survey's links: how many are in each state, and the latest ones (at most {@value FormService#LISTED}).
 *
 * @param defaultDays how long a link issued without a choice stays usable
 * @param maxDays     the longest a link may be made to last
 */
public record SurveyLinks(long open, long used, long expired, long revoked, List<SurveyLink> latest,
                          int defaultDays, int maxDays) {

    public long total() {
        return open + used + expired + revoked;
    }
}
