package kz.agyn.warehouse.web;

import kz.agyn.warehouse.Observation;

/** Agyn's own long CSV, which is also SDMX-CSV's column naming: what exports write and imports read back. */
final class CanonicalCsv {

    static final String HEADER = "INDICATOR,TIME_PERIOD,REF_AREA,OCCUPATION,EDUCATION,COUNTERPART_AREA,SEX,AGE,FLOW,"
            + "OBS_VALUE,UNIT_MULT,OBS_STATUS";

    private CanonicalCsv() {
    }

    /** Codes never hold commas or quotes; a suppressed value is written as "<5". */
    static String line(Observation o, boolean suppressed) {
        return o.indicator() + ',' + o.period() + ',' + o.region() + ',' + o.occupation() + ',' + o.education() + ','
                + o.country() + ',' + o.sex() + ',' + o.age() + ',' + o.flow() + ','
                + (suppressed ? "<5" : o.value().toPlainString()) + ',' + o.unitMult() + ',' + o.status();
    }
}
