package kz.agyn.warehouse.web;

import java.util.List;
import java.util.Locale;

import kz.agyn.account.Role;
import kz.agyn.kernel.UserException;
import kz.agyn.warehouse.DatasetInfo;
import kz.agyn.warehouse.DatasetVersion;
import kz.agyn.warehouse.Disclosure;
import kz.agyn.warehouse.ImportException;
import kz.agyn.warehouse.VersionComparison;
import kz.agyn.warehouse.Warehouse;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A dataset's versions as an analyst uses them: where the data come from and under what licence, every version
 * with a link to read it in the explorer, what changed between two of them, and a button to make an earlier one
 * current again (ADMIN, ANALYST; audited).
 */
@Controller
class DatasetVersionsController {

    private final Warehouse warehouse;
    private final MessageSource messages;
    private final kz.agyn.warehouse.refresh.RefreshService refresh;
    private final kz.agyn.warehouse.ImportTemplates templates;

    DatasetVersionsController(Warehouse warehouse, MessageSource messages,
                              kz.agyn.warehouse.refresh.RefreshService refresh,
                              kz.agyn.warehouse.ImportTemplates templates) {
        this.warehouse = warehouse;
        this.messages = messages;
        this.refresh = refresh;
        this.templates = templates;
    }

    @GetMapping("/warehouse/datasets/{code}")
    String versions(@PathVariable String code, Authentication auth, Model model, Locale locale) {
        DatasetInfo dataset = dataset(code);
        List<DatasetVersion> versions = warehouse.versions(code);
        model.addAttribute("dataset", dataset);
        model.addAttribute("versions", versions);
        model.addAttribute("history", warehouse.currentChanges(code));
        model.addAttribute("mayRestore", mayRestore(auth));
        // Withdrawing a version and retiring the dataset are ADMIN's (decision 0033).
        model.addAttribute("mayUndo", Role.namesOf(auth).contains("ADMIN"));
        model.addAttribute("locale", locale);
        if (mayRestore(auth)) {
            source(code, model);
        }
        return "dataset-versions";
    }

    @PostMapping("/warehouse/datasets/{code}/versions/{version}/current")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    String makeCurrent(@PathVariable String code, @PathVariable int version, Authentication auth,
                       RedirectAttributes redirect, Locale locale) {
        try {
            warehouse.makeCurrent(code, version, auth.getName());
            redirect.addFlashAttribute("message", messages.getMessage("versions.madeCurrent",
                    new Object[] {version}, locale));
        } catch (UserException e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.code(), e.args(), e.code(), locale));
        }
        return "redirect:/warehouse/datasets/" + code;
    }

    @GetMapping("/warehouse/datasets/{code}/compare")
    String compare(@PathVariable String code, @RequestParam int from, @RequestParam int to, Authentication auth,
                   Model model, Locale locale) {
        DatasetInfo dataset = dataset(code);
        VersionComparison c = warehouse.compare(code, from, to, Disclosure.seesSmallCells(Role.namesOf(auth)));
        model.addAttribute("dataset", dataset);
        model.addAttribute("comparison", new VersionComparison(c.dataset(), c.from(), c.to(), c.added(), c.removed(),
                c.changed(), c.unchanged(), c.differences().stream().map(WholeCountry::shownIn).toList(),
                c.truncated()));
        model.addAttribute("versions", warehouse.versions(code));
        model.addAttribute("locale", locale);
        return "dataset-compare";
    }

    /** The source form and the refresh button (issue 13), for those who may refresh: ADMIN, ANALYST. */
    private void source(String code, Model model) {
        var source = refresh.source(code).orElse(null);
        model.addAttribute("source", source);
        String address = null;
        if (source != null) {
            try {
                address = refresh.address(source);
            } catch (UserException e) {
                // A source set before a rule tightened: the form shows it, and saving it again says what is wrong.
            }
        }
        model.addAttribute("sourceAddress", address);
        model.addAttribute("agencies", refresh.agencies());
        model.addAttribute("sourceKinds", kz.agyn.warehouse.refresh.SourceKind.values());
        model.addAttribute("sdmxFormats", kz.agyn.warehouse.refresh.SdmxFormat.values());
        model.addAttribute("templates", templates.all());
        model.addAttribute("connectSeconds", refresh.connectTimeout().toSeconds());
        model.addAttribute("readSeconds", refresh.readTimeout().toSeconds());
    }

    private DatasetInfo dataset(String code) {
        return warehouse.dataset(code).orElseThrow(() -> new ImportException("warehouse.dataset.notFound", code));
    }

    private static boolean mayRestore(Authentication auth) {
        var roles = Role.namesOf(auth);
        return roles.contains("ADMIN") || roles.contains("ANALYST");
    }
}
