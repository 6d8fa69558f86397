package kz.agyn.demo.survey.internal;

import java.util.List;
import java.util.Map;

import kz.agyn.demo.survey.SyntheticSurvey;
import kz.agyn.reference.Names;
import kz.agyn.survey.PopulationMargins;
import kz.agyn.survey.Response;
import kz.agyn.survey.SurveyCreationService;
import kz.agyn.survey.SyntheticSurveyService;
import kz.agyn.survey.SyntheticSurveyService.NewSyntheticSurvey;
import kz.agyn.warehouse.ObservationQuery;
import kz.agyn.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Loads the two synthetic demonstration waves ({@link SyntheticSurvey#WAVE_2024} and
 * {@link SyntheticSurvey#WAVE_2025}) on start, each once: a survey that already exists is left alone, so
 * restarts change nothing. They are written through the survey's {@link SyntheticSurveyService}, the way in for
 * generated answers, never into its storage. Switched off with {@code agyn.demo.survey=false}, as the warehouse demonstration data
 * are with {@code agyn.demo.enabled=false}.
 *
 * <p>Both waves are weighted to the young specialists of the synthetic warehouse population of
 * {@value #MARGIN_PERIOD} (loaded just before, at a lower order), the latest year it holds. Only when the
 * warehouse does not hold them (its demonstration data switched off) does a wave get the survey's own synthetic
 * margins of {@link SyntheticSurvey#margins()} instead, so that it can still be weighted.
 */
@Component
// Part of starting the observatory; a command-line tool (no web server) neither needs it nor should wait for it.
@ConditionalOnWebApplication
@Order(20)
class SurveyDemoData implements ApplicationRunner {

    static final String CODE = "demo-young-specialists-2024";
    static final String CODE_2025 = "demo-young-specialists-2025";
    static final String MARGIN_DATASET = "synthetic-population";
    static final String MARGIN_PERIOD = "2024";
    static final String MARGIN_SOURCE = "Synthetic population margins of young specialists aged 18–35 (1,200,000 "
            + "persons) by region, age group, sex and education, made up by kz.agyn.demo.survey.SyntheticSurvey; "
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

    private final SyntheticSurveyService surveys;
    private final Warehouse warehouse;
    private final boolean enabled;

    SurveyDemoData(SyntheticSurveyService surveys, Warehouse warehouse,
                   @Value("${agyn.demo.survey:true}") boolean enabled) {
        this.surveys = surveys;
        this.warehouse = warehouse;
        this.enabled = enabled;
    }

    private boolean warehouseHoldsMargins() {
        return warehouse.count(new ObservationQuery(PopulationMargins.INDICATOR, Map.of(), MARGIN_PERIOD,
                MARGIN_PERIOD, MARGIN_DATASET, null, 0, 1)) > 0;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        boolean fromWarehouse = warehouseHoldsMargins();
        for (Demo demo : DEMOS) {
            if (surveys.exists(demo.code())) {
                continue;
            }
            List<Response> responses = SyntheticSurvey.generate(demo.parameters());
            surveys.create(new NewSyntheticSurvey(demo.code(), SurveyCreationService.STANDARD, 1, demo.title(),
                    demo.wave(), fromWarehouse ? MARGIN_DATASET : null, fromWarehouse ? MARGIN_PERIOD : null,
                    fromWarehouse ? null : SyntheticSurvey.margins(), fromWarehouse ? null : MARGIN_SOURCE,
                    responses));
            log.info("Loaded the synthetic demonstration survey {} ({} respondents)", demo.code(), responses.size());
        }
    }
}
