package kz.agyn.registry.incentives;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import kz.agyn.platform.problems.Problem;

/**
 * One incentive with who qualifies today and what it costs a year: {@code bandBased} people are costed at their
 * reported salary band, {@code assumed} at the rule's assumed average salary; {@code perPersonKzt} is set when
 * everyone is costed the same. {@code problems} (each at its line)
 * is non-empty when the stored text no longer validates (then nothing is computed). {@code excluded} counts who
 * fails which condition, so that a count of nobody can be explained.
 */
public record IncentiveCost(String code, String nameKk, String nameRu, String nameEn, boolean active, String rules,
                            String updatedBy, Instant updatedAt, IncentiveRule rule, int eligible, int bandBased,
                            int assumed, BigDecimal perPersonKzt, BigDecimal annualCostKzt,
                            @JsonIgnore List<Problem> problems, Exclusions excluded) {

    /**
     * The problems as the API has always given them, {@code {line, code, args}}: a script that reads them keeps
     * working now that they are platform problems (whose line is their row).
     */
    @JsonProperty("problems")
    public List<Map<String, Object>> problemsByLine() {
        return problems.stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", p.row());
            m.put("code", p.code());
            m.put("args", p.args());
            return m;
        }).toList();
    }

    public String name(java.util.Locale locale) {
        return switch (locale.getLanguage()) {
            case "ru" -> nameRu;
            case "en" -> nameEn;
            default -> nameKk;
        };
    }
}
