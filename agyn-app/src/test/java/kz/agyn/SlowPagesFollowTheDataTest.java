package kz.agyn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import kz.agyn.AgynTest;
import kz.agyn.registry.cohorts.Breakdown;
import kz.agyn.registry.cohorts.CohortReport;
import kz.agyn.registry.cohorts.CohortService;
import kz.agyn.registry.cohorts.SectorBasis;
import kz.agyn.survey.Survey;
import kz.agyn.survey.SurveyService;
import kz.agyn.survey.Estimates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registry's cohort report and a survey's estimates, the two pages that took half the application's CPU under
 * load (docs/benchmarks.md), are kept per data generation (decision 0042): asked again with nothing changed, the
 * same object comes back; after any committed change to their domain, the next request computes them again.
 */
class SlowPagesFollowTheDataTest extends AgynTest {

    @Autowired
    CohortService cohorts;
    @Autowired
    SurveyService surveys;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theCohortReportIsKeptUntilTheRegistryChanges() {
        CohortReport first = cohorts.report(null, Breakdown.values()[0], SectorBasis.values()[0], null, false);
        assertThat(cohorts.report(null, Breakdown.values()[0], SectorBasis.values()[0], null, false)).isSameAs(first);
        // Any statement on a registry table counts as a change (statement-level triggers, V210), even one that
        // touches no row: the next report is computed again, from the data as they are.
        jdbc.sql("UPDATE reg_security SET id = id WHERE false").update();
        CohortReport after = cohorts.report(null, Breakdown.values()[0], SectorBasis.values()[0], null, false);
        assertThat(after).isNotSameAs(first);
        assertThat(after.awards()).isEqualTo(first.awards());
        // Another caller's view (small cells shown) is kept apart.
        assertThat(cohorts.report(null, Breakdown.values()[0], SectorBasis.values()[0], null, true))
                .isNotSameAs(after);
    }

    @Test
    void aSurveysEstimatesAreKeptUntilTheSurveyDataChange() {
        Survey survey = surveys.surveys().stream().filter(s -> s.respondents() > 0).findFirst().orElseThrow();
        Estimates first = surveys.estimates(survey.id(), "reasons_main", null, Locale.ENGLISH);
        assertThat(surveys.estimates(survey.id(), "reasons_main", null, Locale.ENGLISH)).isSameAs(first);
        assertThat(surveys.estimates(survey.id(), "reasons_main", null, Locale.forLanguageTag("kk")))
                .isNotSameAs(first);
        jdbc.sql("UPDATE survey SET id = id WHERE false").update();
        Estimates after = surveys.estimates(survey.id(), "reasons_main", null, Locale.ENGLISH);
        assertThat(after).isNotSameAs(first);
        assertThat(after).isEqualTo(first);
    }
}
