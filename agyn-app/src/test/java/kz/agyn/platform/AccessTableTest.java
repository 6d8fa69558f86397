package kz.agyn.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import kz.agyn.AgynTest;
import kz.agyn.account.AccountService;
import kz.agyn.account.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Who reaches which route, as one table: the status every kind of caller gets, from the anonymous visitor to the
 * administrator. The table was taken from the application while the platform still listed the features' routes
 * itself; since the features contribute their own rules it must not change. A 302 is the way to the login page,
 * a 401 the API's refusal of a stranger, a 403 a refusal for want of a role; 404 and 400 mean the door let the
 * caller through to a page that had nothing for these made-up ids.
 */
class AccessTableTest extends AgynTest {

    private static final String PASSWORD = "Access-table-pw-1";

    /** The callers, in the order of the table's columns: their user names ("" for anonymous) and roles. */
    private static final List<Caller> CALLERS = List.of(
            new Caller("anonymous", null, Set.of()),
            new Caller("no role", "acl-none", Set.of()),
            new Caller("VIEWER", "acl-viewer", Set.of(Role.VIEWER)),
            new Caller("ANALYST", "acl-analyst", Set.of(Role.ANALYST)),
            new Caller("REGISTRY_OFFICER", "acl-officer", Set.of(Role.REGISTRY_OFFICER)),
            new Caller("ADMIN", "acl-admin", Set.of(Role.ADMIN)));

