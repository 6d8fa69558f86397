package kz.agyn.warehouse.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.agyn.reference.Names;
import kz.agyn.warehouse.DatasetInfo;
import kz.agyn.warehouse.Observation;

/**
 * Where a set of observations comes from, one entry per dataset version among them: every figure Agyn gives out
 * carries its publisher and the licence it may be reused under, and says when it is synthetic.
 */
record SourceView(String dataset, int version, Names title, String publisher, String citation, String url,
                  String licence, boolean synthetic) {

    static List<SourceView> of(List<Observation> observations, List<DatasetInfo> datasets) {
        Map<String, DatasetInfo> byCode = new LinkedHashMap<>();
        datasets.forEach(d -> byCode.put(d.code(), d));
        Map<String, SourceView> sources = new LinkedHashMap<>();
        for (Observation o : observations) {
            sources.computeIfAbsent(o.dataset() + "#" + o.version(), k -> {
                DatasetInfo d = byCode.get(o.dataset());
                return d == null ? new SourceView(o.dataset(), o.version(), null, null, null, null, null, false)
                        : new SourceView(d.code(), o.version(), d.title(), d.publisher(), d.citation(), d.url(),
                        d.licence(), d.synthetic());
            });
        }
        return List.copyOf(sources.values());
    }
}
