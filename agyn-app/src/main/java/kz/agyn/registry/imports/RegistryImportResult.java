package kz.agyn.registry.imports;

import java.util.List;
import java.util.Locale;

import kz.agyn.platform.problems.Problem;
import kz.agyn.platform.problems.ProblemMessages;

/**
 * What a bulk import found and did, its problems not yet put into words: a job keeps this, and each reader sees it
 * as a {@link RegistryImportReport} in their own language. Statuses and counts as there.
 */
public record RegistryImportResult(RegistryImportState status, int scholars, int awards, int employments, int existing,
                                   long problemCount, List<Problem> problems, long millis) {

    public RegistryImportResult {
        problems = List.copyOf(problems);
    }

    /** Stopped with nothing written, for the reason {@code status} says; {@code why}, if any, the one problem. */
    static RegistryImportResult stopped(RegistryImportState status, Problem why, long millis) {
        return new RegistryImportResult(status, 0, 0, 0, 0, why == null ? 0 : 1,
                why == null ? List.of() : List.of(why), millis);
    }

    /** As {@code locale}'s reader sees it. */
    public RegistryImportReport report(ProblemMessages messages, Locale locale) {
        return new RegistryImportReport(status, scholars, awards, employments, existing, problemCount,
                messages.shown(problems, locale), millis);
    }
}
