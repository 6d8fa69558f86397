package kz.agyn.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import kz.agyn.AgynTest;
import kz.agyn.account.AccountService;
import kz.agyn.account.Role;
import kz.agyn.kernel.Sex;
import kz.agyn.registry.Access;
import kz.agyn.registry.NewScholar;
import kz.agyn.registry.ScholarService;
import kz.agyn.registry.TestScholars;
import kz.agyn.registry.monitoring.MonitoringService;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * "ANALYST and VIEWER never receive an IIN or a name in any page, API response or export": every GET route the
 * application has — read from Spring's handler mappings, so a route added later is covered without editing
 * this test — is requested as an analyst and as a viewer, with the path variables filled in with a scholar
 * whose IIN, names, contacts and employer are recorded, and the raw body (spreadsheets read cell by cell) must
 * contain none of them. The search, the only POST that reads the registry, is tried with each of them too.
 */
class PersonalDataExposureTest extends AgynTest {

    static final RequestPostProcessor ANALYST = user("exposure-analyst").roles("ANALYST");
    static final RequestPostProcessor VIEWER = user("exposure-viewer").roles("VIEWER");

    static final String LAST = "Жетпісбаева";
    static final String FIRST = "Ақбөпе";
    static final String PATRONYMIC = "Ерланқызы";
    static final String LATIN = "Zhetpisbayeva";
    static final String EMAIL = "akbope.exposure@example.kz";
    static final String PHONE = "+7 705 123 45 67";
    static final String EMPLOYER = "Exposure-Test Employer LLP";

    /** Routes that stream or act rather than show (logout, events), or need a body to mean anything. */
    static final Set<String> SKIPPED = Set.of("/logout", "/error");

    @Autowired
    MockMvc mvc;

    @Autowired
    ScholarService scholars;

    @Autowired
    MonitoringService monitoring;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    AccountService accounts;

    @Test
    void noAnalystOrViewerResponseCarriesPersonalData() throws Exception {
        // Real accounts, so that pages about the signed-in user (/account) answer as they would in use.
        for (var a : Map.of("exposure-analyst", Role.ANALYST, "exposure-viewer", Role.VIEWER).entrySet()) {
            if (accounts.user(a.getKey()).isEmpty()) {
                accounts.createUser(a.getKey(), "Exposure-pass-1", Set.of(a.getValue()), null, "kk", false);
            }
        }
        String iin = new TestScholars(scholars).freshIin(LocalDate.of(1988, 11, 2), Sex.FEMALE);
        long id = scholars.create(new NewScholar(iin, LAST, FIRST, PATRONYMIC, null, LATIN, EMAIL, PHONE, null,
                null, false), Access.PERSONAL);
        TestScholars make = new TestScholars(scholars);
        // One award long overdue (a worklist task) and one being worked off (an employer on record).
        long overdue = make.award(id, LocalDate.now().minusYears(2), true, "US");
        scholars.addEmployment(id, new kz.agyn.registry.NewEmployment(EMPLOYER, null, "PRIVATE", null, "US", null,
                LocalDate.now().minusYears(1), null, null, "contract of " + LAST), Access.PERSONAL, "test-officer");
        monitoring.run(true);
        List<String> secrets = List.of(iin, LAST, FIRST, PATRONYMIC, LATIN, EMAIL, PHONE, EMPLOYER);

        Map<String, String> values = Map.of("id", String.valueOf(id), "scholarId", String.valueOf(id),
                "awardId", String.valueOf(overdue));
        Set<String> checked = new TreeSet<>();
        List<String> leaks = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            if (e.getValue().getBeanType().getSimpleName().endsWith("TestController")) {
                continue; // controllers that exist only in tests, e.g. one that fails on purpose
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            for (String pattern : info.getPatternValues()) {
                if (SKIPPED.contains(pattern)) {
                    continue;
                }
                String path = fill(pattern, values);
                for (RequestPostProcessor who : List.of(ANALYST, VIEWER)) {
                    MockHttpServletResponse r = mvc.perform(get(path).with(who)).andReturn().getResponse();
                    checked.add(path);
                    String body = text(r);
                    for (String secret : secrets) {
                        if (body.contains(secret)) {
                            leaks.add(path + " (" + (who == ANALYST ? "analyst" : "viewer") + ") shows "
                                    + secret.charAt(0) + "…");
                        }
                    }
                }
            }
        }
        for (String query : secrets) {
            for (String field : List.of("iin", "name")) {
                for (RequestPostProcessor who : List.of(ANALYST, VIEWER)) {
                    for (String path : List.of("/registry/search", "/api/v1/scholars/search")) {
                        var request = path.startsWith("/api")
                                ? post(path).contentType("application/json").content("{\"%s\":\"%s\"}".formatted(field,
                                query))
                                : post(path).param(field, query);
                        String body = text(mvc.perform(request.with(csrf()).with(who)).andReturn().getResponse());
                        secrets.stream().filter(body::contains)
                                .forEach(s -> leaks.add(path + " by " + field + " shows " + s.charAt(0) + "…"));
                    }
                }
            }
        }
        assertThat(checked).as("the registry's own routes are among those checked")
                .contains("/registry/scholars/" + id, "/api/v1/scholars/" + id, "/registry/worklist",
                        "/api/v1/cohorts");
        assertThat(leaks).isEmpty();
    }

    private static String fill(String pattern, Map<String, String> values) {
        String path = pattern;
        for (Map.Entry<String, String> v : values.entrySet()) {
            path = path.replace("{" + v.getKey() + "}", v.getValue());
        }
        // Any other variable gets a harmless word; a 404 or 400 then is as good as a page for this test.
        return path.replaceAll("\\{[^}]+}", "x").replace("/**", "/x");
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
