package kz.agyn.costmodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small parameter set with round numbers, so that the model's result can be worked out by hand. The discount
 * rate 25% over 2 years makes the annuity factor exact: a = (1 − 1.25^−2)/0.25 = (1 − 0.64)/0.25 = 1.44.
 */
final class RoundNumbers {

    static final Map<String, Double> VALUES = new LinkedHashMap<>();

    static {
        VALUES.put("emigrants_school", 100.0);
        VALUES.put("emigrants_bachelor", 1_000.0);
        VALUES.put("emigrants_master", 200.0);
        VALUES.put("emigrants_phd", 50.0);
        VALUES.put("spending_school", 500_000.0);
        VALUES.put("spending_bachelor", 1_000_000.0);
        VALUES.put("spending_master", 2_000_000.0);
        VALUES.put("spending_phd", 4_000_000.0);
        VALUES.put("years_school", 11.0);
        VALUES.put("years_bachelor", 4.0);
        VALUES.put("years_master", 2.0);
        VALUES.put("years_phd", 3.0);
        VALUES.put("scholarship_master", 10_000_000.0);
        VALUES.put("scholarship_phd", 20_000_000.0);
        VALUES.put("scholar_share_master", 0.1);
        VALUES.put("scholar_share_phd", 0.2);
        VALUES.put("scholarship_recovered_share", 0.5);
        VALUES.put("pay_school", 100_000.0);
        VALUES.put("pay_highly_skilled", 200_000.0);
        VALUES.put("income_tax_rate", 0.10);
        VALUES.put("pension_contribution_rate", 0.10);
        VALUES.put("social_tax_rate", 0.05);
        VALUES.put("working_years", 2.0);
        VALUES.put("discount_rate", 0.25);
        VALUES.put("productivity_premium", 0.5);
        VALUES.put("replacement_months", 3.0);
        VALUES.put("remittances_per_year", 100_000.0);
        VALUES.put("return_probability", 0.2);
    }

    /** Every parameter FIXED at its round value, with the unit of the shipped default. */
    static ParameterSet fixed() {
        List<Parameter> ps = new ArrayList<>();
        for (Parameter d : ParameterSet.defaults().parameters()) {
            ps.add(Parameter.fixed(d.code(), d.unit(), VALUES.get(d.code()), new Source("test", null), true));
        }
        return ParameterSet.of(ps);
    }

    /** Every parameter triangular on base × (1 ± spread), symmetric around its round value. */
    static ParameterSet symmetric(double spread) {
        List<Parameter> ps = new ArrayList<>();
        for (Parameter d : ParameterSet.defaults().parameters()) {
            double v = VALUES.get(d.code());
            ps.add(new Parameter(d.code(), d.unit(), v, v * (1 - spread), v * (1 + spread), Distribution.TRIANGULAR,
                    new Source("test", null), true));
        }
        return ParameterSet.of(ps);
    }

    private RoundNumbers() {
    }
}
