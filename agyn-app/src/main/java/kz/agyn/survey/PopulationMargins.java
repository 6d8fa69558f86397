package kz.agyn.survey;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.agyn.survey.internal.SurveyRepository.RespondentRow;
import kz.agyn.warehouse.DatasetInfo;
import kz.agyn.warehouse.Dimension;
import kz.agyn.warehouse.Observation;
import kz.agyn.warehouse.ObservationQuery;
import kz.agyn.warehouse.Warehouse;
import org.springframework.stereotype.Component;

/**
 * The population margins a survey's weights are raked to, read from the indicator warehouse: the young
 * specialists ({@value #INDICATOR}) of one dataset and period, by region, age group, sex and education.
 *
 * <p>Margins are summed from the fully cross-classified cells, not read from the subtotal rows, and only over
 * cells whose every category is an answer option of the survey. A warehouse that also counts, say, people
 * aged 36–40 then still gives four margins that describe the same population (the one the survey samples),
 * which raking needs; subtotals would mix in people the survey never asks.
 *
 * <p>Survey answers map to warehouse codes as follows: region (KATO), sex (M, F) and education (ISCED 2011
 * level) are the same codes on both sides; an age group "18-24" is the SDMX code Y18T24, and "65+" is Y_GE65.
 */
@Component
public class PopulationMargins {

    /** The indicator holding the survey's population; defined in V10__warehouse_margins.sql. */
    public static final String INDICATOR = "POP_YOUNG_SPECIALISTS";

    /** The profile fields the warehouse has a dimension for, with that dimension. */
    static final Map<ProfileField, Dimension> DIMENSIONS = dimensions();

    private static final Pattern AGE_RANGE = Pattern.compile("(\\d{1,3})\\s*[-–]\\s*(\\d{1,3})");
    private static final Pattern AGE_OPEN = Pattern.compile("(\\d{1,3})\\s*\\+");
    private static final String TOTAL = "_T";

    private final Warehouse warehouse;

