package kz.agyn.warehouse.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.agyn.account.Role;
import kz.agyn.platform.cache.Caches;
import kz.agyn.platform.cache.PerGeneration;
import kz.agyn.platform.cache.RenderedFragments;
import kz.agyn.platform.charts.ChartOption;
import kz.agyn.reference.ReferenceData;
import kz.agyn.reference.Region;
import kz.agyn.warehouse.DatasetInfo;
import kz.agyn.warehouse.Observation;
import kz.agyn.warehouse.Warehouse;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** The explorer page: pick an indicator, break it down, see a table, a chart and the map; export the view. */
@Controller
class ExplorerController {

    private final Explorer explorer;
    private final Warehouse warehouse;
    private final ReferenceData reference;
    private final MessageSource messages;
    private final JsonMapper json;

    /** What a view shows, computed once per change of the warehouse or the reference data (decision 0042). */
    private record Shown(Explorer.View view, String html) {
    }

    /** A view depends on the selection, on what the reader's roles may see (small counts) and on the language. */
    private record ShownKey(Explorer.Selection selection, Set<String> roles, Locale locale) {
    }

    private final PerGeneration<ShownKey, Shown> views;
    private final RenderedFragments fragments;

    ExplorerController(Explorer explorer, Warehouse warehouse, ReferenceData reference, MessageSource messages,
                       JsonMapper json, Caches caches, RenderedFragments fragments) {
        this.fragments = fragments;
        this.views = caches.perGeneration(2_000, Caches.WAREHOUSE,
                Caches.REFERENCE);
        this.explorer = explorer;
        this.warehouse = warehouse;
        this.reference = reference;
        this.messages = messages;
        this.json = json;
    }

    /**
     * The page, or through htmx the form and the result together (the form's filters depend on the breakdown and
     * the data). The address is the view's own query string (HX-Push-Url; on a full page the explorer carries it
     * in data-address), so that a link copied from the bar reopens the same view.
     */
    @GetMapping("/warehouse/explore")
    String explore(@RequestParam(required = false) String indicator, @RequestParam(required = false) String by,
                   @RequestParam Map<String, String> params, @RequestParam(required = false) String from,
                   @RequestParam(required = false) String to, @RequestParam(required = false) String dataset,
                   @RequestParam(required = false) Integer version, @RequestParam(required = false) String asOf,
                   @RequestParam(required = false) String shown,
                   @RequestHeader(name = "HX-Request", required = false) String htmx,
                   @RequestHeader(name = "HX-History-Restore-Request", required = false) String restore,
                   Authentication auth, Model model, Locale locale, HttpServletRequest request,
                   HttpServletResponse response) {
        Explorer.Selection selection = explorer.selection(indicator, by, params, from, to, dataset, version, asOf,
                shown);
        Set<String> roles = Set.copyOf(Role.namesOf(auth));
        Shown computed = views.get(new ShownKey(selection, roles, locale), () -> {
            Explorer.View view = explorer.view(selection, roles, locale);
            String unit = view.indicator() == null ? ""
                    : messages.getMessage("unit." + view.indicator().unit(), null, "", locale);
            ChartOption map = explorer.mapOption(view, regionNames(locale), unit);
            String line = json.writeValueAsString(explorer.lineOption(view, unit));
            String mapJson = map == null ? null : json.writeValueAsString(map);
            // The explorer rendered once per view (decision 0049): rendering was most of a view's CPU. Its model
            // holds only the view, what the roles (in the key) allow and the language: nothing of the viewer.
            return new Shown(view, fragments.render("explore :: explorer",
                    explorerModel(view, roles, locale, line, mapJson), locale, request, response));
        });
        Explorer.View view = computed.view();
        // The page inserts the kept text and needs nothing else of the view: the explorer's model (whose list of
        // indicators is a query of the warehouse) is built only when the view is rendered.
        model.addAttribute("explorerHtml", computed.html());
        // The same address answers with a page or with a fragment: caches must keep them apart.
        response.addHeader("Vary", "HX-Request");
        // Going back to a view htmx no longer holds asks for the whole page, not the fragment.
        if (htmx != null && restore == null) {
            response.setHeader("HX-Push-Url", request.getContextPath() + "/warehouse/explore?" + view.query());
            return "explore :: kept";
        }
        return "explore";
    }

    private Map<String, Object> explorerModel(Explorer.View view, Set<String> roles, Locale locale, String lineOption,
                                              String mapOption) {
        Map<String, Object> model = new HashMap<>();
        model.put("view", view);
        model.put("indicators", warehouse.indicators());
        model.put("mayRestore", roles.contains("ADMIN") || roles.contains("ANALYST"));
        model.put("locale", locale);
        model.put("lineOption", lineOption);
        model.put("mapOption", mapOption);
        model.put("exportQuery", view.query());
        return model;
    }

