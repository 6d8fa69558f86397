package kz.agyn.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

import kz.agyn.AgynTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Bad input to the measures API and editor: a specific message in the caller's language, never a 500. */
class MeasureInputTest extends AgynTest {

    @Autowired
    MockMvc mvc;

    private static String valid() {
        return MeasuresTest.draft("INPUT", "WAREHOUSE", "KZT", "RESEARCH_BUDGET", null, 5e9, 1e10, 2030);
    }

    @Test
    void eachMistakeIsNamedInTheCallersLanguage() throws Exception {
        assertProblem(valid().replace("\"targetValue\": 10000000000,", ""), "ru",
                "Укажите целевое значение и его год.");
        assertProblem(valid().replace("\"targetValue\": 10000000000,", ""), "kk",
                "Мақсатты мәнді және оның жылын көрсетіңіз.");
        assertProblem(valid().replace("\"deadline\": \"2030-12-31\"", "\"deadline\": \"2020-12-31\""), "en",
                "The deadline cannot come before the baseline year, 2024.");
        assertProblem(valid().replace("RESEARCH_BUDGET", "NO_SUCH_INDICATOR"), "en",
                "The warehouse has no indicator \\\"NO_SUCH_INDICATOR\\\".");
        assertProblem(valid().replace("\"ownerKk\": \"Министрлік\",", "\"budgetKzt\": -5, \"ownerKk\": \"Министрлік\","),
                "ru", "Бюджет не может быть отрицательным.");
        assertProblem(valid().replace("\"nameKk\": \"Сынақ INPUT\",", ""), "en",
                "Give the name of the measure in Kazakh, Russian and English.");
        assertProblem(valid().replace("\"kpiUnit\": \"KZT\"", "\"kpiUnit\": \"PERCENT\"")
                .replace("\"baselineValue\": 5000000000", "\"baselineValue\": 50"), "en",
                "A percentage must be between 0 and 100.");
        assertProblem(MeasuresTest.draft("INPUT", "WAREHOUSE", "KZT", "RESEARCH_BUDGET", null, 5e9, 5e9, 2030), "en",
                "The target must differ from the baseline.");
        // A filter of a dimension that does not exist.
        assertProblem(valid().replace("\"dataset\": null", "\"dataset\": null, \"filters\": \"PLANET=MARS\""), "en",
                "The filter part \\\"PLANET=MARS\\\" is not DIMENSION=code with a dimension such as REGION, OCCUPATION,"
                        + " EDUCATION, COUNTRY, SEX, AGE or FLOW.");
        // Unreadable JSON and an unknown choice are refused as such, not as a server error.
        MvcResult r = send("{\"kpiSource\": \"TELEPATHY\"}", "en", "ANALYST");
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void aViewerMayReadButNotCreate() throws Exception {
        assertThat(send(valid(), "en", "VIEWER").getResponse().getStatus()).isEqualTo(403);
        MvcResult missing = mvc.perform(get("/api/v1/measures/987654").header("Accept-Language", "ru")
                .with(user("measure-input-viewer").roles("VIEWER"))).andReturn();
        assertThat(missing.getResponse().getStatus()).isEqualTo(404);
        assertThat(missing.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Меры с номером 987654 нет.");
    }

    /** The editor keeps what was typed and says which field is not a number, in Kazakh. */
    @Test
    void theEditorNamesTheFieldThatIsNotANumber() throws Exception {
        MvcResult r = mvc.perform(post("/measures").with(user("measure-input-analyst").roles("ANALYST")).with(csrf())
                .param("lang", "kk").param("nameKk", "Сынақ").param("nameRu", "Тест").param("nameEn", "Test")
                .param("ownerKk", "М").param("ownerRu", "М").param("ownerEn", "M").param("kpiSource", "MANUAL")
                .param("kpiUnit", "COUNT").param("baselineValue", "он").param("baselineYear", "2024")
                .param("targetValue", "15").param("targetYear", "2028").param("deadline", "2028-12-31")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("Базалық мән: «он» сан емес.").contains("value=\"он\"");
        // The names typed are kept too, each field marked with its language.
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(body);
        assertThat(page.select("input[name=nameRu]").attr("value")).isEqualTo("Тест");
        assertThat(page.select("input[name=nameRu]").attr("lang")).isEqualTo("ru");
        assertThat(page.select("input[name=ownerEn]").attr("lang")).isEqualTo("en");
    }

    private void assertProblem(String body, String lang, String detail) throws Exception {
        MvcResult r = send(body, lang, "ANALYST");
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(400);
        assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(detail);
    }

    private MvcResult send(String body, String lang, String role) throws Exception {
        return mvc.perform(post("/api/v1/measures").with(user("measure-input-" + role.toLowerCase()).roles(role))
                .with(csrf()).header("Accept-Language", lang).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn();
    }
}
