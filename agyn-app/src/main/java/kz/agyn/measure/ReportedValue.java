package kz.agyn.measure;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A value of a manually reported KPI, with its evidence (what document or link shows it).
 *
 * @param evidence as written by the user who entered it
 */
public record ReportedValue(int year, BigDecimal value, String evidence, String enteredBy, Instant enteredAt) {
}