    @GetMapping("/warehouse/export/{format}")
    void export(@PathVariable String format, @RequestParam(required = false) String indicator,
                @RequestParam(required = false) String by, @RequestParam Map<String, String> params,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String dataset, @RequestParam(required = false) Integer version,
                @RequestParam(required = false) String asOf,
                Authentication auth, Locale locale, HttpServletResponse response) throws IOException {
        Explorer.View view = explorer.view(explorer.selection(indicator, by, params, from, to, dataset, version,
                asOf, null), Role.namesOf(auth), locale);
        String base = "agyn-" + (view.indicator() == null ? "export" : view.indicator().code().toLowerCase(Locale.ROOT))
                + "-by-" + view.selection().by().name().toLowerCase(Locale.ROOT);
        switch (format) {
            case "csv" -> {
                attachment(response, "text/csv;charset=UTF-8", base + ".csv");
                response.getOutputStream().write(csv(view, false, locale).getBytes(StandardCharsets.UTF_8));
            }
            case "sdmx-csv" -> {
                attachment(response, "text/csv;charset=UTF-8", base + ".sdmx.csv");
                response.getOutputStream().write(csv(view, true, locale).getBytes(StandardCharsets.UTF_8));
            }
            case "xlsx" -> {
                attachment(response, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        base + ".xlsx");
                xlsx(view, locale, response.getOutputStream());
            }
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /**
     * Long form; the suppressed cells are left out rather than written as numbers. Each line ends with where it comes
     * from (dataset, version, source, publisher, licence, synthetic, not checked), as SDMX attributes in SDMX-CSV.
     */
    private String csv(Explorer.View view, boolean sdmx, Locale locale) {
        StringBuilder sb = new StringBuilder();
        sb.append(sdmx ? "DATAFLOW," + CanonicalCsv.SDMX_HEADER + "," + CanonicalCsv.SDMX_ATTRIBUTES
                : CanonicalCsv.AGYN_HEADER + "," + CanonicalCsv.PROVENANCE_HEADER).append('\n');
        String unit = view.indicator() == null ? null : view.indicator().unit();
        Map<String, DatasetInfo> datasets = new java.util.HashMap<>();
        warehouse.datasets().forEach(d -> datasets.put(d.code(), d));
        for (Observation o : view.observations()) {
            DatasetInfo d = datasets.get(o.dataset());
            if (sdmx) {
                sb.append("AGYN:").append(o.dataset().toUpperCase(Locale.ROOT).replace('-', '_'))
                        .append("(1.0),").append(CanonicalCsv.sdmxLine(o)).append(',')
                        .append(CanonicalCsv.sdmxAttributes(o, d));
            } else {
                sb.append(CanonicalCsv.agynLine(o, unit, false)).append(',')
                        .append(CanonicalCsv.provenance(o, d, locale));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The pivot as the user sees it, with the source and the suppression rule written under it. */
    private void xlsx(Explorer.View view, Locale locale, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(view.indicator() == null ? "Agyn" : view.indicator().code());
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            int r = 0;
            Row title = sheet.createRow(r++);
            title.createCell(0).setCellValue(view.indicator() == null ? "" : view.indicator().names().in(locale));
            title.getCell(0).setCellStyle(bold);
            Row header = sheet.createRow(r++);
            header.createCell(0).setCellValue(messages.getMessage("explore.by." + view.selection().by().name(), null,
                    locale));
            for (int i = 0; i < view.periods().size(); i++) {
                header.createCell(i + 1).setCellValue(view.periods().get(i));
                header.getCell(i + 1).setCellStyle(bold);
            }
            for (Explorer.PivotRow pr : view.rows()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(pr.label() + (pr.showsCode() ? " (" + pr.code() + ")" : ""));
                for (int i = 0; i < pr.cells().size(); i++) {
                    Explorer.Cell c = pr.cells().get(i);
                    if (c.value() != null) {
                        row.createCell(i + 1).setCellValue(c.value().doubleValue());
                    } else if (c.suppressed()) {
                        row.createCell(i + 1).setCellValue("<5");
                    }
                }
            }
            r++;
            sheet.createRow(r++).createCell(0).setCellValue(messages.getMessage("explore.selection", null, locale)
                    + ": " + selectionText(view, locale));
            if (view.source() != null) {
                Explorer.Source s = view.source();
                sheet.createRow(r++).createCell(0).setCellValue(messages.getMessage("figure.source", null, locale)
                        + ": " + s.title() + " — " + s.publisher() + ", "
                        + messages.getMessage("explore.version", new Object[] {s.version()}, locale)
                        + (s.citation() == null ? "" : ". " + s.citation()));
                sheet.createRow(r++).createCell(0).setCellValue(messages.getMessage("explore.licence", null, locale)
                        + ": " + (s.licence() == null ? messages.getMessage("explore.licenceUnknown", null, locale)
                        : s.licence()));
                if (s.url() != null) {
                    sheet.createRow(r++).createCell(0).setCellValue(s.url());
                }
                if (!s.current()) {
                    sheet.createRow(r++).createCell(0).setCellValue(messages.getMessage("explore.notCurrent",
                            new Object[] {s.version(), s.currentVersion()}, locale));
                }
                if (s.notChecked()) {
                    sheet.createRow(r++).createCell(0).setCellValue(messages.getMessage("explore.notChecked", null,
                            locale));
                }
                if (s.synthetic()) {
                    sheet.createRow(r++).createCell(0).setCellValue(messages.getMessage("explore.synthetic", null,
                            locale));
                }
            }
            if (view.suppressedCells() > 0) {
                sheet.createRow(r).createCell(0).setCellValue(messages.getMessage("explore.suppressedNote", null,
                        locale));
            }
            sheet.setColumnWidth(0, 40 * 256);
            wb.write(out);
        }
    }

    /** The codes the view holds fixed, as the filters and the API write them (the whole country is KZ). */
    private String selectionText(Explorer.View view, Locale locale) {
        StringBuilder sb = new StringBuilder();
        view.selection().filters().forEach((d, v) -> {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(messages.getMessage("dimension." + d.name(), null, d.name(), locale)).append(' ')
                    .append(Explorer.ANY.equals(v) ? messages.getMessage("explore.any", null, locale)
                    : d == kz.agyn.warehouse.Dimension.REGION ? WholeCountry.shown(v) : v);
        });
        return sb.toString();
    }

    private Map<String, String> regionNames(Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Region r : reference.currentRegions()) {
            names.put(r.kato(), r.names().in(locale));
        }
        return names;
    }

    private static void attachment(HttpServletResponse response, String type, String name) {
        response.setContentType(type);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }
}
