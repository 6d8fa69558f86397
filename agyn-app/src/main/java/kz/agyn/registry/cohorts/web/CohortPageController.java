package kz.agyn.registry.cohorts.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import kz.agyn.kernel.UserException;
import kz.agyn.registry.cohorts.Breakdown;
import kz.agyn.registry.cohorts.CohortReport;
import kz.agyn.registry.cohorts.CohortService;
import kz.agyn.registry.cohorts.SectorBasis;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The cohort dashboard: the note's Table 3 beside the registry's figures, the breakdown table, the charts and the
 * exports. Aggregates only, so every role may open it; small cells are blanked for readers who may not see them,
 * decided as the REST API decides.
 *
 * <p>Parameters are read as text and checked here rather than bound to enums: a mistyped link should give the
 * page with a message in the reader's language, and the REST advice would answer a binding or service error
 * with JSON.
 */
@Controller
class CohortPageController {

    static final String AUDIENCE = "hasAnyRole('ADMIN', 'REGISTRY_OFFICER', 'ANALYST', 'VIEWER')";

    private final CohortService cohorts;
    private final CohortPresenter presenter;
    private final MessageSource messages;

    CohortPageController(CohortService cohorts, CohortPresenter presenter, MessageSource messages) {
        this.cohorts = cohorts;
        this.presenter = presenter;
        this.messages = messages;
    }

    @GetMapping("/registry/cohorts")
    @PreAuthorize(AUDIENCE)
    String page(@RequestParam(required = false) String programme, @RequestParam(required = false) String breakdown,
                @RequestParam(required = false) String basis, @RequestParam(required = false) String asOf,
                Authentication auth, Model model, Locale locale, HttpServletResponse response) {
        boolean maySee = CohortApiController.mayseeSmallCells(auth);
        Computed c = compute(programme, breakdown, basis, asOf, maySee, locale);
        if (!c.errors().isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        CohortReport report = c.view().report();
        model.addAttribute("v", c.view());
        model.addAttribute("errors", c.errors());
        model.addAttribute("filter", c.filter());
        model.addAttribute("shownAsOf", report.asOf());
        model.addAttribute("query", c.filter().queryString(report.asOf()));
        model.addAttribute("programmes", cohorts.programmes());
        model.addAttribute("breakdowns", Breakdown.values());
        model.addAttribute("bases", SectorBasis.values());
        model.addAttribute("fmt", new CohortFormat(locale));
        model.addAttribute("graduatesChart", presenter.graduatesChart(c.view(), locale));
        model.addAttribute("statesChart", presenter.statesChart(c.view(), report, locale));
        model.addAttribute("sectorsChart", presenter.sectorsChart(c.view(), report, locale));
        model.addAttribute("survivalChart", presenter.survivalChart(report, maySee, locale));
        return "registry-cohorts";
    }

    @GetMapping("/registry/cohorts.{format}")
    @PreAuthorize(AUDIENCE)
    void export(@PathVariable String format, @RequestParam(required = false) String programme,
                @RequestParam(required = false) String breakdown, @RequestParam(required = false) String basis,
                @RequestParam(required = false) String asOf, Authentication auth, Locale locale,
                HttpServletResponse response) throws IOException {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Computed c = compute(programme, breakdown, basis, asOf, CohortApiController.mayseeSmallCells(auth), locale);
        if (!c.errors().isEmpty()) {
            // A file for other parameters than asked would be mistaken for the one asked for.
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write((String.join("\n", c.errors()) + "\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        CohortReport report = c.view().report();
        String file = "agyn-cohorts-" + (report.programme() == null ? "all" : report.programme()) + "-"
                + report.breakdown().name().toLowerCase(Locale.ROOT) + "-" + report.asOf() + "." + format;
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
        response.setHeader("Cache-Control", "no-store");
        CohortExport export = new CohortExport(messages, locale);
        if (format.equals("csv")) {
            response.setContentType("text/csv;charset=UTF-8");
            export.csv(c.view(), response.getOutputStream());
        } else {
            response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            export.xlsx(c.view(), response.getOutputStream());
        }
    }

    private record Computed(CohortFilter filter, CohortView view, List<String> errors) {
    }

    private Computed compute(String programme, String breakdown, String basis, String asOf, boolean maySee,
                             Locale locale) {
        CohortFilter f = CohortFilter.parse(programme, breakdown, basis, asOf, cohorts.programmes());
        CohortReport report;
        try {
            report = cohorts.report(f.programme(), f.breakdown(), f.basis(), f.asOf(), maySee);
        } catch (UserException e) {
            if (f.asOf() == null) {
                throw e;
            }
            // The only refusal the service makes is of the day (in the future): describe the default day instead.
            f = f.withDefaultDay(new CohortFilter.Refusal(e.code(), e.args()));
            report = cohorts.report(f.programme(), f.breakdown(), f.basis(), null, maySee);
        }
        List<String> errors = f.refusals().stream()
                .map(r -> messages.getMessage(r.code(), r.args(), r.code(), locale)).toList();
        return new Computed(f, presenter.view(report, maySee, locale), errors);
    }
}
