package kz.agyn.note.writer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import kz.agyn.AgynTest;
import kz.agyn.note.writer.NoteTemplates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Editing a template in the UI: the preview written as the analyst types, an unknown placeholder or a query that
 * finds nothing said with its place, in the page's language; saving makes the next version; a viewer may not.
 */
class NoteTemplatesWebTest extends AgynTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    NoteTemplates templates;

    @Test
    void thePreviewShowsTheNoteOrWhereTheTemplateIsWrong() throws Exception {
        String body = templates.body("regional-note", null).orElseThrow();
        String ok = preview(body, "ru");
        assertThat(ok).contains("Таблица 1").contains("область Жетісу").doesNotContain("template-preview-error");
        String unknown = preview(body.replace("{obs:IMMIGRANTS", "{obs:NO_SUCH"), "kk");
        assertThat(unknown).contains("template-preview-error").contains("2-блок").contains("{obs:NO_SUCH;")
                .contains("белгісіз орын толтырғыш бар").doesNotContain("unknown placeholder");
        // A query that finds nothing, in a Kazakh session: said in Kazakh, naming the block and the query.
        String nothingKk = preview(body.replace("\"period\": \"2024\"", "\"period\": \"1995\""), "kk");
        assertThat(nothingKk).contains("template-preview-error").contains("2-блок")
                .contains("сұрауы бойынша дерек жоқ").contains("period=1995").doesNotContain("holds no data");
        String nothing = preview(body.replace("\"period\": \"2024\"", "\"period\": \"1995\""), "en");
        assertThat(nothing).contains("template-preview-error").contains("block 2")
                .contains("holds no data for the query").contains("period=1995");
        String broken = preview("{\"code\": \"x\",\n \"name\": ", "ru");
        assertThat(broken).contains("template-preview-error").contains("JSON");
    }

    @Test
    void savingMakesTheNextVersionAndAViewerMayNotSave() throws Exception {
        String body = templates.body("regional-note", null).orElseThrow();
        int next = templates.versions("regional-note").get(0).version() + 1;
        mvc.perform(post("/note/templates/regional-note").param("body", body.replace("Введение", "Вступление"))
                        .with(user("nt-analyst").roles("ANALYST")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/note/templates/regional-note?saved=" + next));
        assertThat(templates.find("regional-note").orElseThrow().version()).isEqualTo(next);
        String page = mvc.perform(get("/note/templates/regional-note?lang=ru").with(user("nt-analyst")
                        .roles("ANALYST")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Вступление").contains("template-versions");
        String refused = mvc.perform(post("/note/templates/regional-note?lang=ru")
                        .param("body", body.replace("{obs:EMIGRANTS", "{obs:NOPE"))
                        .with(user("nt-analyst").roles("ANALYST")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("template-error").contains("{obs:NOPE;");
        assertThat(templates.find("regional-note").orElseThrow().version()).isEqualTo(next);
        mvc.perform(post("/note/templates/regional-note").param("body", body)
                        .with(user("nt-viewer").roles("VIEWER")).with(csrf()))
                .andExpect(status().isForbidden());
        // The shipped text back as the latest version, for the tests that read it.
        templates.save("regional-note", body, "nt-analyst");
    }

    private String preview(String body, String lang) throws Exception {
        return mvc.perform(post("/note/templates/preview?lang=" + lang).param("body", body).param("language", lang)
                        .with(user("nt-analyst").roles("ANALYST")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
