package kz.agyn.survey.internal;

import java.util.List;

import kz.agyn.reference.Names;
import kz.agyn.survey.Question;
import kz.agyn.survey.Response;
import kz.agyn.survey.demo.SyntheticSurvey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the two synthetic demonstration waves ({@link SyntheticSurvey#WAVE_2024} and
 * {@link SyntheticSurvey#WAVE_2025}) on start, each once: a survey that already exists is left alone, so
 * restarts change nothing. Switched off with {@code agyn.demo.survey=false}, as the warehouse demonstration data
 * are with {@code agyn.demo.enabled=false}.
 */
@Component
@Order(20)
class SurveyDemoData implements ApplicationRunner {

    static final String CODE = "demo-young-specialists-2024";
    static final String CODE_2025 = "demo-young-specialists-2025";
    static final String MARGIN_SOURCE = "Synthetic population margins of young specialists aged 18–35 (1,200,000 "
            + "persons) by region, age group, sex and education, made up by kz.agyn.survey.demo.SyntheticSurvey; "
            + "not official statistics";

    private record Demo(String code, String wave, Names title, SyntheticSurvey.Wave parameters) {
    }

    private static final List<Demo> DEMOS = List.of(
            new Demo(CODE, "2024", new Names("Жас мамандардың көші-қон ниеттері, 2024 (синтетикалық деректер)",
                    "Миграционные намерения молодых специалистов, 2024 (синтетические данные)",
                    "Migration intentions of young specialists, 2024 (synthetic data)"), SyntheticSurvey.WAVE_2024),
            new Demo(CODE_2025, "2025", new Names("Жас мамандардың көші-қон ниеттері, 2025 (синтетикалық деректер)",
                    "Миграционные намерения молодых специалистов, 2025 (синтетические данные)",
                    "Migration intentions of young specialists, 2025 (synthetic data)"), SyntheticSurvey.WAVE_2025));

    private static final Logger log = LoggerFactory.getLogger(SurveyDemoData.class);

    private final SurveyRepository repository;
    private final TransactionTemplate transactions;
    private final boolean enabled;

    SurveyDemoData(SurveyRepository repository, TransactionTemplate transactions,
                   @Value("${agyn.demo.survey:true}") boolean enabled) {
        this.repository = repository;
        this.transactions = transactions;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        int questionnaire = repository.questionnaireId("migration-intentions", 1).orElseThrow();
        List<Question> questions = repository.questions(questionnaire);
        for (Demo demo : DEMOS) {
            if (repository.survey(demo.code()).isPresent()) {
                continue;
            }
            List<Response> responses = SyntheticSurvey.generate(demo.parameters());
            transactions.executeWithoutResult(status -> {
                int id = repository.createSurvey(demo.code(), questionnaire, demo.title(), demo.wave(), true,
                        MARGIN_SOURCE);
                repository.insertMargins(id, SyntheticSurvey.margins());
                repository.insertResponses(id, "DEMO", null, questions, responses);
            });
            log.info("Loaded the synthetic demonstration survey {} ({} respondents)", demo.code(), responses.size());
        }
    }
}
