package kz.agyn.warehouse.web;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import kz.agyn.kernel.UserException;
import kz.agyn.platform.upload.Upload;
import kz.agyn.platform.upload.UploadTooLargeException;
import kz.agyn.platform.upload.Uploads;
import kz.agyn.reference.Names;
import kz.agyn.warehouse.Dimension;
import kz.agyn.warehouse.ImportMapping;
import kz.agyn.warehouse.ImportService;
import kz.agyn.warehouse.Warehouse;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Importing as a person does it: upload, watch the check run, read the report, fix the mapping, accept and
 * watch the write, or cancel. The page polls the progress with htmx.
 */
@Controller
@RequestMapping("/warehouse/imports")
@PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
class ImportPageController {

    private final ImportService imports;
    private final Warehouse warehouse;
    private final MessageSource messages;
    private final Uploads uploads;

    private final kz.agyn.warehouse.ImportTemplates templates;

    private final kz.agyn.warehouse.Withdrawals withdrawals;

    ImportPageController(ImportService imports, Warehouse warehouse, MessageSource messages, Uploads uploads,
                         kz.agyn.warehouse.ImportTemplates templates, kz.agyn.warehouse.Withdrawals withdrawals) {
        this.withdrawals = withdrawals;
        this.templates = templates;
        this.imports = imports;
        this.uploads = uploads;
        this.warehouse = warehouse;
        this.messages = messages;
    }

    /** The largest file the form takes, in MB, for the hint beside it. */
    @ModelAttribute("uploadLimitMb")
    double uploadLimitMb() {
        return UploadTooLargeException.megabytes(imports.maxSize());
    }

    @GetMapping
    String page(Model model, Locale locale) {
        model.addAttribute("datasets", warehouse.datasets());
        model.addAttribute("recent", imports.recent(20, locale));
        model.addAttribute("templates", templates.all());
        model.addAttribute("locale", locale);
        return "imports";
    }

