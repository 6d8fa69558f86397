package kz.agyn.registry.cohorts.web;

import java.util.List;

import kz.agyn.registry.cohorts.CohortReport;
import kz.agyn.registry.cohorts.Share;
import kz.agyn.registry.cohorts.Suppression;

/**
 * The cohort report as the page and the exports show it to one reader, in their language and with what they may
 * not see already removed: the page and both files are written from this one object, so they cannot differ in
 * what they disclose. Public records, because the page's expressions read them.
 *
 * @param report         the report as computed (for its filter, date and counts; its figures are read through
 *                       the fields below, which are suppressed for the reader)
 * @param registrySource how the registry column is labelled, saying when the records are synthetic
 * @param synthetic      whether any record counted is synthetic
 * @param noteSource     the note's citation of its Table 3
 * @param table3         the note's Table 3 figures and the registry's, side by side
 * @param groupHeading   the name of the breakdown, heading the group column
 * @param columns        the share columns of the breakdown table
 * @param lines          the groups of the breakdown
 * @param total          all graduates
 * @param blanked        whether small cells are blanked for this reader
 * @param anySuppressed  whether any group is marked as a small cell (blanked or, for privileged readers, flagged)
 * @param minCell        the smallest group shown to every reader
 * @param milestones     months after the end of study at which the share not yet back is given
 * @param survival       time to return: all graduates first, then each group
 */
public record CohortView(CohortReport report, String registrySource, boolean synthetic, String noteSource,
                         List<Table3Line> table3, String groupHeading, List<Column> columns, List<Line> lines,
                         Line total, boolean blanked, boolean anySuppressed, int minCell, List<Integer> milestones,
                         List<Survival> survival) {

    /**
     * One figure of the note's Table 3.
     *
     * @param code     the note figure's code, or a name for the counts
     * @param label    the figure in the reader's language
     * @param share    whether the figure is a share (else a count)
     * @param note     the note's value
     * @param registry the registry's value, or null if none or hidden from this reader
     * @param lower    the registry's 95% lower bound (shares only)
     * @param upper    the registry's 95% upper bound (shares only)
     * @param within   whether the note's value lies within the registry's interval; null for counts or if hidden
     * @param hidden   whether the registry's value rests on fewer than the minimum cell and is hidden from this reader
     */
    public record Table3Line(String code, String label, boolean share, Double note, Double registry, Double lower,
                             Double upper, Boolean within, boolean hidden) {
    }

    /**
     * A column of the breakdown table.
     *
     * @param code  a stable name, used in the CSV
     * @param label the heading
     * @param hint  the definition, or null
     */
    public record Column(String code, String label, String hint) {
    }

    /**
     * A group of the breakdown table.
     *
     * @param key         the group's key, null for "not recorded" and for the total
     * @param label       the group in the reader's language
     * @param graduates   graduates, or null if blanked
     * @param shares      one per {@link #columns}, {@link Share#HIDDEN} if blanked
     * @param suppression whether and why the group is a small cell
     * @param reason      the reason in words, or null
     */
    public record Line(String key, String label, Long graduates, List<Share> shares, Suppression suppression,
                       String reason) {

        public boolean hidden() {
            return graduates == null && suppression != Suppression.NONE;
        }

        public boolean flagged() {
            return suppression != Suppression.NONE;
        }
    }

    /**
     * Time to return of one group, read off its Kaplan–Meier curve.
     *
     * @param key          the group, null for all graduates or "not recorded"
     * @param label        the group in the reader's language
     * @param overall      whether this is the curve of all graduates
     * @param subjects     graduates observed, or null if hidden
     * @param returns      of them, back, or null if hidden
     * @param median       median months to return, null if not reached or hidden
     * @param medianLower  its 95% lower bound in months, or null
     * @param medianUpper  its 95% upper bound in months, or null
     * @param notBack      share not yet back at each milestone; null where hidden or past the observed time
     * @param suppression  whether and why the curve is a small cell
     */
    public record Survival(String key, String label, boolean overall, Long subjects, Long returns, Double median,
                           Double medianLower, Double medianUpper, List<Double> notBack, Suppression suppression) {

        public boolean hidden() {
            return subjects == null;
        }
    }
}
