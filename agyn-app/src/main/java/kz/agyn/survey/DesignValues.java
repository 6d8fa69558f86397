package kz.agyn.survey;

/**
 * One respondent's design variables, as the response import brings them (columns stratum, psu, ssu, fpc1, fpc2);
 * each null when the file does not give it.
 *
 * @param stratum the stratum the respondent was drawn in
 * @param psu     the first-stage cluster (primary sampling unit)
 * @param ssu     the second-stage cluster within the PSU
 * @param fpc1    the number of PSUs in the population of the stratum
 * @param fpc2    the number of second-stage units in the population of the PSU
 * @param replicates the replicate weights {@code repw_1…repw_R} in order; empty when the file has none
 */
public record DesignValues(String stratum, String psu, String ssu, Double fpc1, Double fpc2,
                           java.util.List<Double> replicates) {

    public static final DesignValues NONE = new DesignValues(null, null, null, null, null);

    public DesignValues {
        replicates = replicates == null ? java.util.List.of() : java.util.List.copyOf(replicates);
    }

    /** Without replicate weights. */
    public DesignValues(String stratum, String psu, String ssu, Double fpc1, Double fpc2) {
        this(stratum, psu, ssu, fpc1, fpc2, java.util.List.of());
    }
}
