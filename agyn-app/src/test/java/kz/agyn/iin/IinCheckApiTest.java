package kz.agyn.iin;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import kz.agyn.AgynTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

class IinCheckApiTest extends AgynTest {

    @Autowired
    MockMvc mvc;

    @Test
    void validIinGivesBirthDateAndSex() throws Exception {
        mvc.perform(post("/api/v1/iin/check").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"iin\":\"900215400405\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.birthDate").value("1990-02-15"))
                .andExpect(jsonPath("$.sex").value("FEMALE"))
                .andExpect(jsonPath("$.reason").doesNotExist());
    }

    @ParameterizedTest
    @CsvSource({
        "850101300125, CHECK_DIGIT",
        "850231300124, BIRTH_DATE",
        "85010130012, LENGTH",
        "8501013001245, LENGTH",
        "85010A300124, NOT_DIGITS",
        "850101700124, CENTURY_SEX"
    })
    void invalidIinGivesTheReason(String iin, String reason) throws Exception {
        mvc.perform(post("/api/v1/iin/check").with(httpBasic(ADMIN, ADMIN_PASSWORD)).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"iin\":\"" + iin + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.reason").value(reason))
                .andExpect(jsonPath("$.message").isNotEmpty())
                .andExpect(jsonPath("$.birthDate").doesNotExist());
    }

    @Test
    void messageFollowsAcceptLanguage() throws Exception {
        mvc.perform(post("/api/v1/iin/check").with(httpBasic(ADMIN, ADMIN_PASSWORD)).header("Accept-Language", "ru")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"iin\":\"123\"}"))
                .andExpect(jsonPath("$.message").value("ИИН должен состоять ровно из 12 цифр."));
        mvc.perform(post("/api/v1/iin/check").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(jsonPath("$.reason").value("EMPTY"))
                .andExpect(jsonPath("$.message").value("ЖСН енгізілмеген."));
    }

    @Test
    void theIinIsNeverTakenFromTheUrl() throws Exception {
        mvc.perform(get("/api/v1/iin/check").param("iin", "850101300124").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isMethodNotAllowed());
    }
}
