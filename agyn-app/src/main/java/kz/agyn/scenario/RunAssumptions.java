package kz.agyn.scenario;

import java.util.List;
import java.util.Map;

/**
 * What a run rested on, stored with its results and shown beside them: every input and its source, the
 * population's size and scale, the calibration's fit, and the labels of each dimension's values (KATO codes,
 * ISCO groups, ...), in the order of the results' code indices.
 */
public record RunAssumptions(List<Assumption> inputs, int agents, double personsPerAgent, List<FitLine> fit,
                             Map<String, List<String>> codes) {

    public RunAssumptions {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        fit = fit == null ? List.of() : List.copyOf(fit);
        codes = codes == null ? Map.of() : Map.copyOf(codes);
    }

    /** The label of a dimension's value: "_T" for the total, a KATO code, an ISCO group; its index if unknown. */
    public String code(String dimension, int index) {
        if (dimension.equals("TOTAL")) {
            return "_T";
        }
        List<String> c = codes.getOrDefault(dimension, List.of());
        return index < c.size() ? c.get(index) : String.valueOf(index);
    }
}
