package kz.agyn.warehouse.refresh.web;

import java.util.Locale;

import kz.agyn.kernel.UserException;
import kz.agyn.warehouse.refresh.DatasetSource;
import kz.agyn.warehouse.refresh.RefreshService;
import kz.agyn.warehouse.refresh.SdmxFormat;
import kz.agyn.warehouse.refresh.SourceKind;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The source form and the "Refresh now" button of a dataset's page ({@code /warehouse/datasets/{code}}). A refresh
 * fetches the message and hands it to the import, then opens the import's page, where the check runs with its
 * progress bar and Cancel, its report is read and a clean message is accepted, as for an uploaded file; a message
 * that holds the current version's data, or a source that cannot be read, is said on the dataset's page.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
class SourcePageController {

    private final RefreshService refresh;
    private final MessageSource messages;

    SourcePageController(RefreshService refresh, MessageSource messages) {
        this.refresh = refresh;
        this.messages = messages;
    }

    @PostMapping("/warehouse/datasets/{code}/source")
    String save(@PathVariable String code, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String agency, @RequestParam(required = false) String baseUrl,
                @RequestParam(required = false) String flow, @RequestParam(required = false) String key,
                @RequestParam(required = false) String startPeriod, @RequestParam(required = false) String endPeriod,
                @RequestParam(required = false) String format, @RequestParam(required = false) String template,
                @RequestParam(defaultValue = "false") boolean structure,
                Authentication auth, RedirectAttributes redirect, Locale locale) {
        try {
            SourceKind k = kind == null || kind.isBlank() ? null : SourceKind.valueOf(kind);
            SdmxFormat f = format == null || format.isBlank() ? null : SdmxFormat.valueOf(format);
            refresh.save(code, new DatasetSource(code, k, agency, baseUrl, flow, key, startPeriod, endPeriod, f,
                    template, null, null, null, structure), auth.getName());
            redirect.addFlashAttribute("message", messages.getMessage("refresh.saved", new Object[] {code}, locale));
        } catch (UserException e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.code(), e.args(), e.code(), locale));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", messages.getMessage("refresh.source.noKind", null, locale));
        }
        return "redirect:/warehouse/datasets/" + code + "#refresh-source";
    }

    @PostMapping("/warehouse/datasets/{code}/source/delete")
    String delete(@PathVariable String code, RedirectAttributes redirect, Locale locale) {
        try {
            refresh.delete(code);
            redirect.addFlashAttribute("message", messages.getMessage("refresh.deleted", new Object[] {code}, locale));
        } catch (UserException e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.code(), e.args(), e.code(), locale));
        }
        return "redirect:/warehouse/datasets/" + code + "#refresh-source";
    }

    @PostMapping("/warehouse/datasets/{code}/refresh")
    String refresh(@PathVariable String code, Authentication auth, RedirectAttributes redirect, Locale locale) {
        try {
            RefreshService.Started s = refresh.start(code, auth.getName(), locale);
            String leftOut = s.leftOut().isEmpty() ? "" : " " + String.join(" ", s.leftOut());
            if (s.nothingNew()) {
                redirect.addFlashAttribute("message", messages.getMessage("refresh.nothingNew",
                        new Object[] {s.url(), s.currentVersion()}, locale) + leftOut);
                return "redirect:/warehouse/datasets/" + code;
            }
            redirect.addFlashAttribute("message", messages.getMessage("refresh.fetched", new Object[] {s.url()},
                    locale) + leftOut);
            return "redirect:/warehouse/imports/" + s.importId();
        } catch (UserException e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.code(), e.args(), e.code(), locale));
            return "redirect:/warehouse/datasets/" + code + "#refresh-source";
        }
    }
}
