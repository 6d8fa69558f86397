package kz.agyn.registry.incentives;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One incentive with who qualifies today and what it costs a year: {@code bandBased} people are costed at their
 * reported salary band, {@code assumed} at the rule's assumed average salary; {@code perPersonKzt} is set when
 * everyone is costed the same. {@code problems} is non-empty when the stored text no longer validates (then
 * nothing is computed).
 */
public record IncentiveCost(String code, String nameKk, String nameRu, String nameEn, boolean active, String rules,
                            String updatedBy, Instant updatedAt, IncentiveRule rule, int eligible, int bandBased,
                            int assumed, BigDecimal perPersonKzt, BigDecimal annualCostKzt,
                            List<RuleProblem> problems) {

    public String name(java.util.Locale locale) {
        return switch (locale.getLanguage()) {
            case "ru" -> nameRu;
            case "en" -> nameEn;
            default -> nameKk;
        };
    }
}
