package kz.agyn.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import kz.agyn.AgynTest;
import kz.agyn.account.AccountService;
import kz.agyn.account.Role;
import kz.agyn.kernel.Iin;
import kz.agyn.kernel.Sex;
import kz.agyn.registry.monitoring.MonitoringService;
import kz.agyn.registry.monitoring.WorklistService;
import kz.agyn.registry.obligation.NewDecision;
import kz.agyn.registry.scholars.NewAward;
import kz.agyn.registry.scholars.NewEmployment;
import kz.agyn.registry.scholars.NewScholar;
import kz.agyn.registry.scholars.ScholarService;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * "ANALYST and VIEWER never receive personal data in any page, API response, export or htmx fragment": a scholar is
 * recorded with a unique marker in every personal field — IIN, names, contacts, the operator's record numbers, and
 * every piece of free text an officer types about a person (employer, BIN, evidence, guarantee reference, deferral
 * and decision reasons, the grounds copied into the status history, a repayment's note, a worklist task's note).
 * Then every GET route the application has — read from Spring's handler mappings, so a route added later is
 * covered without editing this test — is requested as an analyst and as a viewer, with its path variables filled
 * in from that scholar (ids, award ids, task id, incentive codes, each export format), with the filters that bring
 * the scholar's done task onto the worklist, as an htmx request where the handler answers those with a fragment,
 * and with each media type it produces; every non-GET route of the registry is tried too, and the search with
 * each secret. The raw body (spreadsheets read cell by cell) must contain no marker. Officers, meanwhile, still
 * read every piece of the text.
 */
class PersonalDataExposureTest extends AgynTest {

    static final RequestPostProcessor ANALYST = user("exposure-analyst").roles("ANALYST");
    static final RequestPostProcessor VIEWER = user("exposure-viewer").roles("VIEWER");
    static final RequestPostProcessor OFFICER = user("exposure-officer").roles("REGISTRY_OFFICER");

    static final String LAST = "Жетпісбаева";
    static final String FIRST = "Ақбөпе";
    static final String PATRONYMIC = "Ерланқызы";
    static final String LATIN = "Zhetpisbayeva";
    static final String PHONE = "+7 705 123 45 67";
    /** An unusual call year, so that a worklist filter finds the scholar's tasks among thousands. */
    static final int CALL_YEAR = 1994;

    /** Routes that stream or act rather than show (logout, events), or need a body to mean anything. */
    static final Set<String> SKIPPED = Set.of("/logout", "/error");

    /** Unique to this run, so that no demonstration record or earlier test can contain a marker by chance. */
    static final String RUN = Long.toString(System.nanoTime(), 36);

    @Autowired
    MockMvc mvc;

    @Autowired
    ScholarService scholars;

    @Autowired
    MonitoringService monitoring;

    @Autowired
    WorklistService worklist;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    AccountService accounts;

    /** The planted scholar: its ids, and each secret by the field it was planted in. */
    record Planted(long scholar, long overdueAward, long studyingAward, long task, Map<String, String> secrets) {
    }

    private static Planted planted;

    static String marker(String field) {
        return "piimark" + field + RUN;
    }

