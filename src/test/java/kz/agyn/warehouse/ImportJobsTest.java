package kz.agyn.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import kz.agyn.AgynTest;
import kz.agyn.jobs.JobFilter;
import kz.agyn.jobs.JobKind;
import kz.agyn.jobs.JobState;
import kz.agyn.jobs.JobView;
import kz.agyn.jobs.Jobs;
import kz.agyn.reference.Names;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A warehouse import's check and write are jobs like any other (issue 14): recorded, with outcome and link. */
class ImportJobsTest extends AgynTest {

    @Autowired
    ImportService imports;

    @Autowired
    Warehouse warehouse;

    @Autowired
    Jobs jobs;

    @Test
    void checkingAndWritingAFileAreRecordedAsJobs() {
        warehouse.createDataset("test-import-jobs", new Names("Сынақ", "Тест", "Test"), "Agyn tests", null, null,
                null, false);
        byte[] csv = "indicator,period,region,value\nEMIGRANTS,2021,000000000,10\nEMIGRANTS,2022,000000000,12\n"
                .getBytes(StandardCharsets.UTF_8);
        ImportReport checked = imports.upload("test-import-jobs", "jobs.csv", new ByteArrayInputStream(csv), "csv",
                null, "import-jobs-analyst", Locale.ENGLISH);
        imports.accept(checked.id(), "import-jobs-analyst", Locale.ENGLISH);

        List<JobView> mine = jobs.list(new JobFilter(null, "import-jobs-analyst", null, 10));
        JobView check = mine.stream().filter(j -> j.kind() == JobKind.WAREHOUSE_CHECK).findFirst().orElseThrow();
        JobView write = mine.stream().filter(j -> j.kind() == JobKind.WAREHOUSE_WRITE).findFirst().orElseThrow();
        assertThat(check.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(check.parameters()).containsEntry("dataset", "test-import-jobs").containsEntry("file", "jobs.csv")
                .containsEntry("import", checked.id().toString());
        assertThat(check.outcomeArgs()).containsExactly("jobs.csv", "2", "0");
        assertThat(check.resultLink()).isEqualTo("/warehouse/imports/" + checked.id());
        assertThat(write.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(write.outcome()).isEqualTo("jobs.outcome.importWritten");
        assertThat(write.outcomeArgs()).containsExactly("jobs.csv", "1", "test-import-jobs", "2");
        assertThat(write.resultLink()).isEqualTo("/warehouse/datasets/test-import-jobs");
        assertThat(write.done()).isPositive();
    }
}