    /**
     * Method, route, then the status for each caller above (anonymous, no role, viewer, analyst, registry
     * officer, administrator); "-" where the question makes no sense (the pages of one's own account, for a
     * caller who has no account behind the name). POSTs carry a CSRF token and are here only where the answer
     * is a refusal for some callers, or changes nothing.
     */
    private static final String TABLE = """
            # platform: sign-in, errors, static files, API documentation, operations
            GET  /login                                 200 200 200 200 200 200
            GET  /css/agyn.css                          200 200 200 200 200 200
            GET  /js/agyn.js                            200 200 200 200 200 200
            GET  /img/agyn.svg                          200 200 200 200 200 200
            GET  /webjars/htmx.org/dist/htmx.min.js     200 200 200 200 200 200
            GET  /swagger-ui/index.html                 404 404 404 404 404 404
            GET  /api/docs                              302 302 302 302 302 302
            GET  /api/openapi                           200 200 200 200 200 200
            GET  /actuator/health                       200 200 200 200 200 200
            GET  /actuator/prometheus                   401 403 403 403 403 200
            GET  /nowhere                               302 404 404 404 404 404
            GET  /api/v1/nowhere                        401 404 404 404 404 404
            # dashboard
            GET  /                                      302 200 200 200 200 200
            # warehouse
            GET  /warehouse/explore                     302 200 200 200 200 200
            GET  /warehouse/metrics                     302 200 200 200 200 200
            GET  /warehouse/imports                     302 403 403 200 403 200
            GET  /warehouse/indicators                  302 200 200 200 200 200
            GET  /api/v1/datasets                       401 200 200 200 200 200
            GET  /api/v1/metrics                        401 200 200 200 200 200
            GET  /api/v1/imports                        401 403 403 200 403 200
            # survey: the public form by its one-time link, and one level only
            GET  /s/no-such-link                        404 404 404 404 404 404
            GET  /s/no-such-link/more                   302 404 404 404 404 404
            GET  /surveys                               302 200 200 200 200 200
            GET  /surveys/questionnaires                302 200 200 200 200 200
            GET  /api/v1/surveys                        401 200 200 200 200 200
            # registry and its sub-features
            GET  /registry                              302 403 403 200 200 200
            GET  /registry/cohorts                      302 403 200 200 200 200
            GET  /registry/worklist                     302 403 403 200 200 200
            GET  /registry/incentives                   302 403 403 200 200 200
            GET  /registry/rules                        302 403 403 200 200 200
            GET  /api/v1/cohorts                        401 200 200 200 200 200
            GET  /api/v1/registry/tasks                 401 403 403 200 200 200
            GET  /admin/registry-keys                   302 403 403 403 403 200
            GET  /api/v1/registry/rekey                 401 403 403 403 403 200
            # note, cost model, reference data, IIN check
            GET  /note                                  302 200 200 200 200 200
            GET  /api/v1/note-figures                   401 200 200 200 200 200
            # note templates and issued notes: analysts and administrators; a viewer neither edits nor issues
            GET  /note/templates                        302 403 403 200 403 200
            GET  /note/templates/seed-note              302 403 403 200 403 200
            POST /note/templates/seed-note              302 403 403 400 403 400
            GET  /note/issued                           302 403 403 200 403 200
            POST /note/issued                           302 403 403 400 403 400
            GET  /cost-model                            302 200 200 200 200 200
            GET  /api/v1/cost-model                     401 200 200 200 200 200
            GET  /reference                             302 200 200 200 200 200
            GET  /api/v1/regions                        401 200 200 200 200 200
            GET  /iin                                   302 200 200 200 200 200
            # measures: the board for every signed-in user, the editor for analysts and administrators
            GET  /measures                              302 200 200 200 200 200
            GET  /measures/new                          302 403 403 200 403 200
            GET  /measures/999999                       302 404 404 404 404 404
            GET  /api/v1/measures                       401 200 200 200 200 200
            GET  /api/v1/measures/999999                401 404 404 404 404 404
            # hidden emigration: aggregates for those who read statistics, runs for analysts and administrators
            GET  /residency                             302 403 200 200 403 200
            POST /residency/runs                        302 403 403 400 403 400
            GET  /residency/runs/00000000-0000-0000-0000-000000000000 302 403 404 404 403 404
            GET  /api/v1/residency/runs                 401 403 200 200 403 200
            GET  /api/v1/residency/runs/00000000-0000-0000-0000-000000000000 401 403 404 404 403 404
            POST /residency/uploads                     302 403 403 400 403 400
            # account and users
            GET  /account                               302 -   200 200 200 200
            GET  /api/v1/account                        401 -   200 200 200 200
            GET  /admin/users                           302 403 403 403 403 200
            POST /admin/users                           302 403 403 403 403 400
            GET  /api/v1/users                          401 403 403 403 403 200
            GET  /api/v1/users/acl-viewer               401 403 403 403 403 404
            # audit and jobs
            GET  /admin/audit                           302 403 403 403 403 200
            GET  /api/v1/audit                          401 403 403 403 403 200
            GET  /admin/jobs                            302 403 403 403 403 200
            GET  /api/v1/jobs                           401 200 200 200 200 200
            # an administration page no feature serves is still closed to all but administrators
            GET  /admin/nothing-here                    302 403 403 403 403 404
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @BeforeEach
    void callers() {
        for (Caller c : CALLERS) {
            if (c.username() != null && !c.roles().isEmpty() && accounts.user(c.username()).isEmpty()) {
                accounts.createUser(c.username(), PASSWORD, c.roles(), c.column(), "kk", false);
            }
        }
    }

    @Test
    void everyCallerGetsTheSameAnswerOnEveryRoute() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String line : TABLE.lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            assertThat(f).as(line).hasSize(2 + CALLERS.size());
            StringBuilder actualLine = new StringBuilder(String.format("%-4s %-38s", f[0], f[1]));
            boolean differs = false;
            for (int i = 0; i < CALLERS.size(); i++) {
                String actual = f[2 + i].equals("-") ? "-" : String.valueOf(status(f[0], f[1], CALLERS.get(i)));
                actualLine.append(String.format(" %-3s", actual));
                differs |= !actual.equals(f[2 + i]);
            }
            if (differs) {
                wrong.add(actualLine.toString().strip() + "   (the table says " + line + ")");
            }
        }
        assertThat(wrong).as("routes whose answer changed").isEmpty();
    }

    private int status(String method, String path, Caller caller) throws Exception {
        MockHttpServletRequestBuilder request = switch (method) {
            case "GET" -> get(path);
            case "POST" -> post(path).with(csrf());
            default -> throw new IllegalArgumentException(method);
        };
        if (caller.username() != null) {
            request.with(user(caller.username()).roles(caller.roles().stream().map(Role::name)
                    .toArray(String[]::new)));
        }
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    /** One column of the table: who calls (no user name for an anonymous visitor) with which roles. */
    private record Caller(String column, String username, Set<Role> roles) {
    }
}
