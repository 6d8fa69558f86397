package kz.agyn.registry.cohorts;

import java.util.Arrays;

/** The primary and secondary suppression rule of {@link CohortTable}, shared with {@link KaplanMeier}. */
final class SmallCells {

    private SmallCells() {
    }

    /**
     * Marks each cell: PRIMARY if {@code 0 < size < minCell}; then, while fewer than two cells are hidden or the
     * hidden cells hold fewer than {@code minCell} in all, the smallest visible cell (the first of equals)
     * becomes SECONDARY. Cells of size 0 are never hidden: they have nothing to hide and their absence is
     * harmless, but they also shield nothing, so they are never picked as complements either.
     */
    static Suppression[] mark(long[] sizes, int minCell) {
        Suppression[] marks = new Suppression[sizes.length];
        Arrays.fill(marks, Suppression.NONE);
        int hidden = 0;
        long hiddenSize = 0;
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] > 0 && sizes[i] < minCell) {
                marks[i] = Suppression.PRIMARY;
                hidden++;
                hiddenSize += sizes[i];
            }
        }
        while (hidden > 0 && (hidden < 2 || hiddenSize < minCell)) {
            int next = -1;
            for (int i = 0; i < sizes.length; i++) {
                if (marks[i] == Suppression.NONE && sizes[i] > 0 && (next < 0 || sizes[i] < sizes[next])) {
                    next = i;
                }
            }
            if (next < 0) {
                break; // all hidden: the total is all that is left, and it is suppressed on its own if small
            }
            marks[next] = Suppression.SECONDARY;
            hidden++;
            hiddenSize += sizes[next];
        }
        return marks;
    }

    /** The mark of a total: PRIMARY if {@code 0 < size < minCell}. */
    static Suppression total(long size, int minCell) {
        return size > 0 && size < minCell ? Suppression.PRIMARY : Suppression.NONE;
    }
}
