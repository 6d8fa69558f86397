package kz.agyn.scenario.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import kz.agyn.jobs.JobTexts;
import kz.agyn.reference.ReferenceData;
import kz.agyn.reference.Region;
import kz.agyn.scenario.ResultBand;
import kz.agyn.scenario.RunAssumptions;
import kz.agyn.scenario.RunSettings;
import kz.agyn.scenario.Scenario;
import kz.agyn.scenario.ScenarioException;
import kz.agyn.scenario.ScenarioLevers;
import kz.agyn.scenario.ScenarioService;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scenario pages: the list (the note's recommendations and the users' own, recent runs), the form of a new
 * scenario, a scenario with its run form, and a run: its progress while it runs (polled), then its results with
 * the assumptions that drive them. The results' choices (measure, year, scenario on the map) are in the address,
 * as the explorer's are (decision 0028), so a view can be linked.
 */
@Controller
class ScenarioPageController {

    private final ScenarioService scenarios;
    private final MessageSource messages;
    private final JobTexts jobTexts;
    private final ReferenceData reference;
    private final JsonMapper json;
    private final kz.agyn.scenario.ForecastBeside beside;

    ScenarioPageController(ScenarioService scenarios, MessageSource messages, JobTexts jobTexts,
                           ReferenceData reference, JsonMapper json, kz.agyn.scenario.ForecastBeside beside) {
        this.beside = beside;
        this.scenarios = scenarios;
        this.messages = messages;
        this.jobTexts = jobTexts;
        this.reference = reference;
        this.json = json;
    }

    /** A scenario as a page lists it. */
    record Line(long id, String name, String description, List<String> levers, boolean shipped, String owner) {
    }

    @GetMapping("/scenarios")
    String list(Model model, Locale locale, Authentication auth) {
        model.addAttribute("canRun", canRun(auth));
        ScenarioTexts t = new ScenarioTexts(messages, locale);
        model.addAttribute("scenarios", lines(scenarios.scenarios(), t));
        model.addAttribute("runs", scenarios.runs(10).stream().map(r -> runLine(r, t, locale)).toList());
        return "scenarios";
    }

    /** A run as the list shows it. */
    record RunLine(UUID id, String scenarios, String state, String startedBy, java.time.Instant startedAt,
                   int horizon, int draws) {
    }

    private RunLine runLine(ScenarioService.RunState r, ScenarioTexts t, Locale locale) {
        return new RunLine(r.run().id(), String.join(", ", r.scenarios().stream().map(t::name).toList()),
                r.job() == null ? "" : jobTexts.state(r.job(), locale), r.run().startedBy(), r.run().startedAt(),
                r.settings().horizon(), r.settings().draws());
    }

    private static List<Line> lines(List<Scenario> list, ScenarioTexts t) {
        return list.stream().map(s -> new Line(s.id(), t.name(s), t.description(s), t.levers(s.levers()),
                s.shipped() != null, s.owner())).toList();
    }

    @GetMapping("/scenarios/new")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    String form(Model model) {
        model.addAttribute("form", ScenarioForm.empty());
        model.addAttribute("errors", Map.of());
        return "scenario-form";
    }

