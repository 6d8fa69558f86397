package kz.agyn.survey.estimation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Estimates by group ("by region", "by age group"): each group is a domain of the full design, so its
 * variance keeps the full stratum sizes (R's {@code svyby}). Groups and cells with fewer respondents than
 * the {@link MinimumCellSize} are returned without estimates. Respondents whose group is {@code null}
 * belong to no group.
 */
public final class Breakdown {

    private Breakdown() {
    }

    /** Shares of a single-choice question by group; groups in order of first appearance. */
    public static List<GroupShares> singleChoice(SurveyDesign design, List<String> answers, List<String> options,
                                                 List<String> groups, EstimationSettings settings,
                                                 MinimumCellSize rule) {
        design.requireAligned(groups, "groups");
        List<GroupShares> result = new ArrayList<>();
        for (String g : distinct(groups)) {
            boolean[] in = member(groups, g);
            int respondents = 0;
            int[] counts = new int[options.size()];
            for (int i = 0; i < in.length; i++) {
                if (in[i] && answers.get(i) != null) {
                    respondents++;
                    int j = options.indexOf(answers.get(i));
                    if (j < 0) {
                        throw new IllegalArgumentException("respondent " + i + " chose an unknown option "
                                + answers.get(i));
                    }
                    counts[j]++;
                }
            }
            result.add(group(design, answers, options, settings, rule, g, in, respondents, counts, false));
        }
        return result;
    }

    /** Shares of each option of a multiple-choice question by group. */
    public static List<GroupShares> multipleChoice(SurveyDesign design, List<? extends Set<String>> answers,
                                                   List<String> options, List<String> groups,
                                                   EstimationSettings settings, MinimumCellSize rule) {
        design.requireAligned(groups, "groups");
        List<GroupShares> result = new ArrayList<>();
        for (String g : distinct(groups)) {
            boolean[] in = member(groups, g);
            int respondents = 0;
            int[] counts = new int[options.size()];
            for (int i = 0; i < in.length; i++) {
                if (in[i] && answers.get(i) != null) {
                    respondents++;
                    for (int j = 0; j < options.size(); j++) {
                        if (answers.get(i).contains(options.get(j))) {
                            counts[j]++;
                        }
                    }
                }
            }
            result.add(group(design, answers, options, settings, rule, g, in, respondents, counts, true));
        }
        return result;
    }

    /** The mean of a numeric question by group. */
    public static List<GroupMean> mean(SurveyDesign design, List<Double> values, List<String> groups,
                                       EstimationSettings settings, MinimumCellSize rule) {
        design.requireAligned(groups, "groups");
        List<GroupMean> result = new ArrayList<>();
        for (String g : distinct(groups)) {
            boolean[] in = member(groups, g);
            int respondents = 0;
            for (int i = 0; i < in.length; i++) {
                if (in[i] && values.get(i) != null) {
                    respondents++;
                }
            }
            result.add(new GroupMean(g, respondents,
                    rule.apply(respondents, () -> Estimation.mean(design, values, settings, in))));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static GroupShares group(SurveyDesign design, List<?> answers, List<String> options,
                                     EstimationSettings settings, MinimumCellSize rule, String g, boolean[] in,
                                     int respondents, int[] counts, boolean multiple) {
        List<OptionCell> cells = new ArrayList<>();
        if (rule.suppressed(respondents)) {
            for (int j = 0; j < options.size(); j++) {
                cells.add(new OptionCell(options.get(j), counts[j], Optional.empty()));
            }
            return new GroupShares(g, respondents, true, cells);
        }
        ShareTable table = multiple
                ? Estimation.multipleChoice(design, (List<? extends Set<String>>) answers, options, settings, in)
                : Estimation.singleChoice(design, (List<String>) answers, options, settings, in);
        for (int j = 0; j < options.size(); j++) {
            ShareEstimate e = table.shares().get(j);
            cells.add(new OptionCell(options.get(j), counts[j], rule.apply(counts[j], () -> e)));
        }
        return new GroupShares(g, respondents, false, cells);
    }

    private static Set<String> distinct(List<String> groups) {
        Set<String> seen = new LinkedHashSet<>();
        for (String g : groups) {
            if (g != null) {
                seen.add(g);
            }
        }
        return seen;
    }

    private static boolean[] member(List<String> groups, String g) {
        boolean[] in = new boolean[groups.size()];
        for (int i = 0; i < in.length; i++) {
            in[i] = Objects.equals(groups.get(i), g);
        }
        return in;
    }
}
