package kz.agyn.warehouse.refresh.web;

import kz.agyn.warehouse.refresh.DatasetSource;
import kz.agyn.warehouse.refresh.SdmxFormat;
import kz.agyn.warehouse.refresh.SourceKind;

/**
 * What {@code PUT /api/v1/datasets/{code}/source} takes; every field but {@code kind} may be left out.
 * {@code format}: {@code GENERIC_21} (SDMX-ML 2.1 generic data, the default) or {@code CSV} (SDMX-CSV 1.0).
 * {@code structure}: true to fetch the dataflow's structure beside the data (SDMX only; false when left out).
 */
record SourceRequest(SourceKind kind, String agency, String baseUrl, String flow, String key, String startPeriod,
                     String endPeriod, SdmxFormat format, String template, Boolean structure) {

    DatasetSource toSource(String dataset) {
        return new DatasetSource(dataset, kind, agency, baseUrl, flow, key, startPeriod, endPeriod, format, template,
                null, null, null, Boolean.TRUE.equals(structure));
    }
}
