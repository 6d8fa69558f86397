package kz.agyn.note;

import java.math.BigDecimal;
import java.util.List;

import kz.agyn.reference.Names;

/**
 * One figure as its source states it. {@code value} is in full units (150 bn KZT is 150000000000, 25 % is 25);
 * {@code valueHigh} is the upper end of a stated range; {@code approx} marks "about", "up to" and "1,000+".
 */
public record NoteFigure(int id, String dataset, String code, String topic, Names label, BigDecimal value,
                         BigDecimal valueHigh, boolean approx, String unit, String currency, String per,
                         String period, String countryIso2, String regionKato, String location, String quoteKk,
                         String sourceCode, String citedAs, List<String> contradictions) {

    public boolean isRange() {
        return valueHigh != null;
    }

    public boolean contradicted() {
        return !contradictions.isEmpty();
    }
}
