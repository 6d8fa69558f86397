package kz.agyn.warehouse.web;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import kz.agyn.account.Role;
import kz.agyn.platform.charts.Axis;
import kz.agyn.platform.charts.ChartOption;
import kz.agyn.platform.charts.Grid;
import kz.agyn.platform.charts.Series;
import kz.agyn.platform.charts.Tooltip;
import kz.agyn.reference.ReferenceData;
import kz.agyn.warehouse.Disclosure;
import kz.agyn.warehouse.MetricResult;
import kz.agyn.warehouse.MetricsService;
import kz.agyn.warehouse.Warehouse;
import kz.agyn.warehouse.metrics.Metric;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metrics as a page: pick one (and, if wanted, the dataset to read), see its formula in words and symbols, its
 * values and their inputs. A viewer sees small counts and the values computed from them as "&lt;5" and a dash,
 * with a note saying so.
 */
@Controller
class MetricsPageController {

    private final MetricsService metrics;
    private final ReferenceData reference;
    private final Warehouse warehouse;
    private final JsonMapper json;

    MetricsPageController(MetricsService metrics, ReferenceData reference, Warehouse warehouse, JsonMapper json) {
        this.metrics = metrics;
        this.reference = reference;
        this.warehouse = warehouse;
        this.json = json;
    }

    @GetMapping("/warehouse/metrics")
    String page(@RequestParam(defaultValue = "docquier_marfouk_rate") String metric,
                @RequestParam(required = false) String region, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(defaultValue = "1") int window,
                @RequestParam(required = false) String country, @RequestParam(required = false) String occupation,
                @RequestParam(required = false) String peers, @RequestParam(required = false) String dataset,
                @RequestParam(required = false) String peerGroup,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Authentication auth, Model model,
                Locale locale) {
        Metric m = metrics.metric(metric).orElse(Metric.SKILLED_OUTFLOW_RATE);
        String area = WholeCountry.stored(Params.blank(region));
        area = WholeCountry.STORED.equals(area) ? null : area;
        List<String> peerList = Params.blank(peers) == null ? List.of()
                : Arrays.stream(peers.split("[,\\s]+")).filter(p -> !p.isBlank()).map(String::trim).toList();
        MetricResult result = metrics.compute(m, new MetricsService.Selection(area, Params.blank(from),
                Params.blank(to), Params.blank(dataset), null, Params.blank(country), Params.blank(occupation),
                peerList, window, Params.blank(peerGroup)), locale, Disclosure.seesSmallCells(Role.namesOf(auth)));
        boolean fraction = "FRACTION".equals(result.unit());
        List<Object> values = new ArrayList<>();
        List<String> periods = new ArrayList<>();
        for (MetricResult.Point p : result.points()) {
            periods.add(p.period());
            // A suppressed value is a gap in the line, as a missing year is.
            values.add(p.value() == null ? null : fraction
                    ? p.value().multiply(BigDecimal.valueOf(100)).round(MathContext.DECIMAL32)
                    : p.value().round(MathContext.DECIMAL32));
        }
        ChartOption option = new ChartOption().tooltip(Tooltip.axis()).grid(Grid.margins(70, 30, 30, 40))
                .xAxis(Axis.category(periods)).yAxis(Axis.value().named(fraction ? "%" : ""))
                .series(Series.line(result.name(), values));
        model.addAttribute("metrics", Metric.values());
        model.addAttribute("selected", m);
        model.addAttribute("result", result);
        model.addAttribute("fraction", fraction);
        model.addAttribute("option", json.writeValueAsString(option));
        model.addAttribute("regions", reference.currentRegions());
        model.addAttribute("region", area);
        model.addAttribute("country", Params.blank(country));
        model.addAttribute("occupation", Params.blank(occupation));
        model.addAttribute("peers", Params.blank(peers));
        model.addAttribute("window", window);
        model.addAttribute("peerGroup", Params.blank(peerGroup));
        model.addAttribute("from", Params.blank(from));
        model.addAttribute("to", Params.blank(to));
        // A retired dataset is not offered; named in the field it is still read (decision 0033).
        model.addAttribute("datasets", warehouse.datasets().stream().filter(d -> d.retired() == null).toList());
        model.addAttribute("dataset", Params.blank(dataset));
        model.addAttribute("locale", locale);
        return htmx != null ? "metrics :: view" : "metrics";
    }
}
