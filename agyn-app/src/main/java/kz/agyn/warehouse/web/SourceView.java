package kz.agyn.warehouse.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import kz.agyn.reference.Names;
import kz.agyn.warehouse.DatasetInfo;
import kz.agyn.warehouse.Observation;
import kz.agyn.warehouse.internal.RealDataChecks;

/**
 * Where a set of observations comes from, one entry per dataset version among them: every figure Agyn gives out
 * carries its publisher and the licence it may be reused under, and says when it is synthetic. {@code notChecked}
 * names the indicators among them that are shipped real figures which could not be checked against a figure their
 * publisher states (decision 0041), as the explorer's badge does; it is empty for everything else.
 */
record SourceView(String dataset, int version, Names title, String publisher, String citation, String url,
                  String licence, boolean synthetic, List<String> notChecked) {

    static List<SourceView> of(List<Observation> observations, List<DatasetInfo> datasets) {
        Map<String, DatasetInfo> byCode = new LinkedHashMap<>();
        datasets.forEach(d -> byCode.put(d.code(), d));
        Map<String, SourceView> sources = new LinkedHashMap<>();
        Map<String, Set<String>> unchecked = new LinkedHashMap<>();
        for (Observation o : observations) {
            String key = o.dataset() + "#" + o.version();
            sources.computeIfAbsent(key, k -> {
                DatasetInfo d = byCode.get(o.dataset());
                return d == null ? new SourceView(o.dataset(), o.version(), null, null, null, null, null, false,
                        List.of())
                        : new SourceView(d.code(), o.version(), d.title(), d.publisher(), d.citation(), d.url(),
                        d.licence(), d.synthetic(), List.of());
            });
            if (RealDataChecks.notChecked(o.dataset(), o.indicator())) {
                unchecked.computeIfAbsent(key, k -> new TreeSet<>()).add(o.indicator());
            }
        }
        return sources.entrySet().stream().map(e -> {
            SourceView v = e.getValue();
            return new SourceView(v.dataset(), v.version(), v.title(), v.publisher(), v.citation(), v.url(),
                    v.licence(), v.synthetic(), List.copyOf(unchecked.getOrDefault(e.getKey(), Set.of())));
        }).toList();
    }
}
