package kz.agyn.warehouse.metrics;

import static kz.agyn.warehouse.metrics.Input.STEP;
import static kz.agyn.warehouse.metrics.Input.EMIGRANTS;
import static kz.agyn.warehouse.metrics.Input.EMIGRANTS_BY_EDUCATION;
import static kz.agyn.warehouse.metrics.Input.EMIGRANTS_BY_OCCUPATION;
import static kz.agyn.warehouse.metrics.Input.EMIGRANTS_TERTIARY;
import static kz.agyn.warehouse.metrics.Input.EMIGRANT_STOCK;
import static kz.agyn.warehouse.metrics.Input.EXCHANGE_RATE;
import static kz.agyn.warehouse.metrics.Input.EXCHANGE_RATE_FOREIGN;
import static kz.agyn.warehouse.metrics.Input.GDP;
import static kz.agyn.warehouse.metrics.Input.GDP_PEERS;
import static kz.agyn.warehouse.metrics.Input.GERD;
import static kz.agyn.warehouse.metrics.Input.IMMIGRANTS;
import static kz.agyn.warehouse.metrics.Input.PART;
import static kz.agyn.warehouse.metrics.Input.PAY_DOMESTIC;
import static kz.agyn.warehouse.metrics.Input.PAY_FOREIGN;
import static kz.agyn.warehouse.metrics.Input.POPULATION_END;
import static kz.agyn.warehouse.metrics.Input.POPULATION_MID_YEAR;
import static kz.agyn.warehouse.metrics.Input.POPULATION_START;
import static kz.agyn.warehouse.metrics.Input.PPP_DOMESTIC;
import static kz.agyn.warehouse.metrics.Input.PPP_FOREIGN;
import static kz.agyn.warehouse.metrics.Input.RD_INTENSITY_OWN;
import static kz.agyn.warehouse.metrics.Input.RD_INTENSITY_PEERS;
import static kz.agyn.warehouse.metrics.Input.RESIDENTS_TERTIARY_25PLUS;
import static kz.agyn.warehouse.metrics.Input.RESIDENT_POPULATION;
import static kz.agyn.warehouse.metrics.Input.TERTIARY_OUTFLOWS;
import static kz.agyn.warehouse.metrics.Input.TOTAL;
import static kz.agyn.warehouse.metrics.Input.VALUE_CURRENT;
import static kz.agyn.warehouse.metrics.Input.VALUE_END;
import static kz.agyn.warehouse.metrics.Input.VALUE_PREVIOUS;
import static kz.agyn.warehouse.metrics.Input.VALUE_START;
import static kz.agyn.warehouse.metrics.Input.YEARS;

import java.util.List;
import java.util.Locale;

/**
 * Every metric of the package, for pages and notes that list, explain or let an analyst pick one.
 *
 * <p>Texts live in {@code i18n/metrics.properties} (Kazakh), {@code _ru} and {@code _en} under
 * {@link #nameKey()} and {@link #formulaKey()}; the formula's mathematical text itself is
 * language-neutral and lives in {@link #formula()}. The Javadoc of the method named in each
 * constant's comment is the authoritative definition.
 */
public enum Metric {

    /** {@link Growth#rate}. */
    GROWTH_RATE(new Formula("rate = (x_t − x_{t−s}) / x_{t−s}",
            List.of(VALUE_CURRENT, VALUE_PREVIOUS, STEP), Unit.FRACTION,
            Refs.OECD_GLOSSARY)),

    /** {@link Growth#compoundAnnualRate}. */
    COMPOUND_ANNUAL_GROWTH_RATE(new Formula("CAGR = (x_end / x_start)^(1/n) − 1",
            List.of(VALUE_START, VALUE_END, YEARS), Unit.FRACTION,
            Refs.OECD_GLOSSARY)),

    /** {@link Shares#share}. */
    SHARE(new Formula("share = part / total",
            List.of(PART, TOTAL), Unit.FRACTION,
            Refs.OECD_GLOSSARY)),

    /** {@link Shares#highlySkilled}, {@link KnownShare#share()}. */
    HIGHLY_SKILLED_SHARE(new Formula("share = E(ISCED 5–8) / E(ISCED 0–8)",
            List.of(EMIGRANTS_BY_EDUCATION), Unit.FRACTION,
            Refs.DOCQUIER_MARFOUK + "; " + Refs.ISCED)),

    /** {@link Shares#highlySkilled}, {@link KnownShare#unknownShare()}. */
    UNKNOWN_EDUCATION_SHARE(new Formula("unknown = E(_U) / (E(ISCED 0–8) + E(_U))",
            List.of(EMIGRANTS_BY_EDUCATION), Unit.FRACTION,
            Refs.ISCED)),

