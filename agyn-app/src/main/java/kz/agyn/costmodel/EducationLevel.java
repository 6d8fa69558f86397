package kz.agyn.costmodel;

/**
 * The highest education level an emigrant completed, as the model prices it. Each level maps to an ISCED 2011
 * level, by which {@code kz.agyn.costmodel.inputs.WarehouseInputs} puts the warehouse's emigrant counts (coded by
 * ISCED) in place of the default counts.
 */
public enum EducationLevel {
    /** Completed general secondary school (ISCED 3) and no tertiary degree. */
    SCHOOL("3", false),
    /** Bachelor's or equivalent (ISCED 6). */
    BACHELOR("6", true),
    /** Master's or equivalent (ISCED 7). */
    MASTER("7", true),
    /** Doctorate (ISCED 8): PhD or the older candidate/doctor of sciences degrees. */
    PHD("8", true);

    private final String isced;
    private final boolean highlySkilled;

    EducationLevel(String isced, boolean highlySkilled) {
        this.isced = isced;
        this.highlySkilled = highlySkilled;
    }

    /** The ISCED 2011 level code, "3" to "8". */
    public String isced() {
        return isced;
    }

    /**
     * Whether the level counts as highly skilled (tertiary), the population that earns the highly skilled's pay
     * and whose departure loses the productivity premium.
     */
    public boolean highlySkilled() {
        return highlySkilled;
    }

    /** The lower-case name used in parameter codes, e.g. "phd" in {@code spending_phd}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
