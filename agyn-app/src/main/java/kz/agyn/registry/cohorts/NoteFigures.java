package kz.agyn.registry.cohorts;

/**
 * The programme-level figures of the analytical note's Table 3, as fractions, to set against the registry.
 * They are data: the caller reads them from the note's figures (table {@code note_figure}, dataset
 * {@code note-2024-11-06}) rather than this package knowing them. The codes, with the note's values:
 * <ul>
 *   <li>{@value #SCHOLARS}: 14,033 scholarship holders;</li>
 *   <li>{@value #GRADUATES_PER_YEAR}: "1,000+" graduates a year;</li>
 *   <li>{@value #ABROAD}: 10% stay abroad (a share of all graduates);</li>
 *   <li>{@value #PUBLIC}, {@value #PRIVATE}, {@value #RESEARCH}: 15%, 70% and 15% work in the public sector,
 *       the private sector and research. Table 3 calls them shares of graduates, but with the 10% abroad they
 *       would add up to 110%; the main text gives the 70% as a share of returnees, and that is the reading
 *       compared here (the contradiction {@code bolashak-table3-shares} records the ambiguity).</li>
 * </ul>
 *
 * @param scholars         scholarship holders in the note, or null
 * @param graduatesPerYear graduates a year in the note, or null
 * @param abroad           share of graduates staying abroad
 * @param publicSector     share of returnees in the public sector
 * @param privateSector    share of returnees in the private sector
 * @param research         share of returnees in research
 */
public record NoteFigures(Long scholars, Long graduatesPerYear, double abroad, double publicSector,
                          double privateSector, double research) {

    public static final String SCHOLARS = "bolashak_scholars";
    public static final String GRADUATES_PER_YEAR = "bolashak_graduates_per_year";
    public static final String ABROAD = "bolashak_no_return_share_table3";
    public static final String PUBLIC = "bolashak_public_share";
    public static final String PRIVATE = "bolashak_private_share";
    public static final String RESEARCH = "bolashak_research_share";

    public NoteFigures {
        for (double share : new double[] {abroad, publicSector, privateSector, research}) {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("a share is a fraction in [0, 1]: " + share);
            }
        }
    }
}
