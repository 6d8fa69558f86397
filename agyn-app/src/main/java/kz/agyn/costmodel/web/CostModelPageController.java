package kz.agyn.costmodel.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import kz.agyn.costmodel.ParameterSet;
import kz.agyn.costmodel.Scenario;
import kz.agyn.costmodel.inputs.WarehouseInputs;
import kz.agyn.kernel.UserException;
import kz.agyn.platform.charts.Axis;
import kz.agyn.platform.charts.AxisLabel;
import kz.agyn.platform.charts.ChartOption;
import kz.agyn.platform.charts.Grid;
import kz.agyn.platform.charts.Legend;
import kz.agyn.platform.charts.Series;
import kz.agyn.platform.charts.Tooltip;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cost model as a page: every parameter in a form beside its unit, range and source; the total with its band,
 * the cost per emigrant by level, the tornado and the check of the note's claim, recomputed on each submission.
 */
@Controller
class CostModelPageController {

    /** The form field of an occupation's pay is this prefix and its ISCO-08 code. */
    static final String OCCUPATION_PAY = "occupation_pay_";

    private final CostModelRunner runner;
    private final CostModelPresenter presenter;
    private final MessageSource messages;
    private final JsonMapper json;

    CostModelPageController(CostModelRunner runner, CostModelPresenter presenter, MessageSource messages,
                            JsonMapper json) {
        this.runner = runner;
        this.presenter = presenter;
        this.messages = messages;
        this.json = json;
    }

    /**
     * The page, computed from the address alone: the scenario, every changed parameter and occupation's pay, the
     * draws and the seed are query parameters, so that a link reopens the same scenario with the same figures. The
     * form is sent here too (a GET); its answer through htmx names the view's short address (only the values
     * changed from the scenario's) in {@code HX-Push-Url}, which htmx writes into the address bar. Blank fields
     * mean the default. A refused value is listed by name with its allowed range and left at its default, so the
     * user sees both what was wrong and a total that is still computed from the values that were right.
     */
    @GetMapping("/cost-model")
    String page(@RequestParam MultiValueMap<String, String> query,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale,
                HttpServletResponse response) {
        return show(query, htmx, model, locale, response);
    }

    /** As {@link #page}, for a form posted by an older page or a script: the same view, the same address. */
    @PostMapping("/cost-model")
    String run(@RequestParam MultiValueMap<String, String> form,
               @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale,
               HttpServletResponse response) {
        return show(form, htmx, model, locale, response);
    }

    private String show(MultiValueMap<String, String> form, String htmx, Model model, Locale locale,
                        HttpServletResponse response) {
        Form f = read(form);
        List<String> errors = new ArrayList<>();
        f.errors().forEach(e -> errors.add(messages.getMessage(e.code(), e.args(), e.code(), locale)));
        CostModelRunner.Run run = fill(model, f.applied(), f.draws(), f.seed(), errors, locale);
        if (htmx == null) {
            return "cost-model";
        }
        response.setHeader("HX-Push-Url", "/cost-model" + link(run));
        return "cost-model :: result";
    }

    /**
     * The view's own address after {@code /cost-model}: the export's query without the draws and the seed when
     * they are the defaults, nothing at all for the defaults themselves.
     */
    static String link(CostModelRunner.Run run) {
        UriComponentsBuilder b = UriComponentsBuilder.newInstance().query(exportQuery(run));
        if (run.draws() == CostModelRunner.DEFAULT_DRAWS && run.seed() == CostModelRunner.DEFAULT_SEED) {
            b.replaceQueryParam("draws").replaceQueryParam("seed");
        }
        String query = b.build().getQuery();
        return query == null || query.isEmpty() ? "" : "?" + query;
    }

