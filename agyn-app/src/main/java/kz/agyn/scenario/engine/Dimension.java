package kz.agyn.scenario.engine;

/** How results are broken down; {@link Results#codes(Dimension)} lists the values of each. */
public enum Dimension {
    TOTAL, REGION, ISCO, ISCED, SEX, AGE_GROUP, SECTOR
}
