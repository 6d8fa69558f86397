package kz.agyn.scenario.engine;

import java.util.List;

/** How well the calibrated baseline reproduces its targets. */
public record FitReport(List<TargetFit> targets) {

    public FitReport {
        targets = List.copyOf(targets);
    }

    public boolean allWithin() {
        return targets.stream().allMatch(TargetFit::within);
    }
}
