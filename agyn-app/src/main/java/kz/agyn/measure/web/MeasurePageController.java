package kz.agyn.measure.web;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import kz.agyn.kernel.UserException;
import kz.agyn.measure.KpiPoint;
import kz.agyn.measure.KpiReport;
import kz.agyn.measure.Projection;
import kz.agyn.measure.StatusRule;
import kz.agyn.measure.KpiSource;
import kz.agyn.measure.KpiUnit;
import kz.agyn.measure.Measure;
import kz.agyn.measure.MeasureDraft;
import kz.agyn.measure.MeasureService;
import kz.agyn.measure.MeasureStatus;
import kz.agyn.measure.RegistryFormula;
import kz.agyn.measure.internal.MeasureRepository;
import kz.agyn.platform.upload.Upload;
import kz.agyn.platform.upload.Uploads;
import kz.agyn.warehouse.Warehouse;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The measures board, a page per measure with its history, projection, values, comments and changes, and the
 * editor. A mistake in a form is told on the form, in the reader's language, with the status 400.
 */
@Controller
class MeasurePageController {

    private final MeasureService measures;
    private final Warehouse warehouse;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Uploads uploads;

    MeasurePageController(MeasureService measures, Warehouse warehouse, MessageSource messages, JsonMapper json,
                          Uploads uploads) {
        this.measures = measures;
        this.warehouse = warehouse;
        this.messages = messages;
        this.json = json;
        this.uploads = uploads;
    }

    @GetMapping("/measures")
    String board(Model model, Locale locale) {
        model.addAttribute("reports", measures.board(locale));
        model.addAttribute("fmt", new MeasureFormat(locale));
        model.addAttribute("locale", locale);
        return "measures";
    }

    @GetMapping("/measures/export.xlsx")
    ResponseEntity<byte[]> exportBoard(Locale locale) {
        List<KpiReport> reports = measures.board(locale);
        byte[] xlsx = MeasureWorkbook.board(reports, messages, locale);
        measures.exported(null, reports.size());
        return file(xlsx, "measures.xlsx");
    }

    @GetMapping("/measures/{id}")
    String page(@PathVariable long id, Model model, Locale locale) {
        KpiReport report = measures.kpi(id, locale);
        model.addAttribute("r", report);
        model.addAttribute("reason", reason(report, new MeasureFormat(locale), locale));
        model.addAttribute("m", report.measure());
        model.addAttribute("option", json.writeValueAsString(MeasureChart.of(report, messages, locale)));
        model.addAttribute("comments", measures.comments(id));
        model.addAttribute("changes", measures.changes(id));
        model.addAttribute("indicator", report.measure().kpi().indicator() == null ? null
                : warehouse.indicator(report.measure().kpi().indicator()).orElse(null));
        model.addAttribute("fmt", new MeasureFormat(locale));
        model.addAttribute("locale", locale);
        return "measure";
    }

    @GetMapping("/measures/{id}/export.xlsx")
    ResponseEntity<byte[]> exportMeasure(@PathVariable long id, Locale locale) {
        KpiReport report = measures.kpi(id, locale);
        byte[] xlsx = MeasureWorkbook.measure(report, measures.comments(id), measures.changes(id), messages, locale);
        measures.exported(id, 1);
        return file(xlsx, "measure-" + id + ".xlsx");
    }

