package kz.agyn.jobs.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.agyn.jobs.JobFilter;
import kz.agyn.jobs.JobKind;
import kz.agyn.jobs.JobState;
import kz.agyn.jobs.JobTexts;
import kz.agyn.jobs.JobView;
import kz.agyn.jobs.Jobs;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Jobs over the API. An administrator sees and cancels every job; anyone else signed in sees and cancels only the
 * jobs they started (another user's job answers 404, as if it did not exist, so ids cannot be probed).
 */
@RestController
@Tag(name = "Jobs", description = "Long work of every feature: imports, refreshes, re-keys; progress and cancel")
class JobsApiController {

    private final Jobs jobs;
    private final JobTexts texts;

    JobsApiController(Jobs jobs, JobTexts texts) {
        this.jobs = jobs;
        this.texts = texts;
    }

    /** A job with its kind, phase and outcome also as text in the request's language. */
    record Item(UUID id, JobKind kind, String kindName, String startedBy, Map<String, String> parameters,
                JobState state, String phase, String phaseName, long done, Long total, int percent,
                boolean cancelRequested, Instant startedAt, Instant updatedAt, Instant endedAt, String outcome,
                List<String> outcomeArgs, String outcomeText, String resultLink) {
    }

    private Item item(JobView j, Locale locale) {
        return new Item(j.id(), j.kind(), texts.kind(j, locale), j.startedBy(), j.parameters(), j.state(), j.phase(),
                texts.phase(j, locale), j.done(), j.total(), j.percent(), j.cancelRequested(), j.startedAt(),
                j.updatedAt(), j.endedAt(), j.outcome(), j.outcomeArgs(), texts.outcome(j, locale), j.resultLink());
    }

    static boolean admin(Authentication auth) {
        return auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }

    @GetMapping("/api/v1/jobs")
    @Operation(summary = "Running and recent jobs, running first then newest", description = "Filters: kind, "
            + "state (RUNNING, SUCCEEDED, FAILED, CANCELLED), startedBy (administrators; others always see their "
            + "own), limit (default 100, at most 1000). A job whose process died is shown FAILED with the outcome "
            + "jobs.outcome.interrupted.")
    List<Item> list(@RequestParam(required = false) JobKind kind, @RequestParam(required = false) JobState state,
                    @RequestParam(required = false) String startedBy,
                    @RequestParam(defaultValue = "100") int limit, Authentication auth, Locale locale) {
        String by = admin(auth) ? startedBy : auth.getName();
        return jobs.list(new JobFilter(kind, by, state, limit)).stream().map(j -> item(j, locale)).toList();
    }

    @GetMapping("/api/v1/jobs/{id}")
    @Operation(summary = "One job: its phase, counts, state and outcome")
    ResponseEntity<Item> one(@PathVariable UUID id, Authentication auth, Locale locale) {
        return jobs.find(id).filter(j -> admin(auth) || j.startedBy().equals(auth.getName()))
                .map(j -> ResponseEntity.ok(item(j, locale)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @PostMapping("/api/v1/jobs/{id}/cancel")
    @Operation(summary = "Asks a running job to stop", description = "202 when asked; 409 when the job is not "
            + "running; the job ends CANCELLED at its next safe point (what it had written is kept or rolled back "
            + "as its feature says).")
    ResponseEntity<Item> cancel(@PathVariable UUID id, Authentication auth, Locale locale) {
        JobView job = jobs.find(id).filter(j -> admin(auth) || j.startedBy().equals(auth.getName())).orElse(null);
        if (job == null) {
            return ResponseEntity.notFound().build();
        }
        boolean asked = jobs.cancel(id);
        JobView now = jobs.find(id).orElseThrow();
        return ResponseEntity.status(asked ? HttpStatus.ACCEPTED : HttpStatus.CONFLICT).body(item(now, locale));
    }
}
