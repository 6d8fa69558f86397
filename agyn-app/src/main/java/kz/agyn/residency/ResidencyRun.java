package kz.agyn.residency;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A stored residency run; the calibration's AUC and the accuracy are null until it has finished (the accuracy also
 * when there was no truth to compare with).
 */
public record ResidencyRun(UUID id, String startedBy, int persons, long seed, LocalDate periodStart, int months,
                           boolean finished, Double auc, Double precision, Double recall, Double countError) {
}
