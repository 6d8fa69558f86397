package kz.agyn.costmodel.web;

import static kz.agyn.costmodel.web.CostModelApiTest.ANALYST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import kz.agyn.AgynTest;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workbook of a run says what the page and the API say for the same values: the link under the total carries
 * the page's changed values, and the file's figures equal the API's answer to the same overrides.
 */
class CostModelExportTest extends AgynTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    private XSSFWorkbook workbook(String query, String lang) throws Exception {
        byte[] bytes = mvc.perform(get("/cost-model/export.xlsx?" + query + "&lang=" + lang).with(ANALYST))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"agyn-cost-model.xlsx\""))
                .andReturn().getResponse().getContentAsByteArray();
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    private static Row find(Sheet sheet, String first) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && row.getCell(0).toString().startsWith(first)) {
                return row;
            }
        }
        throw new AssertionError("no row " + first + " in " + sheet.getSheetName());
    }

    @Test
    void theLinkOnThePageCarriesTheChangedValuesAndTheFileMatchesTheApi() throws Exception {
        Document page = Jsoup.parse(mvc.perform(post("/cost-model").with(ANALYST).with(csrf()).param("lang", "en")
                        .param("return_probability", "0.5").param("occupation_pay_2", "600000")
                        .param("draws", "300").param("seed", "7"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        String href = page.select("#cost-export").attr("href");
        assertThat(href).startsWith("/cost-model/export.xlsx?").contains("return_probability=0.5",
                "occupation_pay_2=600000", "draws=300", "seed=7");

        String api = mvc.perform(post("/api/v1/cost-model/run").with(ANALYST).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en")
                        .content("{\"overrides\": {\"return_probability\": 0.5}, \"occupationPay\": {\"2\": 600000},"
                                + " \"draws\": 300, \"seed\": 7}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode run = json.readTree(api);

        try (XSSFWorkbook wb = workbook(href.substring(href.indexOf('?') + 1), "en")) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).containsExactly("Summary", "Parameters", "By education level", "By occupation",
                    "Tornado");
            Sheet summary = wb.getSheet("Summary");
            assertThat(find(summary, "Annual cost").getCell(1).toString())
                    .isEqualTo(String.valueOf(Math.round(run.get("total").asDouble())));
            assertThat(find(summary, "Changed from the defaults").getCell(1).toString())
                    .contains("return_probability", "2 Professionals");

            Row returnRow = find(wb.getSheet("Parameters"), "return_probability");
            assertThat(returnRow.getCell(2).getNumericCellValue()).isEqualTo(0.5);
            assertThat(returnRow.getCell(8).toString()).isEqualTo("yes");
            assertThat(returnRow.getCell(10).toString()).isNotBlank();

            Row phd = find(wb.getSheet("By education level"), "Doctorate");
            assertThat(phd.getCell(3).getNumericCellValue())
                    .isEqualTo(run.get("perEmigrant").get(3).get("cost").asDouble());

            Row professionals = find(wb.getSheet("By occupation"), "2 ");
            assertThat(professionals.getCell(2).getNumericCellValue()).isEqualTo(600_000);
            JsonNode row2 = run.get("perEmigrantByOccupation").get("occupations").get(1);
            assertThat(professionals.getCell(7).getNumericCellValue()).isEqualTo(row2.get("cost").asDouble());
            assertThat(find(wb.getSheet("By occupation"), "All occupations")).isNotNull();
            assertThat(wb.getSheet("Tornado").getLastRowNum()).isGreaterThan(5);
        }
    }

    @Test
    void theWorkbookSpeaksTheReadersLanguage() throws Exception {
        try (XSSFWorkbook wb = workbook("draws=100", "kk")) {
            assertThat(wb.getSheetName(0)).isEqualTo("Жиынтық");
            assertThat(wb.getSheetName(3)).isEqualTo("Кәсіптер бойынша");
        }
    }

    @Test
    void aHandEditedBadValueIsRefusedWithItsReasonNotA500() throws Exception {
        String body = mvc.perform(get("/cost-model/export.xlsx?return_probability=7&lang=en").with(ANALYST))
                .andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("Probability of return", "7");
    }
}