    /** {@link Shares#intellectualProfessions}, {@link KnownShare#share()}. */
    INTELLECTUAL_PROFESSIONS_SHARE(new Formula("share = E(ISCO 1–3) / E(ISCO 0–9)",
            List.of(EMIGRANTS_BY_OCCUPATION), Unit.FRACTION,
            Refs.ISCO + "; " + Refs.LOWELL_FINDLAY)),

    /** {@link Shares#intellectualProfessions}, {@link KnownShare#unknownShare()}. */
    UNKNOWN_OCCUPATION_SHARE(new Formula("unknown = E(_U) / (E(ISCO 0–9) + E(_U))",
            List.of(EMIGRANTS_BY_OCCUPATION), Unit.FRACTION,
            Refs.ISCO)),

    /**
     * {@link DocquierMarfouk#rate(java.math.BigDecimal, java.math.BigDecimal)} over a <em>stock</em> of
     * tertiary-educated emigrants (people living abroad, e.g. DIOC), as Docquier and Marfouk define it.
     */
    DOCQUIER_MARFOUK_RATE(new Formula("m = E_h / (N_h + E_h)",
            List.of(EMIGRANTS_TERTIARY, RESIDENTS_TERTIARY_25PLUS), Unit.FRACTION,
            Refs.DOCQUIER_MARFOUK)),

    /**
     * {@link DocquierMarfouk#rate(java.math.BigDecimal, java.math.BigDecimal)} for all emigrants: the stock of
     * people born here living abroad (UN DESA) over the population that would live here had nobody left.
     */
    EMIGRATION_STOCK_RATE(new Formula("m = E / (N + E)",
            List.of(EMIGRANT_STOCK, RESIDENT_POPULATION), Unit.FRACTION,
            Refs.DOCQUIER_MARFOUK + "; " + Refs.UN_DESA_STOCK)),

    /**
     * {@link DocquierMarfouk#rateFromFlows}: an annual <em>outflow</em> rate of the highly skilled, not the
     * Docquier–Marfouk stock rate (a year's departures, or a window's, are not the people living abroad).
     */
    SKILLED_OUTFLOW_RATE(new Formula("o = ΣF_h / (N_h + ΣF_h)",
            List.of(TERTIARY_OUTFLOWS, RESIDENTS_TERTIARY_25PLUS), Unit.FRACTION,
            Refs.DOCQUIER_MARFOUK)),

    /** {@link NetMigration#net}. */
    NET_MIGRATION(new Formula("net = I − E",
            List.of(IMMIGRANTS, EMIGRANTS), Unit.PERSONS,
            Refs.UN_WPP)),

    /** {@link NetMigration#ratePerThousand}. */
    NET_MIGRATION_RATE(new Formula("rate = 1000 × (I − E) / P_mid",
            List.of(IMMIGRANTS, EMIGRANTS, POPULATION_MID_YEAR), Unit.PER_THOUSAND,
            Refs.UN_WPP + "; " + Refs.PRESTON)),

    /** {@link NetMigration#ratePerThousandAveragePopulation}. */
    NET_MIGRATION_RATE_AVERAGE_POPULATION(new Formula("rate = 1000 × (I − E) / ((P_start + P_end) / 2)",
            List.of(IMMIGRANTS, EMIGRANTS, POPULATION_START, POPULATION_END), Unit.PER_THOUSAND,
            Refs.UN_WPP + "; " + Refs.PRESTON)),

    /** {@link PayGap#nominalRatio}. */
    PAY_GAP_NOMINAL(new Formula("ratio = (W_f × S / S_f) / W_d",
            List.of(PAY_FOREIGN, EXCHANGE_RATE, EXCHANGE_RATE_FOREIGN, PAY_DOMESTIC), Unit.RATIO,
            Refs.WDI_EXCHANGE_RATE)),

    /** {@link PayGap#pppRatio}. */
    PAY_GAP_PPP(new Formula("ratio = (W_f / PPP_f) / (W_d / PPP_d)",
            List.of(PAY_FOREIGN, EXCHANGE_RATE_FOREIGN, PPP_FOREIGN, PAY_DOMESTIC, PPP_DOMESTIC), Unit.RATIO,
            Refs.WDI_PPP_CONSUMPTION + "; " + Refs.WDI_PPP + "; " + Refs.ICP_2017)),

    /** {@link RdIntensity#intensity}. */
    RD_INTENSITY(new Formula("intensity = GERD / GDP × 100",
            List.of(GERD, GDP), Unit.PERCENT_OF_GDP,
            Refs.FRASCATI)),

