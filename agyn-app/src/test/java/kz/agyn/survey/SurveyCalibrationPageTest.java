package kz.agyn.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import kz.agyn.AgynTest;
import kz.agyn.survey.estimation.CalibrationMethod;
import kz.agyn.survey.internal.SurveyRepository;
import kz.agyn.warehouse.ImportService;
import kz.agyn.warehouse.Warehouse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The calibration tab of a survey weighted to a warehouse dataset: its own margins are not put in the form (saving
 * would switch the survey to them), an empty form sets only the method and keeps them stored, and a margins file
 * with a problem is refused on the page with the file's line and column, in Russian.
 */
class SurveyCalibrationPageTest extends AgynTest {

    static final RequestPostProcessor ANALYST = user("calibration-page-analyst").roles("ANALYST");

    @Autowired
    MockMvc mvc;

    @Autowired
    SurveyService surveys;

    @Autowired
    SurveyRepository repository;

    @Autowired
    Warehouse warehouse;

    @Autowired
    ImportService imports;

    @Test
    void aWarehouseWeightedSurveyKeepsItsOwnMarginsWhenOnlyTheMethodChanges() throws Exception {
        MarginFixture fixture = new MarginFixture(surveys, repository, warehouse, imports);
        int id = fixture.withOwn.id();
        var own = repository.margins(id);
        repository.warehouseMargins(id, MarginFixture.DATASET, "2024");
        try {
            Document page = Jsoup.parse(mvc.perform(get("/surveys/{id}/calibration", id).param("lang", "ru")
                    .with(ANALYST)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));
            assertThat(page.select("[id='m.sex.M']").attr("value")).isEmpty();
            assertThat(page.select("#calibration-source").text()).contains("хранилища");

            mvc.perform(multipart("/surveys/{id}/calibration", id).param("method", "LINEAR")
                    .param("targets", "COUNT").param("m.sex.M", "").param("lang", "ru").with(ANALYST).with(csrf()))
                    .andExpect(status().is3xxRedirection());
            assertThat(repository.calibration(id).method()).isEqualTo(CalibrationMethod.LINEAR);
            assertThat(surveys.survey(id).marginDataset()).isEqualTo(MarginFixture.DATASET);
            assertThat(repository.margins(id)).isEqualTo(own);
            // Linear calibration to the warehouse's 2024 margins: 60 % in the first region give "pay".
            assertThat(surveys.estimates(id, "reasons_main", null, java.util.Locale.ENGLISH).options().stream()
                    .filter(o -> o.option().equals("pay")).findFirst().orElseThrow().share())
                    .isCloseTo(0.6, org.assertj.core.api.Assertions.within(1e-9));

            String csv = "question,category,target\nsex,M,480\nsex,F,abc\n";
            Document refused = Jsoup.parse(mvc.perform(multipart("/surveys/{id}/calibration", id)
                    .file(new MockMultipartFile("file", "margins.csv", "text/csv",
                            csv.getBytes(StandardCharsets.UTF_8)))
                    .param("method", "RAKING").param("targets", "COUNT").param("lang", "ru").with(ANALYST)
                    .with(csrf())).andExpect(status().isBadRequest()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));
            assertThat(refused.select("#calibration-error").text()).contains("Маргиналы не сохранены");
            assertThat(refused.select("#calibration-problems tbody tr").text())
                    .contains("margins.csv", "3", "target", "«abc»", "не число");
            assertThat(repository.calibration(id).method()).isEqualTo(CalibrationMethod.LINEAR);
        } finally {
            repository.saveCalibration(id, new SurveyRepository.CalibrationRow(CalibrationMethod.RAKING,
                    MarginTargets.COUNT), null);
            repository.warehouseMargins(id, null, null);
        }
    }
}
