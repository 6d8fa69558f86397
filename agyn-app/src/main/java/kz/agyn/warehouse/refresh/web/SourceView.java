package kz.agyn.warehouse.refresh.web;

import java.time.OffsetDateTime;

import kz.agyn.warehouse.refresh.DatasetSource;
import kz.agyn.warehouse.refresh.SdmxFormat;
import kz.agyn.warehouse.refresh.SourceKind;

/**
 * A dataset's source as the API shows it: what was set, and {@code url}, the address a refresh fetches (the first
 * page for the World Bank), so that a script can see exactly what will be asked of the agency.
 */
record SourceView(String dataset, SourceKind kind, String agency, String baseUrl, String flow, String key,
                  String startPeriod, String endPeriod, SdmxFormat format, String template, String url,
                  String updatedBy, OffsetDateTime updatedAt, DatasetSource.LastRefresh lastRefresh,
                  boolean structure, String structureUrl) {

    static SourceView of(DatasetSource s, String url, String structureUrl) {
        return new SourceView(s.dataset(), s.kind(), s.agency(), s.baseUrl(), s.flow(), s.key(), s.startPeriod(),
                s.endPeriod(), s.format(), s.template(), url, s.updatedBy(), s.updatedAt(), s.lastRefresh(),
                s.structure(), structureUrl);
    }
}
