package kz.agyn.warehouse.web;

import java.util.Locale;

import kz.agyn.platform.csv.CsvCells;
import kz.agyn.warehouse.DatasetInfo;
import kz.agyn.warehouse.Observation;
import kz.agyn.warehouse.internal.RealDataChecks;

/**
 * The two long CSV layouts that exports write and imports read back: Agyn's own (docs/formats/observations.md),
 * short lower-case columns with empty codes for "all" and {@code KZ} for the whole country, and SDMX-CSV's, with
 * SDMX column names and codes. Both name the whole country {@code KZ} ({@link WholeCountry}). Codes never hold commas or quotes, so neither needs quoting.
 */
final class CanonicalCsv {

    static final String AGYN_HEADER = "indicator,period,region,occupation,education,country,sex,age,flow,value,unit,"
            + "status";

    static final String SDMX_HEADER = "INDICATOR,TIME_PERIOD,REF_AREA,OCCUPATION,EDUCATION,COUNTERPART_AREA,SEX,AGE,"
            + "FLOW,OBS_VALUE,UNIT_MULT,OBS_STATUS";

    /**
     * The columns that follow the observation on export: its dataset and version, and where it comes from, so that
     * a figure copied out of Agyn keeps its publisher and licence (readers ignore them on the way back in), and
     * whether it is a shipped real figure that could not be checked against its publisher (decision 0041): the
     * explorer and the XLSX say so beside the source, and a CSV that leaves Agyn must not lose it.
     */
    static final String PROVENANCE_HEADER = "dataset,version,source,publisher,licence,synthetic,not_checked";

    /** The same attributes in SDMX-CSV, after the observation's columns. */
    static final String SDMX_ATTRIBUTES = "SOURCE_PUBLISHER,LICENCE,SYNTHETIC,NOT_CHECKED";

    private CanonicalCsv() {
    }

    /** A suppressed value is written as "<5"; the value is the stored one, already scaled by its multiplier. */
    static String agynLine(Observation o, String unit, boolean suppressed) {
        return o.indicator() + ',' + o.period() + ',' + WholeCountry.shown(o.region()) + ','
                + open(o.occupation()) + ',' + open(o.education()) + ',' + open(o.country()) + ',' + open(o.sex())
                + ',' + open(o.age()) + ',' + open(o.flow()) + ','
                + (suppressed ? "<5" : o.scaledValue().toPlainString()) + ',' + (unit == null ? "" : unit) + ','
                + o.status();
    }

    static String sdmxLine(Observation o) {
        return o.indicator() + ',' + o.period() + ',' + WholeCountry.shown(o.region()) + ',' + o.occupation() + ',' + o.education() + ','
                + o.country() + ',' + o.sex() + ',' + o.age() + ',' + o.flow() + ',' + o.value().toPlainString()
                + ',' + o.unitMult() + ',' + o.status();
    }

    static String provenance(Observation o, DatasetInfo d, Locale locale) {
        return o.dataset() + ',' + o.version() + ',' + (d == null ? ",,," : quoted(d.title() == null ? null
                : d.title().in(locale)) + ',' + quoted(d.publisher()) + ',' + quoted(d.licence())) + ','
                + (d != null && d.synthetic()) + ',' + notChecked(o);
    }

    /** SDMX-CSV's attribute columns of this observation, in the order of {@link #SDMX_ATTRIBUTES}. */
    static String sdmxAttributes(Observation o, DatasetInfo d) {
        return quoted(d == null ? null : d.publisher()) + ',' + quoted(d == null ? null : d.licence()) + ','
                + (d != null && d.synthetic()) + ',' + notChecked(o);
    }

    private static boolean notChecked(Observation o) {
        return RealDataChecks.notChecked(o.dataset(), o.indicator());
    }

    /**
     * RFC 4180: titles and publishers may hold commas and quotes, and as text someone typed, a formula a
     * spreadsheet would run ({@link CsvCells}).
     */
    static String quoted(String s) {
        return CsvCells.cell(s);
    }

    /** SDMX's "total" and "not applicable" both read back as an empty cell in Agyn's layout. */
    private static String open(String code) {
        return "_T".equals(code) || "_Z".equals(code) ? "" : code;
    }
}
