package kz.agyn.registry.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.Cookie;
import kz.agyn.AgynTest;
import kz.agyn.kernel.Sex;
import kz.agyn.registry.TestScholars;
import kz.agyn.registry.scholars.ScholarService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The worklist in order of urgency — open before done, overdue before coming, the most overdue first, then the
 * soonest due — with an overdue task said to be overdue by so many days, the work days still owed named as such,
 * what a breach declared today would cost beside an overdue scholar, and no column repeating another's text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorklistUrgencyTest extends AgynTest {

    static final RequestPostProcessor OFFICER = user("urgency-officer").roles("REGISTRY_OFFICER");
    /** A host country no synthetic scholar and no other test has, so the filtered list is this test's alone. */
    static final String HOST = "LI";
    static final int[] DUE = {5, -400, 60, -30};

    @Autowired
    MockMvc mvc;

    @Autowired
    ScholarService scholars;

    @Autowired
    MonitoringService monitoring;

    @Autowired
    JdbcClient jdbc;

    final List<Long> tasks = new ArrayList<>();
    long doneTask;

    @BeforeAll
    void records() {
        TestScholars t = new TestScholars(scholars);
        LocalDate today = monitoring.today();
        for (int i = 0; i <= DUE.length; i++) {
            long scholar = t.scholar(t.freshIin(LocalDate.of(1988, 2, 3).plusDays(i), Sex.MALE), "Шоқанов",
                    "Ерлан");
            // Study over three years ago and nobody back: overdue, so a breach could be declared.
            long award = t.award(scholar, today.minusYears(3), true, HOST);
            LocalDate due = i < DUE.length ? today.plusDays(DUE[i]) : today.minusDays(1000);
            long id = jdbc.sql("INSERT INTO reg_task (award_id, kind, due_on, done_at, done_by) VALUES (?, ?, ?, ?, ?) "
                            + "RETURNING id").params(award, "NO_EMPLOYER", due,
                            i < DUE.length ? null : java.sql.Timestamp.valueOf("2026-01-02 10:00:00"),
                            i < DUE.length ? null : "urgency-officer").query(Long.class).single();
            if (i == 0) {
                // The monitoring pass's own task for such a scholar, whose kind once read as the state in English.
                jdbc.sql("INSERT INTO reg_task (award_id, kind, due_on) VALUES (?, 'OVERDUE', ?)")
                        .params(award, today.minusDays(200)).update();
            }
            if (i < DUE.length) {
                tasks.add(id);
            } else {
                doneTask = id;
            }
        }
    }

    Document worklist(String lang, String query) throws Exception {
        return Jsoup.parse(mvc.perform(get("/registry/worklist?" + query).with(OFFICER)
                        .cookie(new Cookie("agyn-lang", lang))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void mostOverdueFirstThenSoonestDueThenDone() throws Exception {
        Document d = worklist("en", "country=" + HOST + "&kind=NO_EMPLOYER&status=all");
        List<Long> order = d.select("#worklist-table tbody tr[data-task]").stream()
                .map(r -> Long.parseLong(r.attr("data-task"))).toList();
        // Due -400, -30, +5, +60 days, then the done task though it was due earliest of all.
        assertThat(order).containsExactly(tasks.get(1), tasks.get(3), tasks.get(0), tasks.get(2), doneTask);
        assertThat(due(d, tasks.get(1))).endsWith("overdue by 400 days");
        assertThat(due(d, tasks.get(3))).endsWith("overdue by 30 days");
        assertThat(due(d, tasks.get(0))).endsWith("due in 5 days");
        assertThat(due(d, doneTask)).doesNotContain("overdue");
        assertThat(d.select("#worklist-table thead").text()).contains("Work days still owed")
                .doesNotContain("Days left");
    }

    @Test
    void overdueInEachLanguage() throws Exception {
        String query = "country=" + HOST + "&kind=NO_EMPLOYER";
        assertThat(due(worklist("ru", query), tasks.get(3))).endsWith("просрочено на 30 дн.");
        assertThat(due(worklist("kk", query), tasks.get(3))).endsWith("30 күнге кешікті");
    }

    @Test
    void anOverdueScholarShowsWhatABreachWouldCostToday() throws Exception {
        Document d = worklist("en", "country=" + HOST + "&kind=NO_EMPLOYER");
        for (Element row : d.select("#worklist-table tbody tr[data-task]")) {
            if (row.text().contains("Overdue: not back by the deadline")) {
                assertThat(row.select("td.owed").text()).matches("[0-9 ]+ ₸");
            }
        }
        assertThat(d.select("#worklist-table tbody td.owed").eachText()).anyMatch(s -> !s.isBlank());
    }

    /** The task's kind and the obligation's state never read the same, in any language (they did in English). */
    @ParameterizedTest
    @ValueSource(strings = {"kk", "ru", "en"})
    void noTwoColumnsCarryTheSameText(String lang) throws Exception {
        Document d = worklist(lang, "country=" + HOST + "&kind=OVERDUE");
        List<Element> rows = d.select("#worklist-table tbody tr[data-task]");
        assertThat(rows).isNotEmpty();
        for (Element row : rows) {
            assertThat(row.select("td.kind").text()).as("kind against state")
                    .isNotEqualTo(row.select("td.state").text()).isNotBlank();
            assertThat(row.select("td.state").text()).isNotBlank();
        }
    }

    private static String due(Document d, long task) {
        return d.select("tr[data-task=" + task + "] td.due").text();
    }
}
