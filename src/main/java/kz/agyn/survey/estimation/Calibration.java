package kz.agyn.survey.estimation;

import java.util.ArrayList;
import java.util.List;

/**
 * How a design's weights were calibrated, kept so that the variance can account for it: the weights before
 * calibration and each respondent's category of every variable raked on.
 *
 * <p>Raking makes the weighted totals of those categories equal known population totals, so they no longer vary
 * from sample to sample; the variance of an estimate must then be that of the part of it the raking variables do
 * not explain. Following R's {@code survey} ({@code calibrate(..., calfun = "raking")} and the
 * {@code greg_calibration} branch of {@code svyrecvar}), each respondent's influence value {@code x_i} is replaced
 * by {@code x_i − w_i m_iᵀ β}, where {@code m_i} holds an intercept and the indicators of the respondent's
 * categories (the first category of each variable left out, as {@code model.matrix(~a + b)} does), {@code w_i}
 * is the calibrated weight and β is the least-squares fit of {@code x_i / w_i} on {@code m_i} weighted by the
 * weights before calibration {@code d_i}. Treating the raked weights as fixed would skip this and usually
 * overstate the standard error of what the margins predict.
 *
 * @param baseWeights the weights before calibration, {@code d_i}, aligned with the design
 * @param categories  for each raking variable, every respondent's category
 */
public record Calibration(List<Double> baseWeights, List<List<String>> categories) {

    public Calibration {
        baseWeights = List.copyOf(baseWeights);
        List<List<String>> copy = new ArrayList<>();
        for (List<String> c : categories) {
            if (c.size() != baseWeights.size()) {
                throw new IllegalArgumentException("a raking variable has " + c.size() + " categories for "
                        + baseWeights.size() + " respondents");
            }
            copy.add(List.copyOf(c));
        }
        categories = List.copyOf(copy);
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("a calibration needs at least one variable");
        }
    }

    /** The calibration of a raking: its variables' categories and the weights it started from. */
    public static Calibration of(List<Double> baseWeights, List<RakingVariable> variables) {
        return new Calibration(baseWeights, variables.stream().map(RakingVariable::categories).toList());
    }
}
