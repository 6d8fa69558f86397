package kz.agyn.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import kz.agyn.AgynTest;
import kz.agyn.jobs.JobFilter;
import kz.agyn.jobs.JobKind;
import kz.agyn.jobs.JobState;
import kz.agyn.jobs.JobView;
import kz.agyn.jobs.Jobs;
import kz.agyn.reference.Names;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A warehouse import's check and write are jobs like any other (issue 14): recorded, with outcome and link; and the
 * job is where the import's progress is read and its cancel sent (the import keeps no map of its own).
 */
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

    @Test
    void progressAndCancelGoThroughTheImportsJob() throws InterruptedException {
        warehouse.createDataset("test-import-progress", new Names("Сынақ", "Тест", "Test"), "Agyn tests", null, null,
                null, false);
        byte[] csv = "indicator,period,region,value\nEMIGRANTS,2021,000000000,10\nEMIGRANTS,2022,000000000,12\n"
                .getBytes(StandardCharsets.UTF_8);
        UUID id = imports.uploadAsync("test-import-progress", "progress.csv", new ByteArrayInputStream(csv), "csv",
                null, "import-progress-analyst");
        ImportProgress checked = awaitDone(id);
        assertThat(checked.phase()).isEqualTo("VALID");
        assertThat(checked.rows()).isEqualTo(2);
        assertThat(imports.report(id, Locale.ENGLISH).status()).isEqualTo(ImportStatus.VALID);
        assertThat(imports.cancel(id)).as("nothing runs").isFalse();

        // A job of the import running (here opened by hand, so that it runs as long as the test needs): the
        // progress is the job's, and a cancel reaches its handle.
        try (Jobs.Handle handle = jobs.start(JobKind.WAREHOUSE_WRITE, "import-progress-analyst",
                Map.of("import", id.toString()))) {
            handle.phase("WRITING", 1000L);
            handle.done(250);
            handle.items(7);
            ImportProgress running = imports.progress(id).orElseThrow();
            assertThat(running.done()).isFalse();
            assertThat(running.phase()).isEqualTo("WRITING");
            assertThat(running.percent()).isEqualTo(25);
            assertThat(running.rows()).isEqualTo(7);
            assertThat(imports.cancel(id)).isTrue();
            assertThat(handle.cancelRequested()).isTrue();
            assertThat(imports.progress(id).orElseThrow().cancelled()).isTrue();
            handle.cancelled(null);
        }
        ImportProgress after = imports.progress(id).orElseThrow();
        assertThat(after.done()).isTrue();
        assertThat(after.cancelled()).as("its last job was cancelled").isTrue();

        imports.acceptAsync(id, "import-progress-analyst");
        assertThat(awaitDone(id).phase()).isEqualTo("ACCEPTED");
        assertThat(imports.report(id, Locale.ENGLISH).status()).isEqualTo(ImportStatus.ACCEPTED);
    }

    private ImportProgress awaitDone(UUID id) throws InterruptedException {
        long until = System.nanoTime() + 120_000_000_000L;
        ImportProgress p = imports.progress(id).orElseThrow();
        while (!p.done() && System.nanoTime() < until) {
            Thread.sleep(50);
            p = imports.progress(id).orElseThrow();
        }
        assertThat(p.done()).as(p.toString()).isTrue();
        return p;
    }
}
