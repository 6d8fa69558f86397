package kz.agyn.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.Cookie;
import kz.agyn.AgynTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Indicators defined and corrected through the API and on their page, as issue 13 found them missing: a migrant
 * stock could not be defined ({@code per: STOCK} was answered with "the unit is not supported"), a session
 * without its CSRF token was told its role was wrong, and a negative value was allowed only under a code
 * containing "NET". Now the kind decides.
 */
class IndicatorsTest extends AgynTest {

    static final RequestPostProcessor ANALYST = user("ind-analyst").roles("ANALYST");
    static final RequestPostProcessor VIEWER = user("ind-viewer").roles("VIEWER");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Warehouse warehouse;

    private ResultActions postIndicator(String json, String lang) throws Exception {
        return mvc.perform(post("/api/v1/indicators").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                .header("Accept-Language", lang).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static String indicator(String code, String unit, String kind, String per) {
        return "{\"code\":\"" + code + "\",\"nameKk\":\"Мигранттар қоры\",\"nameRu\":\"Численность мигрантов\","
                + "\"nameEn\":\"International migrant stock\",\"unit\":\"" + unit + "\""
                + (kind == null ? "" : ",\"kind\":\"" + kind + "\"") + (per == null ? "" : ",\"per\":\"" + per + "\"")
                + ",\"definitionEn\":\"Persons born abroad living in the country at mid-year\","
                + "\"source\":\"UN DESA, International Migrant Stock 2020, methodology\"}";
    }

    @Test
    void aMigrantStockIsDefinedWithItsKindAndSource() throws Exception {
        postIndicator(indicator("TEST_MIGRANT_STOCK", "PERSONS", "STOCK", null), "en")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.kind").value("STOCK"))
                .andExpect(jsonPath("$.per").doesNotExist())
                .andExpect(jsonPath("$.source").value("UN DESA, International Migrant Stock 2020, methodology"))
                .andExpect(jsonPath("$.definition.en").value("Persons born abroad living in the country at mid-year"));
        mvc.perform(get("/api/v1/indicators/TEST_MIGRANT_STOCK").with(VIEWER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.kind").value("STOCK"));
        mvc.perform(get("/api/v1/indicators/NO_SUCH_THING").with(VIEWER).header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("There is no indicator \"NO_SUCH_THING\"."));
    }

    @Test
    void eachMistakeIsNamedInTheCallersLanguage() throws Exception {
        postIndicator(indicator("TEST_STOCK_AS_PER", "PERSONS", null, "STOCK"), "en").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("\"STOCK\" is a kind of indicator, not a period: give kind "
                        + "STOCK and leave per empty."));
        postIndicator(indicator("TEST_SDMX_UNIT", "PA", "LEVEL", null), "ru").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("Единица измерения «PA» не поддерживается. "
                        + "Выберите одну из: PERSONS, PERCENT")));
        postIndicator(indicator("TEST_STOCK_PER_YEAR", "PERSONS", "STOCK", "YEAR"), "kk")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("STOCK түріндегі көрсеткіштің кезеңі болмайды")));
        postIndicator(indicator("TEST_BAD_KIND", "PERSONS", "PILE", null), "en").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(
                        "The kind \"PILE\" is not allowed: STOCK, FLOW, BALANCE, LEVEL or CHANGE."));
        assertThat(warehouse.indicator("TEST_STOCK_AS_PER")).isEmpty();
    }

    @Test
    void namesChangeAlwaysTheUnitOnlyWhileNoObservationUsesIt() throws Exception {
        postIndicator(indicator("TEST_EDITABLE", "PERSONS", "STOCK", null), "en").andExpect(status().isCreated());
        mvc.perform(put("/api/v1/indicators/TEST_EDITABLE").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(indicator("IGNORED", "COUNT", "STOCK", null).replace("Численность мигрантов",
                                "Число мигрантов")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.code").value("TEST_EDITABLE"))
                .andExpect(jsonPath("$.unit").value("COUNT")).andExpect(jsonPath("$.names.ru").value("Число мигрантов"));

        // EMIGRANTS holds the demonstration data: its unit stays, and nothing about it changed.
        Indicator emigrants = warehouse.indicator("EMIGRANTS").orElseThrow();
        mvc.perform(put("/api/v1/indicators/EMIGRANTS").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content(indicator("EMIGRANTS", "COUNT", "FLOW", "YEAR")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("The indicator \"EMIGRANTS\" has observations")));
        assertThat(warehouse.indicator("EMIGRANTS")).contains(emigrants);
    }

    @Test
    void theKindDecidesWhetherAValueMayBeNegative() throws Exception {
        postIndicator(indicator("TEST_WAGE_GROWTH", "PERCENT", "CHANGE", null), "en").andExpect(status().isCreated());
        postIndicator(indicator("TEST_PLAIN_STOCK", "PERSONS", "STOCK", null), "en").andExpect(status().isCreated());
        if (warehouse.dataset("test-kinds").isEmpty()) {
            mvc.perform(post("/api/v1/datasets").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"code\":\"test-kinds\",\"titleKk\":\"Т\",\"titleRu\":\"Т\",\"titleEn\":\"T\","
                                    + "\"publisher\":\"Agyn tests\"}"))
                    .andExpect(status().isCreated());
        }
        String header = "indicator,period,region,occupation,education,country,sex,age,flow,value,unit,status\n";
        // A fall of 3.5% and a rise of 120%: both true of a change, though the name says nothing of "NET".
        check(header + "TEST_WAGE_GROWTH,2023,KZ,,,,,,,-3.5,PERCENT,A\nTEST_WAGE_GROWTH,2024,KZ,,,,,,,120,PERCENT,A\n")
                .andExpect(jsonPath("$.status").value("VALID"));
        check(header + "TEST_PLAIN_STOCK,2023,KZ,,,,,,,-3,PERSONS,A\n")
                .andExpect(jsonPath("$.status").value("INVALID"))
                .andExpect(jsonPath("$.problems[0].message").value(containsString("-3")));
    }

    private ResultActions check(String csv) throws Exception {
        return mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "kinds.csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8))).param("dataset", "test-kinds").param("format", "csv")
                .with(httpBasic(ADMIN, ADMIN_PASSWORD)).header("Accept-Language", "en")).andExpect(status().isOk());
    }

    @Test
    void aBrowserSessionWithoutItsCsrfTokenIsToldSoNotThatItsRoleIsWrong() throws Exception {
        mvc.perform(post("/api/v1/indicators").with(ANALYST).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(indicator("TEST_NO_CSRF", "PERSONS", "STOCK", null)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("The request has no valid CSRF token")));
        mvc.perform(post("/api/v1/indicators").with(VIEWER).with(csrf()).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(indicator("TEST_VIEWER", "PERSONS", "STOCK", null)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("Your role does not allow this request."));
    }

    @Test
    void theApiPageOffersBothWaysToSignIn() throws Exception {
        mvc.perform(get("/api/openapi"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.securitySchemes.basic.scheme").value("basic"))
                .andExpect(jsonPath("$.components.securitySchemes.token.scheme").value("bearer"))
                .andExpect(jsonPath("$.security[0].basic").exists())
                .andExpect(jsonPath("$.security[1].token").exists());
    }

    @Test
    void anAnalystDefinesAndCorrectsAnIndicatorOnThePage() throws Exception {
        mvc.perform(post("/warehouse/indicators").with(ANALYST).with(csrf()).cookie(new Cookie("agyn-lang", "ru"))
                        .param("code", "test_page_stock").param("nameKk", "Қор").param("nameRu", "Запас")
                        .param("nameEn", "Stock").param("unit", "PERSONS").param("kind", "STOCK").param("per", "")
                        .param("source", "Agyn tests"))
                .andExpect(redirectedUrl("/warehouse/indicators#TEST_PAGE_STOCK"))
                .andExpect(flash().attribute("message", "Показатель «TEST_PAGE_STOCK» создан."));
        assertThat(warehouse.indicator("TEST_PAGE_STOCK")).hasValueSatisfying(i -> {
            assertThat(i.kind()).isEqualTo(IndicatorKind.STOCK);
            assertThat(i.source()).isEqualTo("Agyn tests");
        });

        // Refused: the form comes back filled in, with the reason, in Kazakh.
        String page = mvc.perform(post("/warehouse/indicators/TEST_PAGE_STOCK").with(ANALYST).with(csrf())
                        .param("nameKk", "Қор").param("nameRu", "Запас").param("nameEn", "Stock of people")
                        .param("unit", "PERSONS").param("kind", "STOCK").param("per", "YEAR"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("STOCK түріндегі көрсеткіштің кезеңі болмайды").contains("value=\"Stock of people\"");

        mvc.perform(post("/warehouse/indicators/TEST_PAGE_STOCK").with(ANALYST).with(csrf())
                        .param("nameKk", "Қор").param("nameRu", "Запас").param("nameEn", "Stock of people")
                        .param("unit", "PERSONS").param("kind", "STOCK").param("per", ""))
                .andExpect(redirectedUrl("/warehouse/indicators#TEST_PAGE_STOCK"));
        assertThat(warehouse.indicator("TEST_PAGE_STOCK").orElseThrow().names().en()).isEqualTo("Stock of people");
    }

    @Test
    void everyoneReadsTheIndicatorsOnlyEditorsSeeTheForm() throws Exception {
        for (String lang : new String[] {"kk", "ru", "en"}) {
            String page = mvc.perform(get("/warehouse/indicators").with(VIEWER).cookie(new Cookie("agyn-lang", lang)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("data-code=\"EMIGRANTS\"").doesNotContain("id=\"indicator-form\"");
            if (!lang.equals("en")) {
                assertThat(page).as("no English on the %s page", lang).doesNotContain(">Indicators<")
                        .doesNotContain("Stock (a count").doesNotContain("persons<");
            }
        }
        mvc.perform(get("/warehouse/indicators").with(ANALYST).cookie(new Cookie("agyn-lang", "kk")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"indicator-form\"")))
                .andExpect(content().string(containsString("Ағын (кезеңдегі оқиғалар)")));
        mvc.perform(post("/warehouse/indicators").with(VIEWER).with(csrf()).param("code", "TEST_BY_VIEWER"))
                .andExpect(status().isForbidden());
        assertThat(warehouse.indicator("TEST_BY_VIEWER")).isEmpty();
    }
}
