package kz.agyn.warehouse.web;

import java.math.BigDecimal;

import kz.agyn.warehouse.Observation;

/**
 * An observation as the API shows it: {@code value} is null and {@code suppressed} true for a small cell
 * the caller's role may not see. The whole country's region is {@code KZ}, as in every export.
 */
record ObservationView(String indicator, String period, String region, String occupation, String education,
                       String country, String sex, String age, String flow, BigDecimal value, int unitMult,
                       String status, boolean suppressed, String dataset, int version) {

    static ObservationView of(Observation o, boolean suppress) {
        return new ObservationView(o.indicator(), o.period(), WholeCountry.shown(o.region()), o.occupation(), o.education(), o.country(),
                o.sex(), o.age(), o.flow(), suppress ? null : o.value(), o.unitMult(), o.status(), suppress,
                o.dataset(), o.version());
    }
}