    @PostMapping("/scenarios")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
                  @RequestParam(required = false) List<String> paySectors,
                  @RequestParam(defaultValue = "") String payIsco,
                  @RequestParam(defaultValue = "") String payChangePercent,
                  @RequestParam(defaultValue = "") String payFromYear,
                  @RequestParam(defaultValue = "") String researchBudgetBn,
                  @RequestParam(defaultValue = "") String researchJobs,
                  @RequestParam(defaultValue = "") String supplementPercent,
                  @RequestParam(defaultValue = "") String supplementYears,
                  @RequestParam(defaultValue = "") String taxHolidayYears,
                  @RequestParam(defaultValue = "") String housingSupportKzt,
                  @RequestParam(defaultValue = "") String partnerships,
                  @RequestParam(defaultValue = "") String fairnessIndex,
                  Authentication auth, Model model, Locale locale) {
        ScenarioForm form = new ScenarioForm(name, description, paySectors, payIsco, payChangePercent, payFromYear,
                researchBudgetBn, researchJobs, supplementPercent, supplementYears, taxHolidayYears,
                housingSupportKzt, partnerships, fairnessIndex);
        try {
            ScenarioLevers levers = form.levers();
            Scenario s = scenarios.create(name, description, levers, auth.getName());
            return "redirect:/scenarios/" + s.id();
        } catch (ScenarioException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            new ScenarioTexts(messages, locale).errors(e).forEach((f, m) -> errors.merge(
                    ScenarioForm.formField(f), m, (a, b) -> a + " " + b));
            model.addAttribute("form", form);
            model.addAttribute("errors", errors);
            return "scenario-form";
        }
    }

    @GetMapping("/scenarios/{id}")
    String scenario(@PathVariable long id, Model model, Locale locale, Authentication auth) {
        model.addAttribute("canRun", canRun(auth));
        scenarioPage(id, ScenarioForm.RunForm.defaults(), Map.of(), model, locale);
        return "scenario";
    }

    private void scenarioPage(long id, ScenarioForm.RunForm run, Map<String, String> errors, Model model,
                              Locale locale) {
        ScenarioTexts t = new ScenarioTexts(messages, locale);
        Scenario s = scenarios.scenario(id);
        model.addAttribute("scenario", new Line(s.id(), t.name(s), t.description(s), t.levers(s.levers()),
                s.shipped() != null, s.owner()));
        model.addAttribute("others", lines(scenarios.scenarios().stream().filter(o -> o.id() != id).toList(), t));
        model.addAttribute("run", run);
        model.addAttribute("errors", errors);
        model.addAttribute("maxCompared", ScenarioService.MAX_COMPARED);
        model.addAttribute("leversJson", s.levers().toJson());
    }

    @PostMapping("/scenarios/{id}/runs")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    String start(@PathVariable long id, @RequestParam(defaultValue = "") String horizon,
                 @RequestParam(defaultValue = "") String draws, @RequestParam(defaultValue = "") String seed,
                 @RequestParam(defaultValue = "") String scale, @RequestParam(required = false) List<Long> compare,
                 Authentication auth, Model model, Locale locale) {
        ScenarioForm.RunForm run = new ScenarioForm.RunForm(horizon, draws, seed, scale, compare);
        try {
            RunSettings settings = ScenarioForm.settings(run);
            List<Long> ids = new ArrayList<>();
            ids.add(id);
            ids.addAll(run.compare());
            UUID runId = scenarios.start(ids, settings, auth.getName());
            return "redirect:/scenarios/runs/" + runId;
        } catch (ScenarioException e) {
            model.addAttribute("canRun", true);
            scenarioPage(id, run, new ScenarioTexts(messages, locale).errors(e), model, locale);
            return "scenario";
        }
    }

    @GetMapping("/scenarios/runs/{id}")
    String run(@PathVariable UUID id, @RequestParam(required = false) String measure,
               @RequestParam(required = false) Integer year, @RequestParam(required = false) Integer map,
               Model model, Locale locale, Authentication auth) {
        model.addAttribute("canRun", canRun(auth));
        ScenarioService.RunState state = scenarios.run(id);
        runModel(state, model, locale);
        if (state.finished()) {
            results(state, measure, year, map, model, locale);
        }
        return "scenario-run";
    }

    /** The run's progress card alone, which the page polls while the run goes on. */
    @GetMapping("/scenarios/runs/{id}/status")
    String status(@PathVariable UUID id, Model model, Locale locale, Authentication auth,
                  jakarta.servlet.http.HttpServletResponse response) {
        model.addAttribute("canRun", canRun(auth));
        ScenarioService.RunState state = scenarios.run(id);
        runModel(state, model, locale);
        if (state.job() == null || state.job().state().over()) {
            // Over: the page is loaded again, with the results or with why there are none.
            response.setHeader("HX-Refresh", "true");
        }
        return "scenario-run :: progress";
    }

    @PostMapping("/scenarios/runs/{id}/cancel")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    String cancel(@PathVariable UUID id) {
        scenarios.cancel(id);
        return "redirect:/scenarios/runs/" + id;
    }

    /** Whether the user may make and run scenarios (analysts and administrators); others read them. */
    static boolean canRun(Authentication auth) {
        return auth != null && auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN") || a.getAuthority().equals("ROLE_ANALYST"));
    }

    private void runModel(ScenarioService.RunState state, Model model, Locale locale) {
        ScenarioTexts t = new ScenarioTexts(messages, locale);
        model.addAttribute("state", state);
        model.addAttribute("names", state.scenarios().stream().map(t::name).toList());
        model.addAttribute("levers", state.scenarios().stream().map(s -> t.levers(s.levers())).toList());
        var job = state.job();
        model.addAttribute("running", job != null && !job.state().over());
        model.addAttribute("jobState", job == null ? "" : jobTexts.state(job, locale));
        model.addAttribute("jobPhase", job == null ? null : jobTexts.phase(job, locale));
        model.addAttribute("jobOutcome", job == null ? null : jobTexts.outcome(job, locale));
        model.addAttribute("percent", job == null ? -1 : job.percent());
    }

    private void results(ScenarioService.RunState state, String measure, Integer year, Integer map, Model model,
                         Locale locale) {
        ResultsPresenter p = new ResultsPresenter(messages, locale);
        ScenarioTexts t = new ScenarioTexts(messages, locale);
        int horizon = state.settings().horizon();
        String m = measure != null && ResultsPresenter.MEASURES.contains(measure) ? measure : "KEPT_VS_BASELINE";
        int y = year == null || year < 0 || year >= horizon ? horizon - 1 : year;
        int mapAt = map == null || map < 0 || map > state.scenarios().size() ? 1 : map;
        int startYear = state.run().startYear();
        List<String> names = new ArrayList<>();
        names.add(t.msg("scenario.baseline"));
        state.scenarios().forEach(s -> names.add(t.name(s)));
        List<ResultBand> total = scenarios.results(state.run().id(), List.of("TOTAL"));
        Map<String, ResultBand> index = ResultsPresenter.index(total);
        RunAssumptions assumptions = scenarios.assumptions(state.run());
        model.addAttribute("measure", m);
        model.addAttribute("measureNames", p.measureNames());
        model.addAttribute("year", y);
        model.addAttribute("years", java.util.stream.IntStream.range(0, horizon).boxed().toList());
        model.addAttribute("startYear", startYear);
        model.addAttribute("mapAt", mapAt);
        model.addAttribute("allNames", names);
        model.addAttribute("unit", p.unit(m));
        // Emigrants: the warehouse's own forecast beside the model's baseline (issue 18), each with its source.
        var forecast = "EMIGRANTS".equals(m) ? beside.emigrants(startYear + horizon - 1).orElse(null) : null;
        String besideName = forecast == null ? null : t.msg("scenario.beside.name",
                messages.getMessage("forecast.method." + forecast.method().name(), null, locale));
        model.addAttribute("fanOption", json.writeValueAsString(p.fan(index, names, startYear, horizon, m, forecast,
                besideName)));
        model.addAttribute("beside", forecast == null ? null : t.msg("scenario.beside.note", forecast.title().in(locale),
                messages.getMessage("forecast.method." + forecast.method().name(), null, locale))
                + (forecast.synthetic() ? " " + t.msg("scenario.beside.synthetic") : ""));
        model.addAttribute("table", p.table(index, state.scenarios(), y));
        model.addAttribute("leverTable", p.leverTable(scenarios.results(state.run().id(), List.of("LEVER")), index,
                names, y));
        model.addAttribute("constants", p.constants());
        List<String> regions = assumptions == null ? List.of() : assumptions.codes().getOrDefault("REGION", List.of());
        Map<String, String> regionNames = new LinkedHashMap<>();
        for (Region r : reference.currentRegions()) {
            regionNames.put(r.kato(), r.names().in(locale));
        }
        var mapOption = p.map(scenarios.results(state.run().id(), List.of("REGION")), regions, regionNames, mapAt, m,
                y, String.valueOf(startYear + y));
        model.addAttribute("mapOption", mapOption == null ? null : json.writeValueAsString(mapOption));
        model.addAttribute("assumptions", assumptions);
        model.addAttribute("fitNames", assumptions == null ? List.of() : assumptions.fit().stream()
                .map(f -> messages.getMessage("scenario.target." + f.code(), null, f.code(), locale)
                        + (f.dimension() == null || f.dimension().isBlank() ? "" : " · " + fitGroup(f.dimension(),
                        locale)))
                .toList());
        model.addAttribute("address", "/scenarios/runs/" + state.run().id() + "?measure=" + m + "&year=" + y
                + "&map=" + mapAt);
    }

    /**
     * A calibration target's group as a reader knows it: "ISCO 2" is "2 Professionals" in the language of the page
     * (the engine names groups by code, the reference data hold their names), a reason by its message.
     */
    private String fitGroup(String dimension, Locale locale) {
        String[] parts = dimension.split(" ", 2);
        if (parts.length == 2 && parts[0].equals("ISCO")) {
            return reference.occupations().stream().filter(o -> o.code().equals(parts[1])).findFirst()
                    .map(o -> parts[1] + " " + o.names().in(locale)).orElse(dimension);
        }
        if (parts.length == 2 && parts[0].equals("ISCED")) {
            return reference.educationLevels().stream().filter(l -> l.code().equals(parts[1])).findFirst()
                    .map(l -> "ISCED " + parts[1] + " " + l.names().in(locale)).orElse(dimension);
        }
        return messages.getMessage("scenario.dimension." + dimension, null, dimension, locale);
    }
}
