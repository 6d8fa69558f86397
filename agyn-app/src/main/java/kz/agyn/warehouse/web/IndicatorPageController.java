package kz.agyn.warehouse.web;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import kz.agyn.kernel.UserException;
import kz.agyn.reference.Names;
import kz.agyn.warehouse.Indicator;
import kz.agyn.warehouse.IndicatorKind;
import kz.agyn.warehouse.Warehouse;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The indicators as a page: everyone signed in reads what each statistic means, its unit, kind and source;
 * analysts and administrators define new ones and correct existing ones (the same rules as the API: a unit,
 * kind or period stays while observations use it). A refused form comes back filled in, with the reason.
 */
@Controller
@RequestMapping("/warehouse/indicators")
class IndicatorPageController {

    private final Warehouse warehouse;
    private final MessageSource messages;

    IndicatorPageController(Warehouse warehouse, MessageSource messages) {
        this.warehouse = warehouse;
        this.messages = messages;
    }

    /** The form's fields, as typed. */
    record Form(String code, String nameKk, String nameRu, String nameEn, String unit, String kind, String per,
                String definitionKk, String definitionRu, String definitionEn, String source) {

        static Form empty() {
            return new Form("", "", "", "", "PERSONS", "STOCK", "", "", "", "", "");
        }

        static Form of(Indicator i) {
            Names d = i.definition();
            return new Form(i.code(), i.names().kk(), i.names().ru(), i.names().en(), i.unit(), i.kind().name(),
                    i.per() == null ? "" : i.per(), d == null || d.kk() == null ? "" : d.kk(),
                    d == null || d.ru() == null ? "" : d.ru(), d == null || d.en() == null ? "" : d.en(),
                    i.source() == null ? "" : i.source());
        }

        Indicator indicator() {
            return new Indicator(code, new Names(nameKk, nameRu, nameEn), unit, per,
                    new Names(definitionKk, definitionRu, definitionEn),
                    IndicatorKind.parse(kind).orElse(null), source);
        }
    }

    @ModelAttribute
    void choices(Model model, Locale locale) {
        model.addAttribute("units", Indicator.UNITS);
        model.addAttribute("kinds", IndicatorKind.values());
        model.addAttribute("periods", Indicator.PERIODS);
        model.addAttribute("locale", locale);
    }

    @GetMapping
    String page(@RequestParam(required = false) String edit, Model model) {
        model.addAttribute("indicators", warehouse.indicators());
        if (!model.containsAttribute("form")) {
            Optional<Indicator> editing = edit == null ? Optional.empty() : warehouse.indicator(edit);
            model.addAttribute("form", editing.map(Form::of).orElse(Form.empty()));
            model.addAttribute("editing", editing.isPresent());
        }
        return "indicators";
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    String create(Form form, Model model, RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        try {
            Indicator created = warehouse.createIndicator(form.indicator());
            redirect.addFlashAttribute("message", messages.getMessage("indicators.created",
                    new Object[] {created.code()}, locale));
            return "redirect:/warehouse/indicators#" + created.code();
        } catch (UserException e) {
            return refused(e, form, false, model, response, locale);
        }
    }

    @PostMapping("/{code}")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    String update(@PathVariable String code, Form form, Model model, RedirectAttributes redirect,
                  HttpServletResponse response, Locale locale) {
        Form fixed = new Form(code, form.nameKk(), form.nameRu(), form.nameEn(), form.unit(), form.kind(),
                form.per(), form.definitionKk(), form.definitionRu(), form.definitionEn(), form.source());
        try {
            Indicator saved = warehouse.updateIndicator(fixed.indicator());
            redirect.addFlashAttribute("message", messages.getMessage("indicators.saved",
                    new Object[] {saved.code()}, locale));
            return "redirect:/warehouse/indicators#" + saved.code();
        } catch (UserException e) {
            return refused(e, fixed, true, model, response, locale);
        }
    }

    private String refused(UserException e, Form form, boolean editing, Model model, HttpServletResponse response,
                           Locale locale) {
        response.setStatus(e.kind() == UserException.Kind.NOT_FOUND ? 404
                : e.kind() == UserException.Kind.CONFLICT ? 409 : 400);
        model.addAttribute("error", messages.getMessage(e.code(), e.args(), e.code(), locale));
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("indicators", warehouse.indicators());
        return "indicators";
    }
}
