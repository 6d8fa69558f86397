package kz.agyn.registry.casework;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A real-estate pledge as an officer enters it: the property (description, address), its appraised value,
 *  the day of the appraisal and the number of the pledge agreement. */
public record NewPledge(String property, BigDecimal valueKzt, LocalDate valuedOn, String documentNo) {
}
