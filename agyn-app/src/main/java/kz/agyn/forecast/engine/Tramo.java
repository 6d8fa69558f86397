package kz.agyn.forecast.engine;

import java.util.ArrayList;
import java.util.List;

import jdplus.toolkit.base.api.arima.SarimaSpec;
import jdplus.toolkit.base.api.data.DoubleSeq;
import jdplus.toolkit.base.api.data.Parameter;
import jdplus.toolkit.base.api.math.matrices.Matrix;
import jdplus.toolkit.base.api.modelling.TransformationType;
import jdplus.toolkit.base.api.processing.ProcessingLog;
import jdplus.toolkit.base.api.timeseries.TsData;
import jdplus.toolkit.base.api.timeseries.TsPeriod;
import jdplus.toolkit.base.api.timeseries.regression.IOutlier;
import jdplus.toolkit.base.api.timeseries.regression.ModellingContext;
import jdplus.toolkit.base.api.timeseries.regression.Variable;
import jdplus.toolkit.base.core.regsarima.regular.RegSarimaModel;
import jdplus.toolkit.base.core.stats.likelihood.LikelihoodStatistics;
import jdplus.tramoseats.base.api.tramo.TramoSpec;
import jdplus.tramoseats.base.core.tramo.TramoKernel;

/**
 * TRAMO/regARIMA through JDemetra+ v3 with its predefined specification TR3: a log/level test, automatic ARIMA
 * identification, and automatic detection of additive outliers, level shifts and transitory changes; no
 * calendar regressors (the warehouse holds counts of people, not of working days, and the engine is given values
 * without dates). Forecasts are made in the model's scale; a log model's point is exp of the log forecast (the
 * median) and its intervals exp of the log bounds, as R's {@code forecast} does without bias adjustment.
 */
final class Tramo {

    private Tramo() {
    }

    /** @throws IllegalStateException when TRAMO cannot model the series (it reports why) */
    static Prediction forecast(double[] y, int period, int h, Transform transform) {
        TsPeriod start = switch (period) {
            case 12 -> TsPeriod.monthly(2000, 1);
            case 4 -> TsPeriod.quarterly(2000, 1);
            default -> TsPeriod.yearly(2000);
        };
        TsData series = TsData.ofInternal(start, y);
        TramoSpec spec = TramoSpec.TR3;
        if (transform != Transform.AUTO) {
            spec = spec.toBuilder().transform(spec.getTransform().toBuilder()
                    .function(transform == Transform.LOG ? TransformationType.Log : TransformationType.None)
                    .build()).build();
        }
        RegSarimaModel model;
        try {
            model = TramoKernel.of(spec, ModellingContext.getActiveContext()).process(series, ProcessingLog.dummy());
        } catch (RuntimeException e) {
            throw new IllegalStateException("TRAMO: " + e.getMessage(), e);
        }
        if (model == null) {
            throw new IllegalStateException("TRAMO gave no model");
        }
        boolean log = model.getDescription().isLogTransformation();
        RegSarimaModel.Forecasts f = model.forecasts(h);
        DoubleSeq raw = f.getRawForecasts().getValues();
        DoubleSeq rawSd = f.getRawForecastsStdev().getValues();
        double[] mean = new double[h];
        double[][] bounds = new double[4][h];
        double[] z = {-SimpleMethods.Z80, SimpleMethods.Z80, -SimpleMethods.Z95, SimpleMethods.Z95};
        for (int i = 0; i < h; i++) {
            double m = raw.get(i);
            double s = rawSd.get(i);
            mean[i] = log ? Math.exp(m) : m;
            for (int k = 0; k < 4; k++) {
                double b = m + z[k] * s;
                bounds[k][i] = log ? Math.exp(b) : b;
            }
            if (!Double.isFinite(mean[i])) {
                throw new IllegalStateException("TRAMO forecast is not finite");
            }
        }
        return new Prediction(Method.TRAMO, mean, bounds[0], bounds[1], bounds[2], bounds[3], describe(model, log));
    }

    private static Model describe(RegSarimaModel model, boolean log) {
        SarimaSpec arima = model.getDescription().getStochasticComponent();
        String orders = "(" + arima.getP() + "," + arima.getD() + "," + arima.getQ() + ")"
                + (arima.getPeriod() > 1 ? "(" + arima.getBp() + "," + arima.getBd() + "," + arima.getBq() + ")"
                + arima.getPeriod() : "");
        List<Model.Parameter> params = new ArrayList<>();
        DoubleSeq values = model.getEstimation().getParameters().getValues();
        Matrix cov = model.getEstimation().getParameters().getCovariance();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= arima.getP(); i++) {
            names.add("phi" + i);
        }
        for (int i = 1; i <= arima.getBp(); i++) {
            names.add("bphi" + i);
        }
        for (int i = 1; i <= arima.getQ(); i++) {
            names.add("theta" + i);
        }
        for (int i = 1; i <= arima.getBq(); i++) {
            names.add("btheta" + i);
        }
        for (int i = 0; i < names.size() && i < values.length(); i++) {
            Double se = cov != null && cov.getRowsCount() > i ? Math.sqrt(cov.get(i, i)) : null;
            params.add(new Model.Parameter(names.get(i), values.get(i), se));
        }
        List<Model.Outlier> outliers = new ArrayList<>();
        DoubleSeq coefficients = model.getEstimation().getCoefficients();
        Matrix coefCov = model.getEstimation().getCoefficientsCovariance();
        Variable<?>[] variables = model.getDescription().getVariables();
        int dims = 0;
        for (Variable<?> v : variables) {
            dims += v.dim();
        }
        // The coefficients end with the variables' (a mean, when there is one, comes first).
        int at = coefficients.length() - dims;
        for (Variable<?> v : variables) {
            if (v.getCore() instanceof IOutlier o) {
                Parameter c = v.getCoefficient(0);
                double value = c.getValue();
                Double t = null;
                if (at >= 0 && coefCov != null && at < coefCov.getRowsCount()) {
                    double se = Math.sqrt(coefCov.get(at, at));
                    t = se > 0 ? coefficients.get(at) / se : null;
                }
                int index = model.getDescription().getDomain().indexOf(o.getPosition());
                outliers.add(new Model.Outlier(o.getCode(), index, value, t));
            }
            at += v.dim();
        }
        LikelihoodStatistics st = model.getEstimation().getStatistics();
        int n = st.getEffectiveObservationsCount();
        double ssq = model.getResiduals().getSsq();
        int df = model.getResiduals().getDf();
        double sigma = Math.sqrt(ssq / Math.max(1, df > 0 ? df : n));
        // Criteria on the original scale (the likelihood adjusted for the log's Jacobian), comparable across
        // log and level models.
        return new Model(Method.TRAMO, orders, log, params, outliers,
                new Model.Fit(n, sigma, st.getAdjustedLogLikelihood(), st.getAIC(), st.getBIC()), false, List.of());
    }
}