    /** {@link RdIntensity#gap} with {@link Weighting#SIMPLE}. */
    RD_GAP(new Formula("gap = Σ I_i / k − I_own",
            List.of(RD_INTENSITY_PEERS, RD_INTENSITY_OWN), Unit.PERCENTAGE_POINTS,
            Refs.FRASCATI)),

    /** {@link RdIntensity#gap} with {@link Weighting#GDP}. */
    RD_GAP_GDP_WEIGHTED(new Formula("gap = Σ (GDP_i × I_i) / Σ GDP_i − I_own",
            List.of(RD_INTENSITY_PEERS, GDP_PEERS, RD_INTENSITY_OWN), Unit.PERCENTAGE_POINTS,
            Refs.FRASCATI)),

    /** {@link RdIntensity#ratio} with {@link Weighting#SIMPLE}. */
    RD_RATIO(new Formula("ratio = I_own / (Σ I_i / k)",
            List.of(RD_INTENSITY_OWN, RD_INTENSITY_PEERS), Unit.RATIO,
            Refs.FRASCATI)),

    /** {@link RdIntensity#ratio} with {@link Weighting#GDP}. */
    RD_RATIO_GDP_WEIGHTED(new Formula("ratio = I_own / (Σ (GDP_i × I_i) / Σ GDP_i)",
            List.of(RD_INTENSITY_OWN, RD_INTENSITY_PEERS, GDP_PEERS), Unit.RATIO,
            Refs.FRASCATI));

    private final Formula formula;

    Metric(Formula formula) {
        this.formula = formula;
    }

    /** The stable identifier used in message keys and URLs, e.g. {@code docquier_marfouk_rate}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code metric.<key>.name}: the metric's name for people. */
    public String nameKey() {
        return "metric." + key() + ".name";
    }

    /** {@code metric.<key>.formula}: the formula explained in words, symbols defined. */
    public String formulaKey() {
        return "metric." + key() + ".formula";
    }

    public Formula formula() {
        return formula;
    }

    public List<Input> inputs() {
        return formula.inputs();
    }

    public Unit unit() {
        return formula.unit();
    }

    public String reference() {
        return formula.reference();
    }

    /** Citations shared by several metrics, written once so they cannot drift apart. */
    private static final class Refs {
        static final String OECD_GLOSSARY = "OECD (2008), Glossary of Statistical Terms, OECD Publishing, Paris";
        static final String DOCQUIER_MARFOUK = "Docquier, F. & Marfouk, A. (2006), \"International migration by"
                + " educational attainment, 1990–2000\", in Özden, Ç. & Schiff, M. (eds), International Migration,"
                + " Remittances and the Brain Drain, World Bank, Washington DC";
        static final String ISCED = "UNESCO Institute for Statistics (2012), International Standard"
                + " Classification of Education: ISCED 2011, Montreal";
        static final String ISCO = "ILO (2012), International Standard Classification of Occupations: ISCO-08,"
                + " Geneva";
        static final String LOWELL_FINDLAY = "Lowell, B. L. & Findlay, A. (2001), Migration of highly skilled"
                + " persons from developing countries: impact and policy responses, ILO, Geneva";
        static final String UN_WPP = "United Nations, Department of Economic and Social Affairs, Population"
                + " Division, World Population Prospects: definition of the net migration rate";
        static final String PRESTON = "Preston, S. H., Heuveline, P. & Guillot, M. (2001), Demography: Measuring"
                + " and Modeling Population Processes, Blackwell, Oxford";
        static final String WDI_EXCHANGE_RATE = "World Bank, World Development Indicators, PA.NUS.FCRF: Official"
                + " exchange rate (LCU per US$, period average)";
        static final String WDI_PPP = "World Bank, World Development Indicators, PA.NUS.PPP: PPP conversion"
                + " factor, GDP (LCU per international $)";
        static final String WDI_PPP_CONSUMPTION = "World Bank, World Development Indicators, PA.NUS.PRVT.PP: PPP"
                + " conversion factor, private consumption (LCU per international $)";
        static final String UN_DESA_STOCK = "United Nations, Department of Economic and Social Affairs, Population"
                + " Division, International Migrant Stock (origin by destination)";
        static final String ICP_2017 = "World Bank (2020), Purchasing Power Parities and the Size of World"
                + " Economies: Results from the 2017 International Comparison Program, Washington DC";
        static final String FRASCATI = "OECD (2015), Frascati Manual 2015: Guidelines for Collecting and"
                + " Reporting Data on Research and Experimental Development, OECD Publishing, Paris";

        private Refs() {
        }
    }
}
