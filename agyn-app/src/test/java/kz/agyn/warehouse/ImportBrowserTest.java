package kz.agyn.warehouse;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import kz.agyn.AgynBrowserTest;
import kz.agyn.Browsers;
import kz.agyn.account.Role;
import kz.agyn.reference.Names;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An analyst in the browser: uploads a CSV whose headers Agyn does not know, fixes the mapping, accepts, sees
 * the new figures in the explorer's chart and map, and exports them as XLSX.
 */
class ImportBrowserTest extends AgynBrowserTest {

    static final String USER = "import-analyst";
    static final String PASSWORD = "Import-pass-9";

    @Autowired
    Warehouse warehouse;

    @Test
    void uploadFixMappingAcceptExploreAndExport() throws Exception {
        account(USER, PASSWORD, Role.ANALYST, "en");
        if (warehouse.dataset("browser-regional").isEmpty()) {
            warehouse.createDataset("browser-regional", new Names("Өңірлік", "Региональный", "Regional survey"),
                    "Akimat of Jetisu region", null, null, null, false);
        }
        String csv = "Регион;Год;Эмигранттар\n"
                + "Жетісу облысы;2023;812\nАлматы облысы;2023;1 530\nАстана қаласы;2023;4 020\n";
        String base = base();
        try (var context = browser.newContext(new Browser.NewContextOptions().setAcceptDownloads(true)
                .setViewportSize(1400, 1000))) {
            Page page = signIn(context, USER, PASSWORD, "en");

            page.navigate(base + "/warehouse/imports");
            page.locator("#upload-form input[type=file][name=file]").setInputFiles(new FilePayload("regional.csv", "text/csv",
                    csv.getBytes(StandardCharsets.UTF_8)));
            page.locator("#upload-form select[name=dataset]").selectOption("browser-regional");
            page.locator("#upload-form button[type=submit]").click();

            assertThat(page.locator("#import-state")).hasAttribute("data-status", "INVALID");
            assertThat(page.locator("table.problems")).containsText("INDICATOR");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("import-invalid.png")).setFullPage(true));

            page.locator("input[name=const_INDICATOR]").fill("EMIGRANTS");
            page.locator("input[name=const_FLOW]").fill("EMI");
            page.locator("select[name=col_VALUE]").selectOption("Эмигранттар");
            page.locator("#recheck").click();
            assertThat(page.locator("#import-state")).hasAttribute("data-status", "VALID");
            page.locator("#accept-import").click();
            assertThat(page.locator("#import-state")).hasAttribute("data-status", "ACCEPTED");

            page.navigate(base + "/warehouse/explore?indicator=EMIGRANTS&by=REGION&dataset=browser-regional"
                    + "&from=2023&to=2023");
            assertThat(page.locator("#pivot tr[data-code='330000000']")).containsText("812");
            assertThat(page.locator("#explore-chart")).hasAttribute("data-rendered", "true");
            assertThat(page.locator("#explore-map")).hasAttribute("data-rendered", "true");
            assertThat(page.locator(".source-line")).containsText("Regional survey");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("explore-en.png")).setFullPage(true));

            Download download = page.waitForDownload(() -> page.locator("#export-xlsx").click());
            Path xlsx = Browsers.SHOTS.resolve("export.xlsx");
            download.saveAs(xlsx);
            byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(xlsx), 2);
            assertThat(new String(head, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
            try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(xlsx))) {
                var sheet = wb.getSheetAt(0);
                boolean found = false;
                for (var row : sheet) {
                    var label = row.getCell(0);
                    var value = row.getCell(1);
                    if (label != null && label.toString().startsWith("Zhetysu") && value != null) {
                        found = value.getNumericCellValue() == 812;
                    }
                }
                assertThat(found).as("Jetisu row with 812 in the export").isTrue();
            }
        }
    }

}
