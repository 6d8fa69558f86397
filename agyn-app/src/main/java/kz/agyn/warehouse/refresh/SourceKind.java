package kz.agyn.warehouse.refresh;

/** The kinds of service a dataset can be refreshed from, one connector each. */
public enum SourceKind {
    /**
     * An SDMX 2.1 RESTful web service ({@code …/data/{flow}/{key}?startPeriod=…}): the UN, ILO, OECD, Eurostat,
     * the IMF, the World Bank's SDMX service, ECB, BIS and any other that speaks the standard.
     */
    SDMX_REST,
    /** The World Bank's Indicators API v2 ({@code …/country/KAZ;RUS/indicator/SP.POP.TOTL?format=json}). */
    WORLD_BANK
}