    synchronized Planted plant() {
        if (planted != null) {
            return planted;
        }
        // Real accounts, so that pages about the signed-in user (/account) answer as they would in use.
        for (var a : Map.of("exposure-analyst", Role.ANALYST, "exposure-viewer", Role.VIEWER).entrySet()) {
            if (accounts.user(a.getKey()).isEmpty()) {
                accounts.createUser(a.getKey(), "Exposure-pass-1", Set.of(a.getValue()), null, "kk", false);
            }
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        String iin = new TestScholars(scholars).freshIin(LocalDate.of(1988, 11, 2), Sex.FEMALE);
        secrets.put("iin", iin);
        secrets.put("last name", LAST);
        secrets.put("first name", FIRST);
        secrets.put("patronymic", PATRONYMIC);
        secrets.put("name in Russian", marker("nameru"));
        secrets.put("Latin name", LATIN);
        secrets.put("email", marker("email") + "@example.kz");
        secrets.put("phone", PHONE);
        long id = scholars.create(new NewScholar(iin, LAST, FIRST, PATRONYMIC, secrets.get("name in Russian"), LATIN,
                secrets.get("email"), PHONE, null, null, false), Access.PERSONAL);

        // One award long overdue (a worklist task, then a breach and a repayment), one still studying (a deferral).
        LocalDate today = LocalDate.now();
        secrets.put("guarantee reference", marker("guarantee"));
        long overdue = scholars.addAward(id, new NewAward("BOLASHAK", null, CALL_YEAR, "MASTER", "06",
                "Test University", "US", new BigDecimal("15000000"), secrets.get("guarantee reference"),
                today.minusYears(4), today.minusYears(4), today.minusYears(2), today.minusYears(2)),
                Access.PERSONAL, "test-officer");
        long studying = scholars.addAward(id, new NewAward("BOLASHAK", null, CALL_YEAR, "PHD", "05",
                "Test University", "GB", new BigDecimal("20000000"), null, today.minusYears(2), today.minusYears(2),
                today.plusDays(30), null), Access.PERSONAL, "test-officer");

        secrets.put("employer", marker("employer"));
        secrets.put("employer BIN", bin());
        secrets.put("evidence", marker("evidence"));
        scholars.addEmployment(id, new NewEmployment(secrets.get("employer"), secrets.get("employer BIN"), "PRIVATE",
                null, "US", null, today.minusYears(1), null, null, secrets.get("evidence")), Access.PERSONAL,
                "test-officer");

        monitoring.run(true, "test");
        long task = jdbc.sql("SELECT id FROM reg_task WHERE award_id = ? AND kind = 'OVERDUE' AND done_at IS NULL")
                .param(overdue).query(Long.class).single();
        secrets.put("task note", marker("tasknote"));
        worklist.done(task, secrets.get("task note"), Access.PERSONAL, "test-officer");

        secrets.put("deferral reason", marker("deferral"));
        scholars.decide(studying, new NewDecision("DEFERRAL", null, today.plusDays(31), today.plusYears(1),
                secrets.get("deferral reason")), Access.PERSONAL, "test-officer");
        // Each decision's reason is also copied, as the grounds of the change of state, into the status history.
        secrets.put("decision reason", marker("breach"));
        scholars.decide(overdue, new NewDecision("BREACH_DECLARED", today, null, null, secrets.get("decision reason")),
                Access.PERSONAL, "test-officer");
        secrets.put("repayment note", marker("repayment"));
        scholars.decide(overdue, new NewDecision("REPAYMENT_STARTED", today, null, null,
                secrets.get("repayment note")), Access.PERSONAL, "test-officer");
        monitoring.run(true, "test");

        // The operator's record numbers come with a bulk import; written here directly.
        secrets.put("scholar record number", marker("scholarref"));
        secrets.put("award record number", marker("awardref"));
        jdbc.sql("UPDATE reg_scholar SET external_ref = ? WHERE id = ?").params(secrets.get("scholar record number"),
                id).update();
        jdbc.sql("UPDATE reg_award SET external_ref = ? WHERE id = ?").params(secrets.get("award record number"),
                overdue).update();
        planted = new Planted(id, overdue, studying, task, secrets);
        return planted;
    }

    /** A valid BIN (the IIN's check-digit rule) made of this run's digits: it can only come from the record. */
    private static String bin() {
        long seed = Math.abs(RUN.hashCode());
        for (int i = 0; ; i++) {
            String first11 = String.format("%011d", (seed + i * 7919L) % 100_000_000_000L);
            int check = Iin.checkDigit(first11);
            if (check >= 0 && check <= 9) {
                return first11 + check;
            }
        }
    }

    @Test
    void officersStillReadEveryPieceOfTheText() throws Exception {
        Planted p = plant();
        String api = text(mvc.perform(get("/api/v1/scholars/" + p.scholar()).with(OFFICER)).andReturn().getResponse());
        for (String field : List.of("employer", "employer BIN", "evidence", "guarantee reference", "deferral reason",
                "decision reason", "repayment note", "name in Russian", "email")) {
            assertThat(api).as(field).contains(p.secrets().get(field));
        }
        String card = text(mvc.perform(get("/registry/scholars/" + p.scholar()).with(OFFICER)).andReturn()
                .getResponse());
        for (String field : List.of("deferral reason", "decision reason", "repayment note", "employer")) {
            assertThat(card).as("card: " + field).contains(p.secrets().get(field));
        }
        String filter = "?status=done&callYear=" + CALL_YEAR;
        for (String path : List.of("/registry/worklist" + filter, "/api/v1/registry/tasks" + filter,
                "/registry/worklist/export.csv" + filter, "/registry/worklist/export.xlsx" + filter)) {
            assertThat(text(mvc.perform(get(path).with(OFFICER)).andReturn().getResponse())).as(path)
                    .contains(p.secrets().get("task note"));
        }
    }

    @Test
    void noAnalystOrViewerResponseCarriesPersonalData() throws Exception {
        Planted p = plant();
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("id", List.of(String.valueOf(p.scholar()), String.valueOf(p.task())));
        values.put("scholarId", List.of(String.valueOf(p.scholar())));
        values.put("awardId", List.of(String.valueOf(p.overdueAward()), String.valueOf(p.studyingAward())));
        values.put("format", List.of("csv", "xlsx"));
        values.put("code", jdbc.sql("SELECT code FROM reg_incentive ORDER BY code").query(String.class).list());
        values.put("pseudonym", List.of(jdbc.sql("SELECT pseudonym FROM reg_scholar WHERE id = ?")
                .param(p.scholar()).query(String.class).single()));
        // Filters a handler may take that bring the planted scholar's lines into view.
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("callYear", String.valueOf(CALL_YEAR));
        filters.put("size", "500");

        Set<String> checked = new TreeSet<>();
        List<String> leaks = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            HandlerMethod handler = e.getValue();
            if (handler.getBeanType().getSimpleName().endsWith("TestController")) {
                continue; // controllers that exist only in tests, e.g. one that fails on purpose
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            boolean get = methods.isEmpty() || methods.contains(RequestMethod.GET);
            boolean registry = handler.getBeanType().getPackageName().startsWith("kz.agyn.registry");
            if (!get && !registry) {
                continue;
            }
            HttpMethod method = get ? HttpMethod.GET : HttpMethod.valueOf(methods.iterator().next().name());
            Set<String> params = params(handler);
            List<String> queries = new ArrayList<>(List.of(""));
            if (params.contains("status")) {
                for (String status : List.of("done", "all")) {
                    StringBuilder q = new StringBuilder("?status=" + status);
                    filters.forEach((k, v) -> q.append(params.contains(k) ? "&" + k + "=" + v : ""));
                    queries.add(q.toString());
                }
            }
            List<String> accepts = new ArrayList<>();
            info.getProducesCondition().getProducibleMediaTypes().forEach(m -> accepts.add(m.toString()));
            if (accepts.isEmpty()) {
                accepts.add(null);
            }
            boolean htmx = htmx(handler);
            for (String pattern : info.getPatternValues()) {
                if (SKIPPED.contains(pattern)) {
                    continue;
                }
                for (String path : fill(pattern, values)) {
                    for (String query : queries) {
                        for (String accept : accepts) {
                            for (boolean fragment : htmx ? List.of(false, true) : List.of(false)) {
                                for (RequestPostProcessor who : List.of(ANALYST, VIEWER)) {
                                    MockHttpServletRequestBuilder r = request(method, path + query).with(who);
                                    if (!get) {
                                        r = r.with(csrf());
                                    }
                                    if (accept != null) {
                                        r = r.accept(MediaType.parseMediaType(accept));
                                    }
                                    if (fragment) {
                                        r = r.header("HX-Request", "true");
                                    }
                                    String body = text(mvc.perform(r).andReturn().getResponse());
                                    checked.add(method + " " + path + query + (fragment ? " (htmx)" : ""));
                                    leaks(body, p, method + " " + path + query + (accept == null ? "" : " " + accept)
                                            + (fragment ? " htmx" : "") + (who == ANALYST ? " as analyst"
                                            : " as viewer"), leaks);
                                }
                            }
                        }
                    }
                }
            }
        }
        for (String query : p.secrets().values()) {
            for (String field : List.of("iin", "name")) {
                for (RequestPostProcessor who : List.of(ANALYST, VIEWER)) {
                    for (String path : List.of("/registry/search", "/api/v1/scholars/search")) {
                        var request = path.startsWith("/api")
                                ? post(path).contentType("application/json").content("{\"%s\":\"%s\"}".formatted(field,
                                query))
                                : post(path).param(field, query);
                        String body = text(mvc.perform(request.with(csrf()).with(who)).andReturn().getResponse());
                        leaks(body, p, path + " by " + field, leaks);
                    }
                    // The name search's own address (a GET); what the POST above redirects to.
                    String page = text(mvc.perform(get("/registry").param(field, query).with(who)).andReturn()
                            .getResponse());
                    leaks(page, p, "GET /registry by " + field, leaks);
                }
            }
        }
        assertThat(checked).as("the registry's own routes are among those checked")
                .contains("GET /registry/scholars/" + p.scholar(), "GET /api/v1/scholars/" + p.scholar(),
                        "GET /registry/worklist?status=done&callYear=" + CALL_YEAR,
                        "GET /api/v1/registry/tasks?status=done&callYear=" + CALL_YEAR + "&size=500",
                        "GET /registry/worklist/export.csv?status=all&callYear=" + CALL_YEAR,
                        "GET /registry/worklist/export.xlsx?status=done&callYear=" + CALL_YEAR,
                        "GET /registry/cohorts.xlsx", "GET /api/v1/cohorts",
                        "POST /registry/awards/" + p.overdueAward() + "/decisions");
        assertThat(leaks).isEmpty();
    }

    /** The analyst's card says that an officer wrote something, and not what. */
    @Test
    void theAnalystsCardMarksTheOfficersWordsAsHidden() throws Exception {
        Planted p = plant();
        String card = text(mvc.perform(get("/registry/scholars/" + p.scholar()).with(ANALYST).param("lang", "en"))
                .andReturn().getResponse());
        assertThat(card).contains("Breach declared. (hidden)", "Repayment schedule agreed. (hidden)",
                "Breach declared: (hidden)");
        String tasks = text(mvc.perform(get("/api/v1/registry/tasks?status=done&callYear=" + CALL_YEAR).with(ANALYST))
                .andReturn().getResponse());
        assertThat(tasks).contains("\"noteHidden\":true");
    }

    private static void leaks(String body, Planted p, String where, List<String> leaks) {
        p.secrets().forEach((field, secret) -> {
            if (body.contains(secret)) {
                leaks.add(where + " shows the " + field);
            }
        });
    }

    /** The names of the request parameters a handler reads. */
    private static Set<String> params(HandlerMethod handler) {
        Set<String> names = new TreeSet<>();
        for (MethodParameter m : handler.getMethodParameters()) {
            RequestParam rp = m.getParameterAnnotation(RequestParam.class);
            if (rp != null) {
                String name = !rp.name().isEmpty() ? rp.name() : !rp.value().isEmpty() ? rp.value()
                        : m.getParameterName();
                if (name != null) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** Whether the handler answers an htmx request differently (with a fragment). */
    private static boolean htmx(HandlerMethod handler) {
        for (MethodParameter m : handler.getMethodParameters()) {
            RequestHeader h = m.getParameterAnnotation(RequestHeader.class);
            if (h != null && ("HX-Request".equalsIgnoreCase(h.name()) || "HX-Request".equalsIgnoreCase(h.value()))) {
                return true;
            }
        }
        return false;
    }

    /** The pattern with each combination of the candidate values of its variables; any other variable "x". */
    private static List<String> fill(String pattern, Map<String, List<String>> values) {
        List<String> paths = new ArrayList<>(List.of(pattern));
        for (Map.Entry<String, List<String>> v : values.entrySet()) {
            String variable = "{" + v.getKey() + "}";
            List<String> next = new ArrayList<>();
            for (String path : paths) {
                if (!path.contains(variable)) {
                    next.add(path);
                    continue;
                }
                for (String value : v.getValue()) {
                    next.add(path.replace(variable, value));
                }
            }
            paths = next;
        }
        // A 404 or 400 for a variable the test cannot fill is as good as a page for this test.
        return paths.stream().map(p -> p.replaceAll("\\{[^}]+}", "x").replace("/**", "/x")).distinct().toList();
    }

    private static String unzipped(byte[] bytes) throws java.io.IOException {
        StringBuilder sb = new StringBuilder();
        try (var zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(bytes))) {
            while (zip.getNextEntry() != null) {
                sb.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }

    private static String text(MockHttpServletResponse r) throws Exception {
        byte[] bytes = r.getContentAsByteArray();
        String type = r.getContentType() == null ? "" : r.getContentType();
        if (type.contains("spreadsheetml") || (bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K')) {
            StringBuilder sb = new StringBuilder();
            DataFormatter format = new DataFormatter();
            try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
                for (Sheet sheet : wb) {
                    for (Row row : sheet) {
                        row.forEach(cell -> sb.append(format.formatCellValue(cell)).append('\t'));
                        sb.append('\n');
                    }
                }
                return sb.toString();
            } catch (java.io.IOException | RuntimeException notAWorkbook) {
                // Another zip (a DOCX report): its XML parts are compressed, so read them as the raw bytes
                // cannot be; every part's text is searched.
                return unzipped(bytes);
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
