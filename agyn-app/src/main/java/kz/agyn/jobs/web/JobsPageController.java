package kz.agyn.jobs.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import kz.agyn.jobs.JobFilter;
import kz.agyn.jobs.JobKind;
import kz.agyn.jobs.JobState;
import kz.agyn.jobs.JobTexts;
import kz.agyn.jobs.JobView;
import kz.agyn.jobs.Jobs;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrators' Jobs page (under /admin, which only ADMIN may open): running and recent, filter, cancel. */
@Controller
class JobsPageController {

    private final Jobs jobs;
    private final JobTexts texts;

    JobsPageController(Jobs jobs, JobTexts texts) {
        this.jobs = jobs;
        this.texts = texts;
    }

    /** A row of the page's table. */
    record Row(JobView job, String kind, String phase, String outcome) {
    }

    @GetMapping("/admin/jobs")
    String page(@RequestParam(required = false) JobKind kind, @RequestParam(required = false) JobState state,
                @RequestParam(required = false) String user, Model model, Locale locale) {
        table(kind, state, user, model, locale);
        model.addAttribute("kinds", Arrays.asList(JobKind.values()));
        model.addAttribute("states", Arrays.asList(JobState.values()));
        model.addAttribute("users", jobs.starters());
        model.addAttribute("kind", kind);
        model.addAttribute("state", state);
        model.addAttribute("user", user);
        return "admin-jobs";
    }

    /** The table alone, which the page reloads every two seconds while a job runs. */
    @GetMapping("/admin/jobs/table")
    String table(@RequestParam(required = false) JobKind kind, @RequestParam(required = false) JobState state,
                 @RequestParam(required = false) String user, Model model, Locale locale) {
        List<Row> rows = jobs.list(new JobFilter(kind, user, state, 200)).stream()
                .map(j -> new Row(j, texts.kind(j, locale), texts.phase(j, locale), texts.outcome(j, locale)))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("running", rows.stream().anyMatch(r -> r.job().state() == JobState.RUNNING));
        model.addAttribute("kind", kind);
        model.addAttribute("state", state);
        model.addAttribute("user", user);
        return "admin-jobs :: table";
    }

    @PostMapping("/admin/jobs/{id}/cancel")
    String cancel(@PathVariable UUID id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", jobs.cancel(id) ? "jobs.cancelAsked" : "jobs.notRunning");
        return "redirect:/admin/jobs";
    }
}
