package kz.agyn.warehouse.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.agyn.account.Role;
import kz.agyn.kernel.UserException;
import kz.agyn.warehouse.Disclosure;
import kz.agyn.warehouse.MetricResult;
import kz.agyn.warehouse.MetricsService;
import kz.agyn.warehouse.metrics.Metric;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/metrics")
@Tag(name = "Metrics", description = "Brain-drain metrics computed from the warehouse, with formula and inputs")
class MetricsApiController {

    private final MetricsService metrics;
    private final MessageSource messages;

    MetricsApiController(MetricsService metrics, MessageSource messages) {
        this.metrics = metrics;
        this.messages = messages;
    }

    record MetricInfo(String name, String title, String formula, String explanation, String unit, String reference) {
    }

    @GetMapping
    @Operation(summary = "The metrics, with their formulas")
    List<MetricInfo> list(Locale locale) {
        return Arrays.stream(Metric.values()).map(m -> new MetricInfo(m.key(),
                messages.getMessage(m.nameKey(), null, m.key(), locale), m.formula().expression(),
                messages.getMessage(m.formulaKey(), null, "", locale), m.unit().name(), m.reference())).toList();
    }

    @GetMapping("/{name}")
    @Operation(summary = "Compute a metric", description = "e.g. docquier_marfouk_rate, highly_skilled_share, "
            + "intellectual_professions_share, growth_rate, net_migration_rate, pay_gap_nominal, pay_gap_ppp, rd_gap. "
            + "emigration_stock_rate, skilled_outflow_rate. Each point lists its inputs and, in `sources`, the dataset "
            + "version and indicator of each; `sources` names the dataset versions read, `preference` the order of "
            + "datasets asked for, `missing` every absent input and every period left out with the reason (in the "
            + "reader's language). A value outside its unit (a PPP factor of 0) is a 400. Counts of 1–4 persons are "
            + "suppressed for the VIEWER role as in observations: such an input (one named in `personCounts`) is "
            + "null, so is the value computed from it, and the point has `suppressed` true; `suppressedPoints` "
            + "counts them.")
    MetricResult compute(@PathVariable String name,
                         @Parameter(description = "KATO code; Kazakhstan (KZ) when absent")
                         @RequestParam(required = false) String region,
                         @RequestParam(required = false) String from,
                         @RequestParam(required = false) String to,
                         @Parameter(description = "a dataset code, or several separated by commas: the order of "
                                 + "preference, only those read; absent, published before synthetic, then the fullest "
                                 + "series. Each point names the dataset of every input in `sources`.")
                         @RequestParam(required = false) String dataset,
                         @Parameter(description = "for growth rates: the indicator (EMIGRANTS by default)")
                         @RequestParam(required = false) String indicator,
                         @Parameter(description = "for pay gaps: the comparison country (US by default)")
                         @RequestParam(required = false) String country,
                         @Parameter(description = "for pay gaps: an ISCO-08 code, e.g. 23 (teaching professionals)")
                         @RequestParam(required = false) String occupation,
                         @Parameter(description = "for R&D gaps: comparison countries, e.g. KR,JP,DE")
                         @RequestParam(required = false) List<String> peers,
                         @Parameter(description = "for R&D: `listed` (the peers given, KR,JP,DE,US by default) or "
                                 + "`income` (as many countries as peers listed, 4 by default, nearest in GDP per person)")
                         @RequestParam(required = false) String peerGroup,
                         @Parameter(description = "skilled_outflow_rate: years of outflows summed, 1 to 50")
                         @RequestParam(defaultValue = "1") int window,
                         Authentication auth, Locale locale) {
        Metric metric = metrics.metric(name)
                .orElseThrow(() -> new UserException(UserException.Kind.NOT_FOUND, "metric.unknown", name));
        MetricResult r = metrics.compute(metric, new MetricsService.Selection(WholeCountry.stored(Params.blank(region)),
                from, to, dataset, indicator, country, occupation, peers, window, Params.blank(peerGroup)), locale,
                Disclosure.seesSmallCells(Role.namesOf(auth)));
        // The whole country is KZ here too, as in observations and every export.
        return r.inRegion(WholeCountry.shown(r.region()));
    }
}
