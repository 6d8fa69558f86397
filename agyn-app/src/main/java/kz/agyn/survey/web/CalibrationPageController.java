package kz.agyn.survey.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import kz.agyn.kernel.UserException;
import kz.agyn.survey.CalibrationService;
import kz.agyn.survey.CalibrationSettings;
import kz.agyn.survey.InvalidFieldsException;
import kz.agyn.survey.MarginTargets;
import kz.agyn.survey.SurveyService;
import kz.agyn.survey.estimation.CalibrationMethod;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The calibration tab of a survey: the method, and the survey's own margins on every profile question, typed into
 * a table (one field per option) or uploaded as a CSV file. A refused submission is shown again with what was typed,
 * each problem beside its field and all of them, located, above the form.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
class CalibrationPageController {

    private final CalibrationService calibration;
    private final SurveyService surveys;
    private final FieldProblems fieldProblems;
    private final MessageSource messages;

    CalibrationPageController(CalibrationService calibration, SurveyService surveys, FieldProblems fieldProblems,
                              MessageSource messages) {
        this.calibration = calibration;
        this.surveys = surveys;
        this.fieldProblems = fieldProblems;
        this.messages = messages;
    }

    @GetMapping("/surveys/{id}/calibration")
    String page(@PathVariable int id, Model model, Locale locale) {
        CalibrationSettings settings = calibration.settings(id, locale);
        show(id, settings, values(settings), settings.method(), settings.targets(), model, locale);
        return "survey-calibration";
    }

    @PostMapping("/surveys/{id}/calibration")
    String save(@PathVariable int id, @RequestParam(defaultValue = "RAKING") String method,
                @RequestParam(defaultValue = "COUNT") String targets,
                @RequestParam(name = "file", required = false) MultipartFile file,
                @RequestParam Map<String, String> fields, Model model, RedirectAttributes redirect,
                HttpServletResponse response, Locale locale) {
        CalibrationMethod m = parse(CalibrationMethod.class, method, CalibrationMethod.RAKING);
        MarginTargets t = parse(MarginTargets.class, targets, MarginTargets.COUNT);
        try {
            if (file != null && !file.isEmpty()) {
                calibration.saveFile(id, m, t, file.getOriginalFilename(), CalibrationApiController.bytes(file),
                        locale);
            } else {
                calibration.saveForm(id, m, t, fields, locale);
            }
        } catch (InvalidFieldsException e) {
            model.addAttribute("problems", fieldProblems.shown(e, locale));
            model.addAttribute("fieldErrors", fieldProblems.byField(e, locale));
            model.addAttribute("error", messages.getMessage(e.code(), e.args(), e.code(), locale));
            show(id, calibration.settings(id, locale), typed(fields), m, t, model, locale);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "survey-calibration";
        } catch (UserException e) {
            model.addAttribute("error", messages.getMessage(e.code(), e.args(), e.code(), locale));
            show(id, calibration.settings(id, locale), typed(fields), m, t, model, locale);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "survey-calibration";
        }
        redirect.addFlashAttribute("saved", messages.getMessage("survey.calibration.saved", null, locale));
        return "redirect:/surveys/" + id + "/calibration";
    }

    private void show(int id, CalibrationSettings settings, Map<String, String> values, CalibrationMethod method,
                      MarginTargets targets, Model model, Locale locale) {
        model.addAttribute("survey", surveys.survey(id));
        model.addAttribute("settings", settings);
        model.addAttribute("values", values);
        model.addAttribute("method", method);
        model.addAttribute("targets", targets);
        model.addAttribute("methods", CalibrationMethod.values());
        model.addAttribute("targetKinds", MarginTargets.values());
        model.addAttribute("field", CalibrationService.FIELD);
        model.addAttribute("locale", locale);
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
    }

    /**
     * The stored targets by form field, as plain numbers ("52000", "0.52"); none when the survey is weighted to a
     * warehouse dataset, so that saving the form for the method alone does not switch it to its own margins.
     */
    private static Map<String, String> values(CalibrationSettings settings) {
        Map<String, String> v = new LinkedHashMap<>();
        if (settings.source() == kz.agyn.survey.MarginSources.Kind.WAREHOUSE) {
            return v;
        }
        for (CalibrationSettings.QuestionMargins q : settings.questions()) {
            for (CalibrationSettings.CategoryTarget c : q.categories()) {
                if (c.target() != null) {
                    v.put(CalibrationService.FIELD + q.question() + "." + c.category(),
                            java.math.BigDecimal.valueOf(c.target()).stripTrailingZeros().toPlainString());
                }
            }
        }
        return v;
    }

    /** What was typed, kept in the form beside the problems. */
    private static Map<String, String> typed(Map<String, String> fields) {
        Map<String, String> v = new LinkedHashMap<>();
        fields.forEach((k, x) -> {
            if (k.startsWith(CalibrationService.FIELD)) {
                v.put(k, x);
            }
        });
        return v;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, E otherwise) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return e;
            }
        }
        return otherwise;
    }
}
