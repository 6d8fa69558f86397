package kz.agyn.costmodel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One occupation as the breakdown by occupation needs it: its pay and, when the data give it, what share of
 * each education level's emigrants work in it.
 *
 * @param code        the occupation's code, an ISCO-08 major group ("0" to "9") or "_U" for unknown
 * @param monthlyPay  its pay, KZT a month; null when there is no figure, and each level's pay stands in
 * @param levelShares by {@link EducationLevel} ordinal, the share of that level's emigrants in this occupation;
 *                    empty when no cross-table of emigrants by occupation and education is known
 */
public record OccupationMix(String code, Double monthlyPay, List<Double> levelShares) {

    public OccupationMix {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("an occupation needs a code");
        }
        if (monthlyPay != null && (!Double.isFinite(monthlyPay) || monthlyPay < 0)) {
            throw new CostModelException(CostModelException.Problem.OUT_OF_UNIT_RANGE, "pay " + code, monthlyPay);
        }
        // List.copyOf refuses nulls, and a share that is not a number would poison every total.
        List<Double> shares = new ArrayList<>(levelShares == null ? List.of() : levelShares);
        if (!shares.isEmpty() && shares.size() != EducationLevel.values().length) {
            throw new IllegalArgumentException("one share per education level, or none");
        }
        for (Double s : shares) {
            if (s == null || !(s >= 0 && s <= 1)) {
                throw new CostModelException(CostModelException.Problem.OUT_OF_UNIT_RANGE, "share " + code, s);
            }
        }
        levelShares = Collections.unmodifiableList(shares);
    }

    /** Whether the cross-table gives this occupation's shares of the education levels. */
    public boolean hasShares() {
        return !levelShares.isEmpty();
    }

    /** The same occupation with another pay (null: each level's pay). */
    public OccupationMix withPay(Double pay) {
        return new OccupationMix(code, pay, levelShares);
    }
}
