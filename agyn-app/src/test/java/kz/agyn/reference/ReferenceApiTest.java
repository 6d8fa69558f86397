package kz.agyn.reference;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import kz.agyn.AgynTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

class ReferenceApiTest extends AgynTest {

    @Autowired
    MockMvc mvc;

    @Test
    void regionsAsJson() throws Exception {
        mvc.perform(get("/api/v1/regions").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(20))
                .andExpect(jsonPath("$[?(@.kato == '330000000')].names.en").value("Zhetysu Region"))
                .andExpect(jsonPath("$[?(@.kato == '330000000')].validFrom").value("2022-06-08"));
        mvc.perform(get("/api/v1/regions").param("at", "2020-01-01").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.length()").value(17));
        mvc.perform(get("/api/v1/regions").param("history", "true").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.length()").value(24));
    }

    @Test
    void otherClassifications() throws Exception {
        mvc.perform(get("/api/v1/occupations").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.length()").value(53));
        mvc.perform(get("/api/v1/countries").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(jsonPath("$[?(@.iso2 == 'DE')].names.kk").value("Германия"));
        mvc.perform(get("/api/v1/note-figures").param("topic", "REASONS").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == 'reason_pay')].value").value(45));
    }

    @Test
    void badDateIsAClientError() throws Exception {
        mvc.perform(get("/api/v1/regions").param("at", "2020-13-45").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isBadRequest());
    }
}
