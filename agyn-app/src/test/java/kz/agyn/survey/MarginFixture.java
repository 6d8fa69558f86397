package kz.agyn.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import kz.agyn.reference.Names;
import kz.agyn.survey.internal.SurveyRepository;
import kz.agyn.warehouse.ImportMapping;
import kz.agyn.warehouse.ImportReport;
import kz.agyn.warehouse.ImportService;
import kz.agyn.warehouse.Warehouse;

/**
 * What the margin-choice tests share: a warehouse dataset of young specialists in two regions for 2023 and
 * 2024, and two surveys of their own whose 32 respondents all fall in its categories — one with margins of
 * its own, one without. Respondents in the first region give "pay" as the main reason and those in the second
 * "growth", so the share of "pay" is the weight of the first region: 60 % under 2024, 40 % under 2023 and
 * 50 % under the survey's own margins. Made once per database; tests put the surveys back as they found them.
 */
final class MarginFixture {

    static final String DATASET = "test-margin-choice";
    static final String TITLE_EN = "Test: margin choice";
    static final String WITH_OWN = "test-margin-choice-own";
    static final String WITHOUT_OWN = "test-margin-choice-bare";
    static final String OWN_SOURCE = "Made up for the margin-choice tests";
    static final String FIRST = "330000000";
    static final String SECOND = "750000000";

    final Survey withOwn;
    final Survey withoutOwn;

    MarginFixture(SurveyService surveys, SurveyRepository repository, Warehouse warehouse, ImportService imports) {
        synchronized (MarginFixture.class) {
            if (warehouse.dataset(DATASET).isEmpty()) {
                warehouse.createDataset(DATASET, new Names("Сынақ: маргинал таңдау", "Тест: выбор маргиналов",
                        TITLE_EN), "Agyn tests", null, null, null, true);
                ImportReport report = imports.upload(DATASET, "margin-choice.csv",
                        new ByteArrayInputStream(csv().getBytes(StandardCharsets.UTF_8)), "csv",
                        ImportMapping.empty(), "test", Locale.ENGLISH);
                assertThat(report.problemCount()).as(report.problems().toString()).isZero();
                imports.accept(report.id(), "test", Locale.ENGLISH);
            }
            withOwn = survey(surveys, repository, WITH_OWN, OWN_SOURCE);
            withoutOwn = survey(surveys, repository, WITHOUT_OWN, null);
            if (repository.margins(withOwn.id()).isEmpty()) {
                Map<String, Map<String, Double>> own = new LinkedHashMap<>();
                own.put("region", Map.of(FIRST, 500.0, SECOND, 500.0));
                own.put("age_group", Map.of("25-29", 400.0, "30-35", 600.0));
                own.put("sex", Map.of("M", 480.0, "F", 520.0));
                own.put("education", Map.of("6", 700.0, "7", 300.0));
                repository.insertMargins(withOwn.id(), own);
            }
        }
    }

    /** Every cell of region × age × sex × education; the first region holds 60 % in 2024 and 40 % in 2023. */
    private static String csv() {
        StringBuilder csv = new StringBuilder("INDICATOR,TIME_PERIOD,REF_AREA,OCCUPATION,EDUCATION,COUNTERPART_AREA,"
                + "SEX,AGE,FLOW,OBS_VALUE,UNIT_MULT,OBS_STATUS\n");
        for (String year : List.of("2023", "2024")) {
            for (String region : List.of(FIRST, SECOND)) {
                int persons = region.equals(FIRST) == year.equals("2024") ? 600 : 400;
                for (String age : List.of("Y25T29", "Y30T35")) {
                    for (String sex : List.of("M", "F")) {
                        for (String education : List.of("6", "7")) {
                            csv.append("POP_YOUNG_SPECIALISTS,").append(year).append(',').append(region)
                                    .append(",_T,").append(education).append(",_T,").append(sex).append(',')
                                    .append(age).append(",_Z,").append(persons).append(",0,E\n");
                        }
                    }
                }
            }
        }
        return csv.toString();
    }

    private static Survey survey(SurveyService surveys, SurveyRepository repository, String code, String source) {
        Survey survey = surveys.survey(code).orElseGet(() -> surveys.survey(repository.createSurvey(code,
                repository.questionnaireId("migration-intentions", 1).orElseThrow(),
                new Names("Сынақ " + code, "Тест " + code, "Test " + code), "2024", false, source)));
        if (survey.respondents() == 0) {
            List<Response> responses = new ArrayList<>();
            int i = 0;
            for (String region : List.of(FIRST, SECOND)) {
                for (String age : List.of("25-29", "30-35")) {
                    for (String sex : List.of("M", "F")) {
                        for (String education : List.of("6", "7")) {
                            for (int copy = 0; copy < 2; copy++) {
                                Map<String, List<String>> choices = new LinkedHashMap<>();
                                choices.put("region", List.of(region));
                                choices.put("age_group", List.of(age));
                                choices.put("sex", List.of(sex));
                                choices.put("education", List.of(education));
                                choices.put("intend_leave", List.of("no"));
                                choices.put("reasons_main", List.of(region.equals(FIRST) ? "pay" : "growth"));
                                responses.add(new Response("m" + i++, 1.0, choices, Map.of(), Map.of()));
                            }
                        }
                    }
                }
            }
            repository.insertResponses(survey.id(), "IMPORT", null, surveys.questions(survey.id()), responses);
            survey = surveys.survey(survey.id());
        }
        return survey;
    }
}
