package kz.agyn.costmodel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The model's parameter codes in their canonical order, and each code's slot in the value arrays the evaluator
 * works on: Monte Carlo draws into a plain double[] so that a draw allocates nothing.
 */
final class Codes {

    static final String RETURN_PROBABILITY = "return_probability";
    static final String DISCOUNT_RATE = "discount_rate";
    static final String WORKING_YEARS = "working_years";
    static final String INCOME_TAX_RATE = "income_tax_rate";
    static final String PENSION_RATE = "pension_contribution_rate";
    static final String SOCIAL_RATE = "social_tax_rate";
    static final String PRODUCTIVITY_PREMIUM = "productivity_premium";
    static final String REPLACEMENT_MONTHS = "replacement_months";
    static final String REMITTANCES = "remittances_per_year";
    static final String RECOVERED_SHARE = "scholarship_recovered_share";
    static final String PAY_SCHOOL = "pay_school";
    static final String PAY_HIGHLY_SKILLED = "pay_highly_skilled";

    static String emigrants(EducationLevel level) {
        return "emigrants_" + level.key();
    }

    static String spending(EducationLevel level) {
        return "spending_" + level.key();
    }

    static String years(EducationLevel level) {
        return "years_" + level.key();
    }

    /** Only master's and doctoral studies abroad are funded by scholarships in the model. */
    static String scholarship(EducationLevel level) {
        return "scholarship_" + level.key();
    }

    static String scholarShare(EducationLevel level) {
        return "scholar_share_" + level.key();
    }

    static boolean hasScholarship(EducationLevel level) {
        return level == EducationLevel.MASTER || level == EducationLevel.PHD;
    }

    static String pay(EducationLevel level) {
        return level.highlySkilled() ? PAY_HIGHLY_SKILLED : PAY_SCHOOL;
    }

    /** Every code, in the order the defaults file, the tables and the value arrays use. */
    static final List<String> ALL;
    private static final Map<String, Integer> INDEX = new HashMap<>();

    static {
        List<String> all = new ArrayList<>();
        for (EducationLevel l : EducationLevel.values()) {
            all.add(emigrants(l));
        }
        for (EducationLevel l : EducationLevel.values()) {
            all.add(spending(l));
        }
        for (EducationLevel l : EducationLevel.values()) {
            all.add(years(l));
        }
        for (EducationLevel l : EducationLevel.values()) {
            if (hasScholarship(l)) {
                all.add(scholarship(l));
            }
        }
        for (EducationLevel l : EducationLevel.values()) {
            if (hasScholarship(l)) {
                all.add(scholarShare(l));
            }
        }
        all.addAll(List.of(RECOVERED_SHARE, PAY_SCHOOL, PAY_HIGHLY_SKILLED, INCOME_TAX_RATE, PENSION_RATE,
                SOCIAL_RATE, WORKING_YEARS, DISCOUNT_RATE, PRODUCTIVITY_PREMIUM, REPLACEMENT_MONTHS, REMITTANCES,
                RETURN_PROBABILITY));
        ALL = Collections.unmodifiableList(all);
        for (int i = 0; i < all.size(); i++) {
            INDEX.put(all.get(i), i);
        }
    }

    /** The slot of {@code code}, or -1 if the model does not know it. */
    static int index(String code) {
        return INDEX.getOrDefault(code, -1);
    }

    private Codes() {
    }
}