    PopulationMargins(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Margins by profile field and survey category, and where they come from. */
    record Margins(Map<String, Map<String, Double>> byVariable, Estimates.WarehouseMargins source) {
    }

    private static Map<ProfileField, Dimension> dimensions() {
        Map<ProfileField, Dimension> m = new EnumMap<>(ProfileField.class);
        m.put(ProfileField.REGION, Dimension.REGION);
        m.put(ProfileField.AGE_GROUP, Dimension.AGE);
        m.put(ProfileField.SEX, Dimension.SEX);
        m.put(ProfileField.EDUCATION, Dimension.EDUCATION);
        return m;
    }

    /** The warehouse code of a survey answer for a profile field, or empty when it has none. */
    static Optional<String> warehouseCode(ProfileField field, String answer) {
        if (answer == null || answer.isBlank()) {
            return Optional.empty();
        }
        String a = answer.trim();
        if (field != ProfileField.AGE_GROUP) {
            return Optional.of(a);
        }
        Matcher range = AGE_RANGE.matcher(a);
        if (range.matches()) {
            return Optional.of("Y" + Integer.parseInt(range.group(1)) + "T" + Integer.parseInt(range.group(2)));
        }
        Matcher open = AGE_OPEN.matcher(a);
        if (open.matches()) {
            return Optional.of("Y_GE" + Integer.parseInt(open.group(1)));
        }
        return Optional.empty();
    }

    /**
     * The margins for the survey's profile questions that the warehouse has a dimension for.
     *
     * @throws SurveyException survey.margins.warehouse.* when the dataset is unknown, holds no population for the
     *                         period, or lacks a category that respondents gave
     */
    Margins of(Survey survey, List<Question> questions, List<RespondentRow> respondents) {
        String datasetCode = survey.marginDataset();
        String period = survey.marginPeriod();
        DatasetInfo dataset = warehouse.dataset(datasetCode).orElseThrow(() -> SurveyException.invalid(
                "survey.margins.warehouse.noDataset", datasetCode, survey.code()));
        ObservationQuery query = new ObservationQuery(INDICATOR, Map.of(), period, period, datasetCode, null, 0,
                ObservationQuery.MAX_PAGE_SIZE);
        long found = warehouse.count(query);
        if (found > ObservationQuery.MAX_PAGE_SIZE) {
            throw SurveyException.invalid("survey.margins.warehouse.tooMany", INDICATOR, datasetCode, period, found,
                    ObservationQuery.MAX_PAGE_SIZE);
        }
        List<Observation> observations = warehouse.observations(query);

        // The survey's variables and, for each, its answer options keyed by warehouse code.
        Map<ProfileField, Map<String, String>> optionByCode = new LinkedHashMap<>();
        for (Map.Entry<ProfileField, Dimension> e : DIMENSIONS.entrySet()) {
            ProfileField field = e.getKey();
            questions.stream().filter(q -> field.code().equals(q.profileField())).findFirst().ifPresent(q -> {
                Map<String, String> options = new LinkedHashMap<>();
                for (SurveyOption o : q.options()) {
                    warehouseCode(field, o.code()).ifPresent(c -> options.put(c, o.code()));
                }
                optionByCode.put(field, options);
            });
        }
        if (optionByCode.isEmpty()) {
            throw SurveyException.invalid("survey.margins.warehouse.noProfile", survey.code());
        }

        Map<ProfileField, Map<String, Double>> sums = new LinkedHashMap<>();
        optionByCode.forEach((f, options) -> {
            Map<String, Double> m = new LinkedHashMap<>();
            options.values().forEach(o -> m.put(o, 0.0));
            sums.put(f, m);
        });
        double population = 0;
        int version = 0;
        for (Observation o : observations) {
            if (!detailed(o, optionByCode.keySet())) {
                continue;
            }
            List<String> categories = new ArrayList<>();
            for (Map.Entry<ProfileField, Map<String, String>> e : optionByCode.entrySet()) {
                categories.add(e.getValue().get(code(o, DIMENSIONS.get(e.getKey()))));
            }
            if (categories.contains(null)) {
                continue;
            }
            double value = o.scaledValue().doubleValue();
            int i = 0;
            for (ProfileField f : optionByCode.keySet()) {
                sums.get(f).merge(categories.get(i++), value, Double::sum);
            }
            population += value;
            version = o.version();
        }
        if (population <= 0) {
            throw SurveyException.invalid("survey.margins.warehouse.empty", INDICATOR, datasetCode, period,
                    survey.code());
        }

        Map<String, Map<String, Double>> byVariable = new LinkedHashMap<>();
        for (Map.Entry<ProfileField, Map<String, Double>> e : sums.entrySet()) {
            ProfileField field = e.getKey();
            Map<String, Double> margins = new LinkedHashMap<>();
            e.getValue().forEach((category, persons) -> {
                if (persons > 0) {
                    margins.put(category, persons);
                }
            });
            for (RespondentRow r : respondents) {
                String answer = r.profile().get(field.code());
                if (answer != null && !margins.containsKey(answer)) {
                    long affected = respondents.stream().filter(x -> answer.equals(x.profile().get(field.code())))
                            .count();
                    throw SurveyException.invalid("survey.margins.warehouse.categoryAbsent", field.code(), answer,
                            affected, warehouseCode(field, answer).orElse("—"), INDICATOR, datasetCode, period);
                }
            }
            byVariable.put(field.code(), margins);
        }
        return new Margins(byVariable, new Estimates.WarehouseMargins(datasetCode, dataset.title(),
                dataset.publisher(), version, period, INDICATOR,
                warehouse.indicator(INDICATOR).map(i -> i.names()).orElse(null), dataset.synthetic(), population));
    }

    /**
     * Whether an observation is a cell of the cross-classification by exactly the survey's variables: no total in
     * any of them, and the total in every other dimension (so that a cube also split by occupation, say, is not
     * counted twice).
     */
    private static boolean detailed(Observation o, java.util.Set<ProfileField> used) {
        for (Map.Entry<ProfileField, Dimension> e : DIMENSIONS.entrySet()) {
            String c = code(o, e.getValue());
            boolean total = e.getValue() == Dimension.REGION ? "000000000".equals(c) : TOTAL.equals(c);
            if (used.contains(e.getKey()) == total) {
                return false;
            }
        }
        return TOTAL.equals(o.occupation()) && TOTAL.equals(o.country());
    }

    private static String code(Observation o, Dimension d) {
        return switch (d) {
            case REGION -> o.region();
            case AGE -> o.age();
            case SEX -> o.sex();
            case EDUCATION -> o.education();
            default -> throw new IllegalArgumentException(d.name());
        };
    }
}
