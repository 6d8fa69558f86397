package kz.agyn.scenario.engine;

import java.util.List;

/**
 * Calibrated coefficients: the central set, the draws that carry parameter uncertainty (simulation draw d uses
 * {@code draws.get(d % draws.size())}, or the central set when there are none) and the fit.
 */
public record Model(Coefficients central, List<Coefficients> draws, FitReport fit) {

    public Model {
        draws = List.copyOf(draws);
    }

    Coefficients forDraw(int draw) {
        return draws.isEmpty() ? central : draws.get(draw % draws.size());
    }
}
