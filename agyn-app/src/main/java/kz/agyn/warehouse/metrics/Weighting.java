package kz.agyn.warehouse.metrics;

/** How a comparison group's members count towards its mean. */
public enum Weighting {
    /**
     * Every member counts once: "the typical country". Sensitive to which small countries are in
     * the group.
     */
    SIMPLE,
    /**
     * Members count by GDP. Σ(GDP_i × I_i) / ΣGDP_i equals the group's total GERD over its total
     * GDP, i.e. the intensity of the group taken as one economy, which large economies dominate.
     */
    GDP
}
