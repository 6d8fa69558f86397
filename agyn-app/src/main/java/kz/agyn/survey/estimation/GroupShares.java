package kz.agyn.survey.estimation;

import java.util.List;

/**
 * The shares of a question's options within one group (a region, an age group), estimated as a domain
 * of the full design: R's {@code svyby(~q, ~group, design, svymean)}.
 *
 * @param group       the group's code
 * @param respondents respondents of the group (unweighted) who answered the question
 * @param suppressed  true when the group itself has too few respondents: then every cell is suppressed
 * @param cells       one cell per option, in the order the options were given
 */
public record GroupShares(String group, int respondents, boolean suppressed, List<OptionCell> cells) {

    public GroupShares {
        cells = List.copyOf(cells);
    }
}
