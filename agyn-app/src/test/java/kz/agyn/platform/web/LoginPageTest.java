package kz.agyn.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import kz.agyn.AgynTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 16: the sign-in page told the public how the first administrator's password is set (AGYN_ADMIN_PASSWORD).
 * That belongs to whoever installs Agyn (the README); the public reads only whom to ask for an account.
 */
class LoginPageTest extends AgynTest {

    @Autowired
    MockMvc mvc;

    @ParameterizedTest
    @CsvSource({"kk, Тіркелгілерді обсерваторияның әкімшісі жасайды", "ru, Учётные записи создаёт администратор",
            "en, Accounts are created by the observatory"})
    void theSignInPageKeepsTheInstallersSecretsToTheReadme(String language, String text) throws Exception {
        String page = mvc.perform(get("/login").param("lang", language)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"login-no-account\"", text).doesNotContain("AGYN_ADMIN_PASSWORD")
                .doesNotContain("console").doesNotContain("консол");
    }
}
