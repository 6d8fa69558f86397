package kz.agyn.warehouse.refresh;

import java.time.OffsetDateTime;

/**
 * Where a dataset is refreshed from. {@code agency} names a service of the {@link Agencies catalogue}, whose address
 * is used unless {@code baseUrl} gives another. For {@link SourceKind#SDMX_REST} {@code flow} is the dataflow
 * ({@code ESTAT,migr_emi1ctz,1.0}, or its id alone) and {@code key} the series key ({@code A.NR.T.TOTAL.KZ}, empty
 * or {@code all} for every series); for {@link SourceKind#WORLD_BANK} {@code flow} is the indicator
 * ({@code SP.POP.TOTL}) and {@code key} the countries ({@code KAZ;RUS}, empty for all). {@code startPeriod} and
 * {@code endPeriod} bound the periods asked for; {@code template} names the import mapping template applied to the
 * message. {@code updatedBy}/{@code updatedAt} say who set it last (absent in a request). {@code structure} (SDMX
 * only): fetch the dataflow's structure message beside the data ({@code …/dataflow/AGENCY/ID/VERSION?references=all}),
 * so that the import names the codes and reads areas and units through the agency's code lists.
 */
public record DatasetSource(String dataset, SourceKind kind, String agency, String baseUrl, String flow, String key,
                            String startPeriod, String endPeriod, SdmxFormat format, String template,
                            String updatedBy, OffsetDateTime updatedAt, LastRefresh lastRefresh, boolean structure) {

    /** A source without its structure, as sources were before structures were fetched. */
    public DatasetSource(String dataset, SourceKind kind, String agency, String baseUrl, String flow, String key,
                         String startPeriod, String endPeriod, SdmxFormat format, String template, String updatedBy,
                         OffsetDateTime updatedAt, LastRefresh lastRefresh) {
        this(dataset, kind, agency, baseUrl, flow, key, startPeriod, endPeriod, format, template, updatedBy,
                updatedAt, lastRefresh, false);
    }

    /**
     * The last refresh: when and by whom, what came of it ({@link LastRefresh.Outcome}), the import it made (whose
     * report and version the import page shows), and the address fetched.
     */
    public record LastRefresh(OffsetDateTime at, String by, Outcome outcome, java.util.UUID importId) {

        public enum Outcome {
            /** The message was handed to the import: see the import's status for what became of it. */
            IMPORTED,
            /** The message holds the data of the current version: nothing was imported. */
            NOTHING_NEW,
            /** The source could not be read (an error status, a timeout, no data). */
            FAILED
        }
    }

    /** The message format asked of an SDMX service (generic SDMX-ML 2.1 when none is set). */
    public SdmxFormat sdmxFormat() {
        return format == null ? SdmxFormat.GENERIC_21 : format;
    }
}
