package kz.agyn.warehouse.refresh;

/**
 * The message asked of an SDMX web service, by the {@code Accept} header of SDMX 2.1 REST. Both are messages the
 * import reads; SDMX-CSV carries no header with the time it was prepared, so the same data fetched twice are the
 * same bytes.
 */
public enum SdmxFormat {
    /** SDMX-ML 2.1 generic data: every service of the standard gives it. */
    GENERIC_21("application/vnd.sdmx.genericdata+xml;version=2.1", "sdmx-ml", ".xml"),
    /** SDMX-CSV 1.0 (first column DATAFLOW): Eurostat, the OECD, ILO and other .Stat / NSI services give it. */
    CSV("application/vnd.sdmx.data+csv;version=1.0.0", "sdmx-csv", ".csv");

    private final String accept;
    private final String importFormat;
    private final String extension;

    SdmxFormat(String accept, String importFormat, String extension) {
        this.accept = accept;
        this.importFormat = importFormat;
        this.extension = extension;
    }

    /** The media type asked for. */
    public String accept() {
        return accept;
    }

    /** The format as the import names it ({@code ImportService.parseFormat}). */
    public String importFormat() {
        return importFormat;
    }

    public String extension() {
        return extension;
    }
}
