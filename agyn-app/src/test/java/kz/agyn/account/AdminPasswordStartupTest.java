package kz.agyn.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import kz.agyn.AgynApplication;
import kz.agyn.platform.startup.StartupProblem;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * An AGYN_ADMIN_PASSWORD that the password policy refuses stops the first start with the short start-up report
 * (what is wrong, what to do), not with a stack trace. Each case starts the application on a new empty database.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminPasswordStartupTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Admin-is-my-name-2026 | The password must not contain the username.",
            "Password2026!         | one of the 10,000 most common"})
    void anUnusableAdminPasswordIsReportedInTwoLines(String password, String reason, CapturedOutput output) {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(AgynApplication.class)
                .run("--server.port=0", "--agyn.db.ephemeral=true", "--agyn.admin.initial-password=" + password,
                        "--agyn.demo.survey=false", "--agyn.registry.monitoring.run-at-start=false"));
        StartupProblem problem = StartupProblem.in(failure);
        assertThat(problem).as("a StartupProblem, not another failure").isNotNull();
        assertThat(problem.getMessage()).contains("AGYN_ADMIN_PASSWORD").contains(reason);
        assertThat(problem.action()).contains("AGYN_ADMIN_PASSWORD");
        String printed = output.getAll();
        assertThat(printed).contains("APPLICATION FAILED TO START").contains(reason)
                .doesNotContain("\tat kz.agyn.").doesNotContain("Application run failed");
        // The password itself is never printed.
        assertThat(printed).doesNotContain(password);
    }
}
