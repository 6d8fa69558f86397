package kz.agyn.registry.imports;

import java.util.List;

import kz.agyn.platform.problems.ShownProblem;

/**
 * What a bulk import of scholars, awards and jobs found and did, as shown to one reader: the problems are in their
 * language (see {@link RegistryImportResult}, the same untranslated). {@code status}: see {@link RegistryImportState}
 * (never RUNNING here).
 * Rows already in the registry (the same {@code scholar_ref}, {@code award_ref}, or scholar and {@code seq})
 * are counted in {@code existing} and left alone, so importing the same files twice changes nothing. A problem
 * names no personal data.
 */
public record RegistryImportReport(RegistryImportState status, int scholars, int awards, int employments, int existing,
                                   long problemCount, List<ShownProblem> problems, long millis) {
}
