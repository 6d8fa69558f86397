package kz.agyn.forecast.engine;

import java.util.List;

/**
 * A forecast with everything that explains it: the prediction (intervals already calibrated), whether the method
 * was chosen automatically, every candidate's backtest (the chosen one among them), Naive2's, the calibration
 * applied, and the backtest's origins and horizon.
 */
public record Outcome(Prediction prediction, boolean automatic, List<Accuracy> backtest, Accuracy naive2,
                      Calibration calibration, int origins, int backtestHorizon) {

    public Method method() {
        return prediction.method();
    }

    public Accuracy accuracy() {
        return backtest.stream().filter(a -> a.method() == method()).findFirst().orElse(null);
    }
}
