package kz.agyn.residency.estimator;

import kz.agyn.residency.engine.Extracts;

/**
 * What aggregates are broken down by, one at a time (margins, not cross-tabulations). A cell's code: the KATO
 * oblast prefix (two digits), an age group, M/F, the ISCED level, the ISCO-08 major group; "?" where unknown.
 */
public enum Dimension {
    TOTAL, REGION, AGE_GROUP, SEX, ISCED, ISCO;

    /** Cells per dimension in the counting arrays: slot 0 is "unknown". */
    static final int SLOTS = 101;

    private static final int[] AGE_FROM = {0, 15, 25, 35, 45, 55, 65};
    private static final String[] AGE_LABELS = {"0-14", "15-24", "25-34", "35-44", "45-54", "55-64", "65+"};

    /** The slot of person p in this dimension. */
    int slot(Extracts x, int p) {
        return switch (this) {
            case TOTAL -> 1;
            case REGION -> x.region(p) + 1;
            case AGE_GROUP -> {
                int a = x.age(p);
                if (a < 0) {
                    yield 0;
                }
                int g = AGE_FROM.length - 1;
                while (a < AGE_FROM[g]) {
                    g--;
                }
                yield g + 1;
            }
            case SEX -> x.sex(p);
            case ISCED -> x.isced(p) + 1;
            case ISCO -> x.isco(p) < 0 ? 0 : x.isco(p) / 10 + 1;
        };
    }

    /** The code a slot stands for. */
    String code(int slot) {
        if (slot == 0 && this != TOTAL) {
            return "?";
        }
        return switch (this) {
            case TOTAL -> "KZ";
            case REGION -> String.format("%02d", slot - 1);
            case AGE_GROUP -> AGE_LABELS[slot - 1];
            case SEX -> slot == 1 ? "M" : "F";
            case ISCED, ISCO -> Integer.toString(slot - 1);
        };
    }
}