    /**
     * The result on the page as a workbook. Its link carries the page's changed values, so it gives exactly what
     * the page shows; a value refused here (a hand-edited link) is refused whole, with the reason, since a
     * spreadsheet cannot show which values were left out.
     */
    @GetMapping("/cost-model/export.xlsx")
    void export(@RequestParam MultiValueMap<String, String> form, Locale locale, HttpServletResponse response)
            throws IOException {
        Form f = read(form);
        if (!f.errors().isEmpty()) {
            throw f.errors().get(0);
        }
        CostModelRunner.Run run = runner.run(f.applied(), f.draws(), f.seed());
        byte[] file = new CostModelWorkbook(messages, locale, presenter.model(f.applied(), locale),
                presenter.result(run, locale)).bytes();
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"agyn-cost-model.xlsx\"");
        response.getOutputStream().write(file);
    }

    /** The form field and query parameter that names the scenario. */
    static final String SCENARIO = "scenario";

    /** A submitted form read into overrides, draws and seed, with what was refused. */
    private record Form(CostModelRunner.Applied applied, int draws, long seed, List<UserException> errors) {
    }

    private Form read(MultiValueMap<String, String> form) {
        Map<String, Object> overrides = new LinkedHashMap<>();
        for (String code : ParameterSet.defaults().codes()) {
            String v = form.getFirst(code);
            if (v != null && !v.isBlank()) {
                overrides.put(code, v);
            }
        }
        // A blank pay is the warehouse's figure, or each level's pay where there is none.
        Map<String, Object> occupationPay = new LinkedHashMap<>();
        for (String code : WarehouseInputs.OCCUPATIONS) {
            String v = form.getFirst(OCCUPATION_PAY + code);
            if (CostModelRunner.payable(code) && v != null && !v.isBlank()) {
                occupationPay.put(code, v);
            }
        }
        List<UserException> errors = new ArrayList<>();
        Scenario scenario = Scenario.MODEL;
        try {
            scenario = CostModelRunner.scenario(form.getFirst(SCENARIO));
        } catch (UserException e) {
            errors.add(e);
        }
        CostModelRunner.Applied applied = runner.apply(overrides, occupationPay, scenario);
        applied.errors().forEach(e -> errors.add(e.exception()));
        int draws = CostModelRunner.DEFAULT_DRAWS;
        String drawsText = form.getFirst("draws");
        if (drawsText != null && !drawsText.isBlank()) {
            try {
                Integer asked = integer(drawsText);
                if (asked == null) {
                    throw new UserException(UserException.Kind.INVALID, "costmodel.error.override.draws", drawsText,
                            String.valueOf(CostModelRunner.MIN_DRAWS), String.valueOf(CostModelRunner.MAX_DRAWS));
                }
                draws = CostModelRunner.draws(asked);
            } catch (UserException e) {
                errors.add(e);
            }
        }
        Double seed = CostModelRunner.number(form.getFirst("seed"));
        long s = seed == null || seed != Math.rint(seed) ? CostModelRunner.DEFAULT_SEED : seed.longValue();
        return new Form(applied, draws, s, errors);
    }

    /** The query of the export link: the values changed from the defaults, the draws and the seed. */
    static String exportQuery(CostModelRunner.Run run) {
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        for (String code : run.parameters().overridden()) {
            if (!java.util.Objects.equals(run.scenario().overrides().get(code), run.parameters().value(code))) {
                b.queryParam(code, CostModelRunner.plain(run.parameters().value(code)));
            }
        }
        for (var o : run.occupations().occupations()) {
            if (run.occupationPayOverridden().contains(o.code())) {
                b.queryParam(OCCUPATION_PAY + o.code(), CostModelRunner.plain(o.monthlyPay()));
            }
        }
        if (run.scenario() != Scenario.MODEL) {
            b.queryParam(SCENARIO, run.scenario().code());
        }
        b.queryParam("draws", run.draws()).queryParam("seed", run.seed());
        return b.build().encode().getQuery();
    }

    private static Integer integer(String text) {
        Double d = CostModelRunner.number(text);
        return d == null || d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE ? null : d.intValue();
    }

    private CostModelRunner.Run fill(Model model, CostModelRunner.Applied applied, int draws, long seed,
                                     List<String> errors, Locale locale) {
        CostModelRunner.Run run = runner.run(applied, draws, seed);
        CostModelReport.Result result = presenter.result(run, locale);
        model.addAttribute("exportQuery", exportQuery(run));
        model.addAttribute("costModel", presenter.model(applied, locale));
        model.addAttribute("result", result);
        model.addAttribute("errors", errors);
        model.addAttribute("draws", draws);
        model.addAttribute("seed", seed);
        model.addAttribute("fmt", new CostModelFormat(locale, messages));
        model.addAttribute("tornado", json.writeValueAsString(tornado(result, locale)));
        return run;
    }

    /**
     * A horizontal bar per parameter, from the total at the parameter's low end to the total at its high end,
     * drawn as the change from the total at the current values so that the bars meet at zero; widest at the top.
     */
    private ChartOption tornado(CostModelReport.Result result, Locale locale) {
        List<String> names = new ArrayList<>();
        List<Double> atLow = new ArrayList<>();
        List<Double> atHigh = new ArrayList<>();
        for (CostModelReport.Bar b : result.tornado()) {
            names.add(b.name());
            atLow.add(CostModelFormat.billions(b.totalAtLow() - result.atCentralValues()));
            atHigh.add(CostModelFormat.billions(b.totalAtHigh() - result.atCentralValues()));
        }
        String lowName = messages.getMessage("costmodel.tornado.low", null, locale);
        String highName = messages.getMessage("costmodel.tornado.high", null, locale);
        String axis = messages.getMessage("costmodel.tornado.axis",
                new Object[] {new CostModelFormat(locale, messages).money(result.atCentralValues())}, locale);
        return new ChartOption().tooltip(Tooltip.axisShaded()).legend(Legend.atTop(List.of(lowName, highName)))
                .grid(Grid.margins(10, 30, 36, 40).containingLabels())
                .xAxis(Axis.value().named(axis).nameInMiddle(26))
                .yAxis(Axis.category(names).inverse().labels(AxisLabel.truncatedAt(260)))
                .series(Series.bar(lowName, atLow).stacked("swing").color(Series.TEAL),
                        Series.bar(highName, atHigh).stacked("swing").color(Series.ORANGE));
    }
}
