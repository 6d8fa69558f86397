package kz.agyn.demo.warehouse;

import java.util.Objects;

/**
 * One row of Agyn's canonical long CSV format: one value of one indicator for one combination of
 * dimension codes. Codes follow SDMX conventions ({@code _T} total, {@code _U} unknown, {@code _Z} not
 * applicable).
 *
 * @param indicator       e.g. {@code EMIGRANTS}
 * @param timePeriod      the year
 * @param refArea         a 9-digit KATO code, {@code 000000000} for the country
 * @param occupation      ISCO-08 major group, {@code _T} or {@code _U}
 * @param education       ISCED 2011 level, {@code _T} or {@code _U}
 * @param counterpartArea ISO 3166-1 alpha-2 destination or origin, or {@code _T}
 * @param sex             {@code M}, {@code F} or {@code _T}
 * @param age             an SDMX age code such as {@code Y25T34}, or {@code _T}
 * @param flow            {@code EMI}, {@code IMM}, {@code NET} or {@code _Z}
 * @param obsValue        the value, in units of 10^unitMult
 * @param unitMult        the power of ten the value is expressed in
 * @param obsStatus       SDMX observation status; {@code E} (estimated) for all synthetic values
 */
public record Observation(String indicator, int timePeriod, String refArea, String occupation, String education,
                          String counterpartArea, String sex, String age, String flow, long obsValue, int unitMult,
                          String obsStatus) {

    /** The header row, exactly as the canonical format requires. */
    public static final String CSV_HEADER =
            "INDICATOR,TIME_PERIOD,REF_AREA,OCCUPATION,EDUCATION,COUNTERPART_AREA,SEX,AGE,FLOW,OBS_VALUE,UNIT_MULT,OBS_STATUS";

    public Observation {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(refArea, "refArea");
        Objects.requireNonNull(occupation, "occupation");
        Objects.requireNonNull(education, "education");
        Objects.requireNonNull(counterpartArea, "counterpartArea");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(obsStatus, "obsStatus");
    }

    /**
     * The row as a CSV line without its line break. No field can contain a comma or a quote (all are
     * codes or integers), so nothing needs quoting.
     */
    public String csvLine() {
        return String.join(",", indicator, Integer.toString(timePeriod), refArea, occupation, education,
                counterpartArea, sex, age, flow, Long.toString(obsValue), Integer.toString(unitMult), obsStatus);
    }

    /** The dimension codes without the value: two rows with the same key would contradict each other. */
    public String key() {
        return String.join(",", indicator, Integer.toString(timePeriod), refArea, occupation, education,
                counterpartArea, sex, age, flow);
    }
}