    /**
     * A file from the form: received, it redirects to its import's page, where the check runs; too large, the page
     * is shown again at once with 413 and the limit; otherwise refused, back to the page with the reason.
     */
    @PostMapping
    String upload(@RequestParam("file") MultipartFile file,
                  @RequestParam(name = "structure", required = false) MultipartFile structure,
                  @RequestParam(required = false) String dataset,
                  @RequestParam(required = false) String format, @RequestParam(required = false) String template,
                  Authentication auth, Model model, RedirectAttributes redirect, HttpServletResponse response,
                  Locale locale) {
        try (Upload received = uploads.receive(file, imports.maxSize());
             Upload dsd = structure == null || structure.isEmpty() ? null
                     : uploads.receive(structure, imports.maxSize())) {
            ImportMapping mapping = ImportMapping.empty();
            if (template != null && !template.isBlank()) {
                // A saved template: its mapping, and its dataset unless the form chose one.
                kz.agyn.warehouse.ImportTemplate t = templates.get(template);
                mapping = t.mapping();
                if ((dataset == null || dataset.isBlank()) && t.dataset() != null) {
                    dataset = t.dataset();
                }
            }
            UUID id = imports.uploadAsync(dataset, received, dsd, format, mapping, auth.getName());
            return "redirect:/warehouse/imports/" + id;
        } catch (UploadTooLargeException e) {
            response.setStatus(UploadTooLargeException.STATUS);
            model.addAttribute("error", messages.getMessage(e.code(), e.args(), e.code(), locale));
            return page(model, locale);
        } catch (UserException e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.code(), e.args(), e.code(), locale));
            return "redirect:/warehouse/imports";
        }
    }

    @GetMapping("/{id}")
    String report(@PathVariable UUID id, Model model, Locale locale) {
        fill(id, model, locale);
        return "import";
    }

    /** The progress bar while work runs; the report once it is done (htmx stops polling then). */
    @GetMapping("/{id}/status")
    String status(@PathVariable UUID id, Model model, Locale locale) {
        fill(id, model, locale);
        return "import :: status";
    }

    @PostMapping("/{id}/mapping")
    String remap(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, Locale locale) {
        Map<Dimension, String> columns = new EnumMap<>(Dimension.class);
        ImportMapping mapping = ImportMapping.empty();
        for (Dimension d : Dimension.values()) {
            String column = form.get("col_" + d.name());
            if (column != null && !column.isBlank()) {
                columns.put(d, column);
            }
            mapping = mapping.withConstant(d, form.get("const_" + d.name()));
        }
        ImportMapping m = mapping;
        mapping = new ImportMapping(columns, m.constants(), "on".equals(form.get("wide")),
                blankChar(form.get("delimiter")), Params.blank(form.get("charset")),
                form.get("decimalComma") == null || form.get("decimalComma").isBlank() ? null
                        : Boolean.valueOf("true".equals(form.get("decimalComma"))),
                Params.blank(form.get("sheet")), number(form.get("headerFirstRow")), number(form.get("headerRowCount")),
                number(form.get("firstDataRow")), number(form.get("lastDataRow")));
        try {
            // The slice comes back from the form too: a mapping rebuilt without it let every series of an SDMX
            // dataset in again, and they collided as duplicates.
            mapping = mapping.withValues(values(form.get("values")), aggregates(form.get("aggregates")))
                    .withSlice(slice(form.get("slice")));
            imports.remap(id, form.get("dataset"), mapping, locale);
        } catch (UserException e) {
            model.addAttribute("error", messages.getMessage(e.code(), e.args(), e.code(), locale));
        }
        fill(id, model, locale);
        return "import :: status";
    }

    /** Saves the mapping this import was last checked with as a named template. */
    @PostMapping("/{id}/template")
    String saveTemplate(@PathVariable UUID id, @RequestParam String name,
                        @RequestParam(required = false) String description, Authentication auth, Model model,
                        Locale locale) {
        try {
            model.addAttribute("templateSaved", templates.saveFromImport(id, name, description, auth.getName(),
                    locale).name());
        } catch (UserException e) {
            model.addAttribute("error", messages.getMessage(e.code(), e.args(), e.code(), locale));
        }
        fill(id, model, locale);
        return "import :: status";
    }

    @PostMapping("/{id}/accept")
    String accept(@PathVariable UUID id, Authentication auth, Model model, Locale locale) {
        try {
            imports.acceptAsync(id, auth.getName());
        } catch (UserException e) {
            model.addAttribute("error", messages.getMessage(e.code(), e.args(), e.code(), locale));
        }
        fill(id, model, locale);
        return "import :: status";
    }

    @PostMapping("/{id}/discard")
    String discard(@PathVariable UUID id, Authentication auth, Model model, Locale locale) {
        try {
            imports.discardChecked(id, auth.getName(), locale);
        } catch (UserException e) {
            model.addAttribute("error", messages.getMessage(e.code(), e.args(), e.code(), locale));
        }
        fill(id, model, locale);
        return "import :: status";
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable UUID id, Model model, Locale locale) {
        imports.cancel(id);
        fill(id, model, locale);
        return "import :: status";
    }

    @PostMapping("/datasets")
    String createDataset(@RequestParam String code, @RequestParam String titleKk, @RequestParam String titleRu,
                         @RequestParam String titleEn, @RequestParam String publisher,
                         @RequestParam(required = false) String citation, @RequestParam(required = false) String url,
                         @RequestParam(required = false) String licence,
                         @RequestParam(defaultValue = "false") boolean synthetic, RedirectAttributes redirect,
                         Locale locale) {
        try {
            warehouse.createDataset(code, new Names(titleKk, titleRu, titleEn), publisher, citation, url, licence,
                    synthetic);
            redirect.addFlashAttribute("message", messages.getMessage("imports.dataset.created",
                    new Object[] {code}, locale));
        } catch (UserException e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.code(), e.args(), e.code(), locale));
        }
        return "redirect:/warehouse/imports";
    }

    private void fill(UUID id, Model model, Locale locale) {
        // Progress first: work that finishes between the two reads then shows as a finished report, never as
        // a stale report with polling already stopped.
        model.addAttribute("progress", imports.progress(id).orElse(null));
        var report = imports.report(id, locale);
        model.addAttribute("report", report);
        // Accepted: say whether a version was written and which version is current (an earlier file re-uploaded
        // is not written again, and does not become current by being accepted).
        warehouse.outcome(report).ifPresent(o -> {
            model.addAttribute("outcome", o);
            model.addAttribute("outcomeMessage", AcceptOutcome.message(o, messages, locale));
        });
        model.addAttribute("datasets", warehouse.datasets());
        // An accepted import may be withdrawn by an ADMIN; a withdrawn one says by whom, when and why (0033).
        model.addAttribute("withdrawal", withdrawals.withdrawal(id).orElse(null));
        model.addAttribute("mayUndo", report.status() == kz.agyn.warehouse.ImportStatus.ACCEPTED
                && kz.agyn.account.Role.namesOf(org.springframework.security.core.context.SecurityContextHolder
                        .getContext().getAuthentication()).contains("ADMIN"));
        model.addAttribute("dimensions", Dimension.values());
        model.addAttribute("aggregateChoices", ImportMapping.Aggregates.values());
        model.addAttribute("valuesText", valuesText(((kz.agyn.warehouse.ImportReport) model.getAttribute("report"))
                .mapping()));
        model.addAttribute("sliceText", sliceText(((kz.agyn.warehouse.ImportReport) model.getAttribute("report"))
                .mapping()));
        model.addAttribute("locale", locale);
    }

    /** The form's recoded values, one a line: "COUNTRY: Channel Islands = XC". Lines that say nothing are ignored. */
    static Map<Dimension, Map<String, String>> values(String text) {
        Map<Dimension, Map<String, String>> out = new EnumMap<>(Dimension.class);
        if (text == null) {
            return out;
        }
        for (String line : text.split("\\R")) {
            int colon = line.indexOf(':');
            int eq = line.lastIndexOf('=');
            if (colon <= 0 || eq <= colon + 1) {
                continue;
            }
            Dimension d;
            try {
                d = Dimension.of(line.substring(0, colon));
            } catch (IllegalArgumentException e) {
                continue;
            }
            String from = line.substring(colon + 1, eq).trim();
            String to = line.substring(eq + 1).trim();
            if (!from.isEmpty() && !to.isEmpty()) {
                out.computeIfAbsent(d, k -> new java.util.LinkedHashMap<>()).put(from, to);
            }
        }
        return out;
    }

    static String valuesText(ImportMapping mapping) {
        StringBuilder sb = new StringBuilder();
        mapping.values().forEach((d, m) -> m.forEach((from, to) ->
                sb.append(d.name()).append(": ").append(from).append(" = ").append(to).append('\n')));
        return sb.toString();
    }

    /** The form's slice, "FREQ=A; UNIT_MEASURE=PS": a column and its code per part; empty parts are ignored. */
    static Map<String, String> slice(String text) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (text == null) {
            return out;
        }
        for (String part : text.split("[;\\n]")) {
            int eq = part.indexOf('=');
            if (eq > 0 && !part.substring(0, eq).isBlank() && !part.substring(eq + 1).isBlank()) {
                out.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        return out;
    }

    static String sliceText(ImportMapping mapping) {
        StringBuilder sb = new StringBuilder();
        mapping.slice().forEach((column, code) -> sb.append(sb.isEmpty() ? "" : "; ").append(column).append('=')
                .append(code));
        return sb.toString();
    }

    private static ImportMapping.Aggregates aggregates(String s) {
        return "REFUSE".equals(s) ? ImportMapping.Aggregates.REFUSE : ImportMapping.Aggregates.SKIP;
    }

    private static Character blankChar(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        return "\\t".equals(s) || "tab".equalsIgnoreCase(s) ? '\t' : s.charAt(0);
    }

    private static Integer number(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
