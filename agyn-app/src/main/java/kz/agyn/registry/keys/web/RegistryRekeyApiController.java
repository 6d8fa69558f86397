package kz.agyn.registry.keys.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.agyn.registry.Access;
import kz.agyn.registry.keys.RegistryKeyState;
import kz.agyn.registry.keys.RegistryRekeyJobs;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The re-key job after a rotation of the registry's key: administrators only, as is the key itself. */
@RestController
@RequestMapping("/api/v1/registry/rekey")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Scholar registry", description = "State scholars, awards, jobs and the work-off obligation.")
class RegistryRekeyApiController {

    private static final URI SELF = URI.create("/api/v1/registry/rekey");

    private final RegistryRekeyJobs jobs;

    RegistryRekeyApiController(RegistryRekeyJobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping
    @Operation(summary = "Start the re-key job after a key rotation", description = "Every scholar's row holding "
            + "a value under another key than the current one is decrypted, encrypted under the current key and "
            + "its IIN and name hashes are computed again, in batches of 250, each its own transaction; "
            + "pseudonyms are kept. Rows already under the current key are skipped, so a second run, or a run "
            + "after a cancel or a crash, goes on where the last stopped. Answers 202 with the state below, or "
            + "409 while a job runs. ADMIN only.")
    ResponseEntity<RegistryKeyState> start(Authentication auth) {
        jobs.start(Access.of(auth), auth.getName());
        return ResponseEntity.accepted().location(SELF).body(jobs.state());
    }

    @GetMapping
    @Operation(summary = "The registry's key ids, the rows still under retired keys, and the re-key job",
            description = "currentKeyId and loadedKeyIds are the 8-hex-digit ids every ciphertext carries, never "
                    + "key material. rowsUnderOtherKeys counts scholars whose values are under another key than "
                    + "the current one (rowsByKeyId by key), whether or not a job runs: a retired key may be "
                    + "removed from agyn.registry.retired-keys once it is 0. job is the running or last job since "
                    + "the start (status RUNNING, DONE, CANCELLED or FAILED; done of total rows), or null.")
    RegistryKeyState state() {
        return jobs.state();
    }

    @PostMapping("/cancel")
    @Operation(summary = "Stop the re-key job", description = "The job stops after the batch under way; the "
            + "batches before stay committed, the rest stay under their old key, every row readable. Run the "
            + "job again to go on. Answers the state; without a running job nothing changes.")
    RegistryKeyState cancel() {
        jobs.cancel();
        return jobs.state();
    }
}