    @GetMapping("/measures/new")
    String newForm(Model model, Locale locale) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("kpiSource", KpiSource.WAREHOUSE.name());
        fields.put("kpiUnit", KpiUnit.PERCENT.name());
        fields.put("status", MeasureStatus.ADOPTED.name());
        return form(model, locale, null, fields, null);
    }

    @GetMapping("/measures/{id}/edit")
    String editForm(@PathVariable long id, Model model, Locale locale) {
        Measure m = measures.measure(id);
        return form(model, locale, m, MeasureForm.fields(MeasureDraft.of(m)), null);
    }

    @PostMapping("/measures")
    @PreAuthorize(MeasureWebConfiguration.EDITORS)
    String create(@RequestParam Map<String, String> fields, Authentication auth, Model model, Locale locale,
                  HttpServletResponse response, RedirectAttributes flash) {
        try {
            Measure m = measures.create(MeasureForm.draft(fields), auth.getName());
            flash.addFlashAttribute("message", messages.getMessage("measure.created", null, locale));
            return "redirect:/measures/" + m.id();
        } catch (UserException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, locale, null, fields, message(e, locale));
        }
    }

    @PostMapping("/measures/{id}")
    @PreAuthorize(MeasureWebConfiguration.EDITORS)
    String update(@PathVariable long id, @RequestParam Map<String, String> fields, Authentication auth, Model model,
                  Locale locale, HttpServletResponse response, RedirectAttributes flash) {
        Measure old = measures.measure(id);
        try {
            measures.update(id, MeasureForm.draft(fields), auth.getName());
            flash.addFlashAttribute("message", messages.getMessage("measure.saved", null, locale));
            return "redirect:/measures/" + id;
        } catch (UserException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, locale, old, fields, message(e, locale));
        }
    }

    @PostMapping("/measures/{id}/values")
    @PreAuthorize(MeasureWebConfiguration.EDITORS)
    String report(@PathVariable long id, @RequestParam Map<String, String> fields, Authentication auth,
                  Locale locale, RedirectAttributes flash) {
        try {
            BigDecimal value = MeasureForm.number(fields, "value");
            measures.report(id, MeasureForm.year(fields, "year"), value, fields.get("evidence"), auth.getName());
            flash.addFlashAttribute("message", messages.getMessage("measure.valueSaved", null, locale));
        } catch (UserException e) {
            flash.addFlashAttribute("error", message(e, locale));
        }
        return "redirect:/measures/" + id + "#values";
    }

    @PostMapping("/measures/{id}/comments")
    @PreAuthorize(MeasureWebConfiguration.EDITORS)
    String comment(@PathVariable long id, @RequestParam(required = false) String body,
                   @RequestParam(required = false) String link,
                   @RequestParam(name = "file", required = false) MultipartFile file, Authentication auth,
                   Locale locale, RedirectAttributes flash) throws IOException {
        try {
            measures.comment(id, body, link, stored(file), auth.getName());
            flash.addFlashAttribute("message", messages.getMessage("measure.commented", null, locale));
        } catch (UserException e) {
            flash.addFlashAttribute("error", message(e, locale));
        }
        return "redirect:/measures/" + id + "#comments";
    }

    @GetMapping("/measures/{id}/evidence/{comment}/download")
    ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long comment) {
        MeasureRepository.StoredFile f = measures.file(id, comment);
        MediaType type;
        try {
            type = f.type() == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(f.type());
        } catch (IllegalArgumentException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(f.name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(f.content());
    }

    /** The uploaded file read into memory under the evidence limit, or null when none was chosen. */
    private MeasureRepository.StoredFile stored(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try (Upload upload = uploads.receive(file, MeasureService.MAX_FILE_BYTES); InputStream in = upload.open()) {
            return new MeasureRepository.StoredFile(Uploads.safeName(upload.name()), file.getContentType(),
                    in.readAllBytes());
        }
    }

    private String form(Model model, Locale locale, Measure m, Map<String, String> fields, String error) {
        model.addAttribute("m", m);
        model.addAttribute("form", MeasureForm.complete(fields));
        model.addAttribute("error", error);
        model.addAttribute("sources", KpiSource.values());
        model.addAttribute("units", KpiUnit.values());
        model.addAttribute("formulas", RegistryFormula.values());
        model.addAttribute("statuses", MeasureStatus.values());
        model.addAttribute("indicators", warehouse.indicators());
        model.addAttribute("datasets", warehouse.datasets().stream().filter(d -> d.retired() == null).toList());
        model.addAttribute("locale", locale);
        return "measure-form";
    }

    /** Why the light is what it is, with the figures the rule compared (decision 0039). */
    private String reason(KpiReport r, MeasureFormat fmt, Locale locale) {
        Measure m = r.measure();
        String why = r.verdict().reason();
        String target = fmt.value(m.target().value(), m.unit());
        KpiPoint latest = r.latest();
        Object[] args = switch (why) {
            case "noData" -> new Object[0];
            case "reached" -> new Object[] {fmt.value(latest.value(), m.unit()), target};
            case "deadlinePassed" -> new Object[] {fmt.date(m.deadline()), fmt.value(latest.value(), m.unit()), target};
            case "onPath", "behindPath", "farBehindPath" -> new Object[] {fmt.value(latest.value(), m.unit()),
                    Integer.toString(latest.year()),
                    fmt.value(StatusRule.planned(m, latest.year()), m.unit()), target};
            default -> {
                Projection.Point p = r.projection().at(m.deadline().getYear()).orElseThrow();
                yield new Object[] {Integer.toString(m.deadline().getYear()), fmt.value(p.value(), m.unit()),
                        fmt.range(p.lower(), p.upper(), m.unit()), target, fmt.level(r.projection().level())};
            }
        };
        return messages.getMessage("measure.reason." + why, args, locale);
    }

    private String message(UserException e, Locale locale) {
        return messages.getMessage(e.code(), e.args(), e.code(), locale);
    }

    private static ResponseEntity<byte[]> file(byte[] xlsx, String name) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString()).body(xlsx);
    }
}
