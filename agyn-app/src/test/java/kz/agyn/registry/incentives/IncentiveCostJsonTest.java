package kz.agyn.registry.incentives;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import kz.agyn.platform.problems.Problem;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A stored rule that no longer validates: the API gives its problems as it always did, {line, code, args}. */
class IncentiveCostJsonTest {

    @Test
    void problemsKeepTheirLineCodeAndArguments() {
        IncentiveCost cost = new IncentiveCost("x", "x", "x", "x", true, "colour = red", "admin", null, null, 0, 0,
                0, null, BigDecimal.ZERO, List.of(Problem.atLine(3, "monitoring.rule.unknownKey", 3, "colour")),
                Exclusions.NONE);
        JsonNode json = JsonMapper.builder().build().valueToTree(cost);
        assertThat(json.get("problems").toString())
                .isEqualTo("[{\"line\":3,\"code\":\"monitoring.rule.unknownKey\",\"args\":[3,\"colour\"]}]");
        assertThat(json.has("problemsByLine")).isFalse();
    }
}
