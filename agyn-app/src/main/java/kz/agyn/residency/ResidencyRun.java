package kz.agyn.residency;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kz.agyn.residency.engine.ExtractProblem;

/**
 * A stored residency run; the calibration's AUC and the accuracy are null until it has finished (the accuracy also
 * when there was no truth to compare with). An uploaded run has no seed, and its number of persons only once its
 * files have been read; {@code problems} are a refused upload's (empty otherwise); the published dataset and version
 * are those of the run's last publication to the warehouse (null if none).
 */
public record ResidencyRun(UUID id, RunSource source, String startedBy, Integer persons, Long seed,
                           LocalDate periodStart, int months, boolean finished, Double auc, Double precision,
                           Double recall, Double countError, List<ExtractProblem> problems, String publishedDataset,
                           Integer publishedVersion) {

    public ResidencyRun {
        problems = List.copyOf(problems);
    }

    /** Whether the run's files were refused (nothing was estimated or stored). */
    public boolean refused() {
        return !problems.isEmpty();
    }
}
