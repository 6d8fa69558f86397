package kz.agyn.registry.monitoring.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import kz.agyn.kernel.UserException;
import kz.agyn.reference.ReferenceData;
import kz.agyn.registry.Access;
import kz.agyn.registry.monitoring.MonitoringRun;
import kz.agyn.registry.monitoring.MonitoringService;
import kz.agyn.registry.monitoring.TaskKind;
import kz.agyn.registry.monitoring.WorklistLine;
import kz.agyn.registry.monitoring.WorklistQuery;
import kz.agyn.registry.monitoring.WorklistService;
import kz.agyn.registry.scholars.RegistryCodeLabels;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The registry officers' worklist page: filters, tasks, the "done" action, the monitoring button, exports. */
@Controller
class WorklistPageController {

    /** A filter query string as {@link WorklistQuery#queryString()} writes it, and nothing else. */
    private static final Pattern BACK = Pattern.compile("[A-Za-z0-9=&_]{0,200}");

    private final WorklistService worklist;
    private final MonitoringService monitoring;
    private final ReferenceData reference;
    private final MessageSource messages;
    private final RegistryCodeLabels labels;

    WorklistPageController(WorklistService worklist, MonitoringService monitoring, ReferenceData reference,
                           MessageSource messages, RegistryCodeLabels labels) {
        this.labels = labels;
        this.worklist = worklist;
        this.monitoring = monitoring;
        this.reference = reference;
        this.messages = messages;
    }

    @GetMapping("/registry/worklist")
    @PreAuthorize(Access.READERS)
    String page(@RequestParam(required = false) String kind, @RequestParam(required = false) String region,
                @RequestParam(required = false) Integer callYear, @RequestParam(required = false) String degree,
                @RequestParam(required = false) String country, @RequestParam(required = false) String status,
                @RequestParam(required = false) Integer page, Authentication auth, Model model, Locale locale) {
        WorklistQuery q = WorklistQuery.of(kind, region, callYear, degree, country, status, page, null);
        Access access = Access.of(auth);
        model.addAttribute("worklist", worklist.page(q, access));
        model.addAttribute("q", q);
        model.addAttribute("kinds", TaskKind.values());
        model.addAttribute("degrees", List.of("BACHELOR", "MASTER", "PHD", "INTERNSHIP"));
        model.addAttribute("regions", reference.currentRegions());
        model.addAttribute("locale", locale);
        model.addAttribute("editor", access.mayEdit());
        model.addAttribute("noEmployerDays", monitoring.noEmployerDays());
        model.addAttribute("dueDays", monitoring.dueHorizonDays());
        model.addAttribute("today", monitoring.today());
        model.addAttribute("labels", labels.in(locale));
        return "registry-worklist";
    }

    @PostMapping("/registry/worklist/tasks/{id}/done")
    @PreAuthorize(Access.EDITORS)
    String done(@PathVariable long id, @RequestParam(required = false) String note,
                @RequestParam(required = false) String back, Authentication auth, RedirectAttributes flash,
                Locale locale) {
        try {
            worklist.done(id, note, Access.of(auth), auth.getName());
            flash.addFlashAttribute("message", messages.getMessage("monitoring.done.saved",
                    new Object[] {Long.toString(id)}, locale));
        } catch (UserException e) {
            flash.addFlashAttribute("error", messages.getMessage(e.code(), e.args(), e.code(), locale));
        }
        return "redirect:/registry/worklist" + (back != null && BACK.matcher(back).matches() ? "?" + back : "");
    }

    @PostMapping("/registry/monitoring/run")
    @PreAuthorize(Access.EDITORS)
    String run(@RequestHeader(name = "HX-Request", required = false) String htmx, Authentication auth,
               Model model, RedirectAttributes flash) {
        MonitoringRun run = monitoring.run(true, auth.getName());
        if (htmx != null) {
            model.addAttribute("run", run);
            return "registry-worklist :: run-result";
        }
        flash.addFlashAttribute("run", run);
        return "redirect:/registry/worklist";
    }

    @GetMapping("/registry/worklist/export.{format}")
    @PreAuthorize(Access.READERS)
    void export(@PathVariable String format, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String region, @RequestParam(required = false) Integer callYear,
                @RequestParam(required = false) String degree, @RequestParam(required = false) String country,
                @RequestParam(required = false) String status, Authentication auth, Locale locale,
                HttpServletResponse response) throws IOException {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        WorklistQuery q = WorklistQuery.of(kind, region, callYear, degree, country, status, 0, null);
        Access access = Access.of(auth);
        List<WorklistLine> lines = worklist.export(q, access, format);
        WorklistExport export = new WorklistExport(messages, locale, access == Access.PERSONAL);
        String file = "agyn-worklist-" + monitoring.today() + "." + format;
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
        response.setHeader("Cache-Control", "no-store");
        if (format.equals("csv")) {
            response.setContentType("text/csv;charset=UTF-8");
            export.csv(lines, response.getOutputStream());
        } else {
            response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            export.xlsx(lines, response.getOutputStream());
        }
    }
}
