package kz.agyn.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import kz.agyn.AgynTest;
import kz.agyn.survey.internal.SurveyRepository;
import kz.agyn.warehouse.ImportService;
import kz.agyn.warehouse.Warehouse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The margin form on a survey's results page: analysts see it and viewers do not; a choice posted through it
 * is saved and the results shown again weighted to it; a refused one is shown next to the form, as a page.
 */
class SurveyMarginChoicePageTest extends AgynTest {

    static final RequestPostProcessor ANALYST = user("margins-page-analyst").roles("ANALYST");
    static final RequestPostProcessor VIEWER = user("margins-page-viewer").roles("VIEWER");

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

    MarginFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new MarginFixture(surveys, repository, warehouse, imports);
    }

    private Document page(int id, RequestPostProcessor who, String lang) throws Exception {
        return Jsoup.parse(mvc.perform(get("/surveys/" + id).param("lang", lang).with(who))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void analystsSeeTheFormAndViewersDoNot() throws Exception {
        int id = fixture.withOwn.id();
        Document analyst = page(id, ANALYST, "en");
        Element form = analyst.selectFirst("#margins-form");
        assertThat(form).isNotNull();
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.selectFirst("input[name=_csrf]")).as("the form carries the CSRF token").isNotNull();
        Element own = form.selectFirst("option[value=own]");
        assertThat(own.hasAttr("selected")).isTrue();
        assertThat(own.text()).isEqualTo("The survey’s own margins (" + MarginFixture.OWN_SOURCE + ")");
        assertThat(form.selectFirst("option[value=" + MarginFixture.DATASET + "|2023]").text())
                .isEqualTo(MarginFixture.TITLE_EN + ", 2023 (Agyn tests) — synthetic");
        assertThat(form.select("option[value=synthetic-population|2024]")).hasSize(1);

        Document viewer = page(id, VIEWER, "en");
        assertThat(viewer.selectFirst("#weighting")).as("viewers still see the weighting").isNotNull();
        assertThat(viewer.selectFirst("#margins-form")).isNull();
        mvc.perform(post("/surveys/" + id + "/margins").param("source", MarginFixture.DATASET + "|2024")
                .with(VIEWER).with(csrf())).andExpect(status().isForbidden());
        assertThat(surveys.survey(id).marginDataset()).isNull();
    }

    @Test
    void aPostedChoiceIsSavedAndTheResultsAreWeightedToIt() throws Exception {
        int id = fixture.withOwn.id();
        try {
            mvc.perform(post("/surveys/" + id + "/margins").param("source", MarginFixture.DATASET + "|2024")
                            .param("question", "reasons_main").param("by", "").param("lang", "en")
                            .with(ANALYST).with(csrf()))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl("/surveys/" + id + "?question=reasons_main"))
                    .andExpect(flash().attribute("marginsChanged", "The weights are now raked to: "
                            + MarginFixture.TITLE_EN + ", 2024 (Agyn tests) — synthetic."));
            Document after = page(id, ANALYST, "en");
            assertThat(after.selectFirst("#weighting").text()).contains("Young specialists", "in 2024",
                    "dataset “" + MarginFixture.TITLE_EN + "”");
            assertThat(after.selectFirst("option[value=" + MarginFixture.DATASET + "|2024]").hasAttr("selected"))
                    .isTrue();
            assertThat(after.selectFirst("#ranking tr[data-code=pay] .share").text()).isEqualTo("60.0 %");

            mvc.perform(post("/surveys/" + id + "/margins").param("source", "own").param("question", "reasons_main")
                    .with(ANALYST).with(csrf())).andExpect(status().is3xxRedirection());
            Document back = page(id, ANALYST, "en");
            assertThat(back.selectFirst("#weighting").text()).contains(MarginFixture.OWN_SOURCE);
            assertThat(back.selectFirst("#ranking tr[data-code=pay] .share").text()).isEqualTo("50.0 %");
        } finally {
            repository.warehouseMargins(id, null, null);
        }
    }

    @Test
    void aRefusedChoiceIsShownNextToTheForm() throws Exception {
        int id = fixture.withOwn.id();
        MockHttpServletResponse r = mvc.perform(post("/surveys/" + id + "/margins")
                        .param("source", "synthetic-population|2024").param("question", "reasons_main")
                        .param("lang", "ru").with(ANALYST).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse();
        assertThat(r.getContentType()).startsWith("text/html");
        Document page = Jsoup.parse(r.getContentAsString(StandardCharsets.UTF_8));
        Element error = page.selectFirst("#margins-form #margins-error");
        assertThat(error).isNotNull();
        assertThat(error.text()).startsWith("Веса нельзя откалибровать к численности за 2024 из набора данных "
                + "хранилища «synthetic-population»: У категории «").endsWith("Маргиналы не изменены.");
        assertThat(page.selectFirst("option[value=synthetic-population|2024]").hasAttr("selected"))
                .as("the refused choice stays selected").isTrue();
        assertThat(page.selectFirst("#weighting").text()).as("the results are still weighted as before")
                .contains(MarginFixture.OWN_SOURCE);
        assertThat(surveys.survey(id).marginDataset()).isNull();

        Document unknown = Jsoup.parse(mvc.perform(post("/surveys/" + id + "/margins")
                        .param("source", "no-such-dataset|2024").param("lang", "kk").with(ANALYST).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(unknown.selectFirst("#margins-error").text())
                .contains("Көрсеткіштер қоймасында «no-such-dataset» деректер жиынтығы жоқ.");
        assertThat(unknown.selectFirst("#margin-source option[selected]").val()).isEqualTo("own");

    }

    /** A survey without margins of its own offers "no margins" in their place, and is on it when it has none. */
    @Test
    void aSurveyWithoutOwnMarginsOffersNone() throws Exception {
        int id = fixture.withoutOwn.id();
        Document page = Jsoup.parse(mvc.perform(get("/surveys/" + id).param("lang", "en").with(ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        Element none = page.selectFirst("#margin-source option[value=own]");
        assertThat(none).isNotNull();
        assertThat(none.text()).startsWith("No margins");
        assertThat(none.hasAttr("selected")).isEqualTo(surveys.survey(id).marginDataset() == null);
    }
}
