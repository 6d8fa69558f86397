package kz.agyn.residency.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import kz.agyn.account.Role;
import kz.agyn.jobs.JobTexts;
import kz.agyn.platform.format.Decimals;
import kz.agyn.platform.format.Numbers;
import kz.agyn.reference.ReferenceData;
import kz.agyn.residency.MirrorStatistics;
import kz.agyn.platform.problems.ShownProblem;
import kz.agyn.residency.ResidencyPublication;
import kz.agyn.residency.ResidencyRun;
import kz.agyn.residency.ResidencyRuns;
import kz.agyn.residency.RunSource;
import kz.agyn.residency.engine.Period;
import kz.agyn.residency.StoredCell;
import kz.agyn.warehouse.Disclosure;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pages of hidden emigration: the runs, a form that starts one over a synthetic country, and a run with its
 * progress while it goes on and its results when it has ended.
 */
@Controller
class ResidencyPageController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ResidencyPageController.class);

    /** The country the form proposes: large enough for every region's figures, estimated in seconds. */
    static final int DEFAULT_PERSONS = 100_000;

    private final ResidencyRuns runs;
    private final MessageSource messages;
    private final JobTexts jobTexts;
    private final ReferenceData reference;
    private final JsonMapper json;
    private final MirrorStatistics mirror;
    private final ResidencyPublication publication;

    ResidencyPageController(ResidencyRuns runs, MessageSource messages, JobTexts jobTexts, ReferenceData reference,
                            JsonMapper json, MirrorStatistics mirror, ResidencyPublication publication) {
        this.mirror = mirror;
        this.publication = publication;
        this.runs = runs;
        this.messages = messages;
        this.jobTexts = jobTexts;
        this.reference = reference;
        this.json = json;
    }

    /** A run in the list: when, by whom, how large, how it stands, and its accuracy when it is known. */
    record Listed(UUID id, String startedBy, String persons, String source, String seed, String state,
                  String precision, String recall) {
    }

    @GetMapping("/residency")
    String list(Model model, Locale locale, Authentication auth) {
        ResidencyPresenter p = presenter(locale, auth);
        List<Listed> listed = runs.recent(50).stream().map(s -> new Listed(s.run().id(), s.run().startedBy(),
                persons(s.run(), locale),
                messages.getMessage("residency.page.source." + s.run().source().name(), null, locale),
                s.run().seed() == null ? "—" : Long.toString(s.run().seed()),
                s.job() == null ? "" : jobTexts.state(s.job(), locale), p.share(s.run().precision()),
                p.share(s.run().recall()))).toList();
        model.addAttribute("runs", listed);
        model.addAttribute("canRun", canRun(auth));
        model.addAttribute("persons", DEFAULT_PERSONS);
        model.addAttribute("seed", 1L);
        model.addAttribute("maxPersons", ResidencyRuns.MAX_PERSONS);
        model.addAttribute("from", Period.defaultPeriod().start().toString());
        model.addAttribute("months", Period.defaultPeriod().months());
        return "residency";
    }

    /** A run's persons as a number in the reader's language, or a dash while an upload has not been read. */
    private static String persons(ResidencyRun run, Locale locale) {
        return run.persons() == null ? "—" : new Numbers(locale).number(run.persons(), Decimals.exactly(0));
    }

    /**
     * Register extracts uploaded by an analyst: the period and the files are checked here as far as a form can be
     * (the files' content is checked by the run, all or nothing, and a refusal is shown on the run's page).
     */
    @PostMapping("/residency/uploads")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    String upload(@RequestParam(required = false) String from, @RequestParam(required = false) String months,
                  @RequestParam(required = false) MultipartFile extracts,
                  @RequestParam(required = false) MultipartFile crossings,
                  @RequestParam(required = false) MultipartFile statuses,
                  Model model, Locale locale, Authentication auth, HttpServletResponse response) {
        UploadRequest request = UploadRequest.of(from, months, extracts);
        String error = request.refusal();
        if (error == null) {
            try {
                UUID id = runs.startUpload(request.period(), extracts, UploadRequest.given(crossings),
                        UploadRequest.given(statuses), auth.getName());
                return "redirect:/residency/runs/" + id;
            } catch (IOException e) {
                log.error("Could not keep the uploaded register extracts", e);
                error = "residency.upload.notStored";
            }
        }
        list(model, locale, auth);
        model.addAttribute("from", from);
        model.addAttribute("months", months);
        model.addAttribute("uploadError", messages.getMessage(error, null, locale));
        response.setStatus(error.equals("residency.upload.notStored")
                ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : HttpServletResponse.SC_BAD_REQUEST);
        return "residency";
    }

    @PostMapping("/residency/runs")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    String start(@RequestParam(required = false) String persons, @RequestParam(required = false) String seed,
                 Model model, Locale locale, Authentication auth, HttpServletResponse response) {
        Integer n = parseInt(persons);
        Long s = parseLong(seed);
        String error = null;
        if (n == null || n < 1 || n > ResidencyRuns.MAX_PERSONS) {
            error = messages.getMessage("residency.page.badPersons", new Object[] {ResidencyRuns.MAX_PERSONS},
                    locale);
        } else if (s == null) {
            error = messages.getMessage("residency.page.badSeed", null, locale);
        }
        if (error != null) {
            list(model, locale, auth);
            model.addAttribute("persons", persons);
            model.addAttribute("seed", seed);
            model.addAttribute("error", error);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "residency";
        }
        UUID id = runs.startSynthetic(n, s, auth.getName());
        return "redirect:/residency/runs/" + id;
    }

    @GetMapping("/residency/runs/{id}")
    String run(@PathVariable UUID id, Model model, Locale locale, Authentication auth) {
        ResidencyRuns.RunState state = runs.state(id).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND));
        progress(state, model, locale, auth);
        model.addAttribute("synthetic", state.run().source() == RunSource.SYNTHETIC);
        model.addAttribute("problems", state.run().problems().stream()
                .map(p -> messages.getMessage(p.code(), p.arguments(), locale)).toList());
        if (state.run().finished()) {
            ResidencyPresenter p = presenter(locale, auth);
            List<StoredCell> cells = runs.cells(id);
            model.addAttribute("total", p.total(cells));
            model.addAttribute("tables", p.tables(cells));
            var map = p.map(cells);
            model.addAttribute("mapOption", map == null ? null : json.writeValueAsString(map));
            model.addAttribute("precision", p.share(state.run().precision()));
            model.addAttribute("recall", p.share(state.run().recall()));
            model.addAttribute("countError", p.share(state.run().countError()));
            model.addAttribute("hasTruth", state.run().precision() != null);
            List<MirrorStatistics.Row> mirror = this.mirror.rows();
            model.addAttribute("mirrorRows", p.mirror(mirror));
            model.addAttribute("mirrorSources", this.mirror.sources(mirror).stream().map(p::source).toList());
            var total = cells.stream().filter(c -> c.dimension().equals("TOTAL")).findFirst();
            model.addAttribute("mirrorSplit", total.flatMap(t -> this.mirror.split(mirror, t.emigrated(),
                    t.official())).map(p::split).orElse(null));
            runs.fit(id).ifPresent(f -> {
                model.addAttribute("weights", p.weights(f));
                model.addAttribute("fitLine", p.fitLine(f));
            });
        }
        return "residency-run";
    }

    /** The run's progress card alone, which the page polls while the run goes on. */
    @GetMapping("/residency/runs/{id}/status")
    String status(@PathVariable UUID id, Model model, Locale locale, Authentication auth,
                  HttpServletResponse response) {
        ResidencyRuns.RunState state = runs.state(id).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND));
        progress(state, model, locale, auth);
        if (!state.running()) {
            // Over: the page is loaded again, with the results or with why there are none.
            response.setHeader("HX-Refresh", "true");
        }
        return "residency-run :: progress";
    }

    /** Publishes a finished run's estimate to the warehouse (a new version of its dataset), then shows the run. */
    @PostMapping("/residency/runs/{id}/publish")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    String publish(@PathVariable UUID id, Locale locale, Authentication auth, RedirectAttributes redirect) {
        try {
            ResidencyPublication.Published p = publication.publish(id, auth.getName(), locale);
            redirect.addFlashAttribute("publishedNow", messages.getMessage("residency.publish.done",
                    new Object[] {p.version(), p.dataset()}, locale));
        } catch (ResidencyPublication.NotPublished e) {
            List<String> lines = new java.util.ArrayList<>();
            lines.add(messages.getMessage(e.code(), null, locale));
            e.problems().stream().limit(5).map(ShownProblem::message).forEach(lines::add);
            redirect.addFlashAttribute("publishError", lines);
        }
        return "redirect:/residency/runs/" + id;
    }

    @PostMapping("/residency/runs/{id}/cancel")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    String cancel(@PathVariable UUID id) {
        runs.cancel(id);
        return "redirect:/residency/runs/" + id;
    }

    private void progress(ResidencyRuns.RunState state, Model model, Locale locale, Authentication auth) {
        var job = state.job();
        model.addAttribute("state", state);
        model.addAttribute("canRun", canRun(auth));
        model.addAttribute("persons", persons(state.run(), locale));
        model.addAttribute("running", state.running());
        model.addAttribute("jobState", job == null ? "" : jobTexts.state(job, locale));
        model.addAttribute("jobPhase", job == null ? null : jobTexts.phase(job, locale));
        model.addAttribute("jobOutcome", job == null ? null : jobTexts.outcome(job, locale));
    }

    private ResidencyPresenter presenter(Locale locale, Authentication auth) {
        return new ResidencyPresenter(messages, locale, reference, Disclosure.seesSmallCells(Role.namesOf(auth)));
    }

    /** Whether the user may run estimates (analysts and administrators); viewers read them. */
    static boolean canRun(Authentication auth) {
        return auth != null && auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN") || a.getAuthority().equals("ROLE_ANALYST"));
    }

    private static Integer parseInt(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip().replace("\u00a0", "").replace(" ", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long parseLong(String text) {
        try {
            return text == null ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
