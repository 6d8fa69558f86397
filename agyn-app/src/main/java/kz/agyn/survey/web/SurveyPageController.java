package kz.agyn.survey.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import kz.agyn.account.Role;
import kz.agyn.kernel.UserException;
import kz.agyn.platform.charts.Axis;
import kz.agyn.platform.charts.AxisLabel;
import kz.agyn.platform.charts.ChartOption;
import kz.agyn.platform.charts.Grid;
import kz.agyn.platform.charts.Point;
import kz.agyn.platform.charts.Series;
import kz.agyn.platform.charts.Tooltip;
import kz.agyn.platform.charts.VisualMap;
import kz.agyn.platform.format.Decimals;
import kz.agyn.platform.format.Numbers;
import kz.agyn.platform.upload.Upload;
import kz.agyn.platform.upload.UploadTooLargeException;
import kz.agyn.platform.upload.Uploads;
import kz.agyn.survey.CrossTable;
import kz.agyn.survey.Estimates;
import kz.agyn.survey.FormService;
import kz.agyn.survey.InvalidFieldsException;
import kz.agyn.survey.IssuedLink;
import kz.agyn.survey.MarginService;
import kz.agyn.survey.MarginSources;
import kz.agyn.survey.NewSurvey;
import kz.agyn.survey.ProfileField;
import kz.agyn.survey.Question;
import kz.agyn.survey.QuestionType;
import kz.agyn.survey.QuestionnaireVersion;
import kz.agyn.survey.ResponseImportService;
import kz.agyn.survey.ResponseMapping;
import kz.agyn.survey.Survey;
import kz.agyn.survey.SurveyCreationService;
import kz.agyn.survey.SurveyException;
import kz.agyn.survey.SurveyLink;
import kz.agyn.survey.SurveyLinks;
import kz.agyn.survey.SurveyService;
import kz.agyn.survey.WaveChanges;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The survey pages: the list, a survey's results (ranking table, chart, breakdown) and its import page. */
@Controller
class SurveyPageController {

    private final SurveyService surveys;
    private final ResponseImportService imports;
    private final FormService forms;
    private final MarginService margins;
    private final MessageSource messages;
    private final JsonMapper json;
    private final SurveyCreationService creation;
    private final Uploads uploads;
    private final FieldProblems fieldProblems;
    private final kz.agyn.survey.SurveyDesignService designs;

    SurveyPageController(SurveyService surveys, ResponseImportService imports, FormService forms,
                         MarginService margins, MessageSource messages, JsonMapper json,
                         SurveyCreationService creation, Uploads uploads, FieldProblems fieldProblems,
                         kz.agyn.survey.SurveyDesignService designs) {
        this.surveys = surveys;
        this.designs = designs;
        this.fieldProblems = fieldProblems;
        this.uploads = uploads;
        this.creation = creation;
        this.imports = imports;
        this.forms = forms;
        this.margins = margins;
        this.messages = messages;
        this.json = json;
    }

    /** The largest response file the import form takes, in MB, for the hint beside it. */
    @ModelAttribute("uploadLimitMb")
    double uploadLimitMb() {
        return UploadTooLargeException.megabytes(imports.maxSize());
    }

    @GetMapping("/surveys")
    String list(Authentication auth, Model model, Locale locale) {
        list(auth, model, locale, new NewSurvey(null, null, null, null, null, null, null, null, null), Map.of());
        return "surveys";
    }

    /**
     * The list and, for those who may create surveys, the new-survey form with its values and the problems
     * found in them next to their fields.
     */
    private void list(Authentication auth, Model model, Locale locale, NewSurvey values, Map<String, String> errors) {
        model.addAttribute("surveys", surveys.surveys());
        model.addAttribute("locale", locale);
        if (!mayChooseMargins(auth)) {
            return;
        }
        List<QuestionnaireVersion> versions = creation.questionnaires();
        String questionnaire = values.questionnaire() == null ? null : values.questionnaire()
                + (values.questionnaireVersion() == null ? "" : "|" + values.questionnaireVersion());
        if (questionnaire == null) {
            questionnaire = versions.stream().filter(v -> v.code().equals(SurveyCreationService.STANDARD))
                    .reduce((a, b) -> b).map(v -> v.code() + "|" + v.version()).orElse("");
        }
        Map<String, String> marginOptions = new LinkedHashMap<>();
        marginOptions.put("", creation.defaultMargins().map(d -> messages.getMessage("survey.create.marginsDefault",
                new Object[] {d.dataset(), d.period()}, locale)).orElseGet(() -> messages.getMessage(
                "survey.create.marginsDefaultNone", null, locale)));
        marginOptions.put(NONE, messages.getMessage("survey.margins.choice.none", null, locale));
        for (MarginSources.DatasetChoice c : margins.choices()) {
            for (String p : c.periods()) {
                marginOptions.put(c.dataset() + "|" + p, warehouse(c.dataset(), c.title(), p, c.publisher(),
                        c.synthetic(), locale));
            }
        }
        for (Survey w : creation.wavesWithOwnMargins()) {
            marginOptions.put(WAVE + w.code(), messages.getMessage("survey.create.marginsOfWave",
                    new Object[] {w.code(), w.title().in(locale)}, locale));
        }
        String margin = values.previousWave() != null ? WAVE + values.previousWave()
                : values.marginDataset() == null ? "" : values.marginDataset().isEmpty() ? NONE
                : values.marginDataset() + "|" + (values.marginPeriod() == null ? "" : values.marginPeriod());
        model.addAttribute("questionnaires", versions);
        model.addAttribute("newSurvey", values);
        model.addAttribute("newQuestionnaire", questionnaire);
        model.addAttribute("newMarginOptions", marginOptions);
        model.addAttribute("newMargins", margin);
        model.addAttribute("newErrors", errors);
    }

    /** The value the new-survey form sends for "no margins". */
    static final String NONE = "none";

    /** The prefix of the new-survey form's value for "the own margins of the previous wave CODE". */
    static final String WAVE = "wave:";

    /**
     * A new survey from the form on the list page: created, it redirects to the survey's page (Post/Redirect/Get);
     * refused, the list is shown again with 400, the values kept and each problem next to its field.
     *
     * @param questionnaire "code|version", or a code alone for its latest version
     * @param margins       "" for the default margins, {@value #NONE} for none, {@value #WAVE} and a survey's code for
     *                      the own margins of the wave this one follows, else "dataset|period"
     */
    @PostMapping("/surveys")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    String create(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String titleKk,
                  @RequestParam(defaultValue = "") String titleRu, @RequestParam(defaultValue = "") String titleEn,
                  @RequestParam(defaultValue = "") String wave, @RequestParam(defaultValue = "") String questionnaire,
                  @RequestParam(defaultValue = "") String margins, Authentication auth, Model model,
                  RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        int bar = questionnaire.indexOf('|');
        String qCode = bar < 0 ? questionnaire : questionnaire.substring(0, bar);
        Integer version = null;
        if (bar >= 0) {
            try {
                version = Integer.valueOf(questionnaire.substring(bar + 1).strip());
            } catch (NumberFormatException e) {
                version = -1; // not a version any questionnaire has: reported as unknown next to the field
            }
        }
        String previous = margins.startsWith(WAVE) ? margins.substring(WAVE.length()) : null;
        int mbar = margins.indexOf('|');
        String dataset = margins.isBlank() || previous != null ? null : NONE.equals(margins) ? ""
                : mbar < 0 ? margins : margins.substring(0, mbar);
        String period = mbar < 0 || previous != null ? null : margins.substring(mbar + 1);
        NewSurvey values = new NewSurvey(code, titleKk, titleRu, titleEn, wave, qCode.isBlank() ? null : qCode,
                version, dataset, period, previous);
        try {
            Survey created = creation.create(values, auth.getName());
            redirect.addFlashAttribute("created", messages.getMessage("survey.create.done",
                    new Object[] {created.code()}, locale));
            return "redirect:/surveys/" + created.id();
        } catch (InvalidFieldsException e) {
            list(auth, model, locale, values, fieldProblems.byField(e, locale));
            model.addAttribute("newSurveyError", messages.getMessage(e.code(), e.args(), e.code(), locale));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "surveys";
        }
    }

    @GetMapping("/surveys/{id}")
    String results(@PathVariable int id, @RequestParam(defaultValue = "reasons_main") String question,
                   @RequestParam(required = false) String by,
                   @RequestHeader(name = "HX-Request", required = false) String htmx, Authentication auth,
                   Model model, Locale locale) {
        results(id, question, by, auth, model, locale);
        return htmx != null ? "survey :: results" : "survey";
    }

    /**
     * A new margin source, chosen in the form under the weighting sentence: {@code own} for the survey's own
     * margins, else {@code dataset|period}. Saved, it redirects to the results, now weighted to it; refused, the
     * page is shown again with the reason next to the form, and the weighting as it was.
     */
    @PostMapping("/surveys/{id}/margins")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    String chooseMargins(@PathVariable int id, @RequestParam(defaultValue = "") String source,
                         @RequestParam(defaultValue = "reasons_main") String question,
                         @RequestParam(required = false) String by, Authentication auth, Model model,
                         RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        surveys.survey(id);
        int bar = source.indexOf('|');
        String dataset = OWN.equals(source) ? null : bar < 0 ? source : source.substring(0, bar);
        String period = bar < 0 ? null : source.substring(bar + 1);
        try {
            MarginSources chosen = margins.choose(id, dataset, period);
            redirect.addFlashAttribute("marginsChanged", messages.getMessage("survey.margins.choice.changed",
                    new Object[] {describe(chosen.current(), chosen, locale)}, locale));
        } catch (UserException e) {
            results(id, question, by, auth, model, locale);
            model.addAttribute("marginsError", messages.getMessage(e.code(), e.args(), e.code(), locale));
            // The refused choice stays selected, so that the message reads next to it.
            if (model.getAttribute("marginOptions") instanceof Map<?, ?> options && options.containsKey(source)) {
                model.addAttribute("marginSelected", source);
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "survey";
        }
        return "redirect:" + org.springframework.web.util.UriComponentsBuilder.fromPath("/surveys/{id}")
                .queryParam("question", question).queryParamIfPresent("by", java.util.Optional.ofNullable(by)
                        .filter(b -> !b.isBlank())).encode().buildAndExpand(id).toUriString();
    }

    private void results(int id, String question, String by, Authentication auth, Model model, Locale locale) {
        Survey survey = surveys.survey(id);
        List<Question> questions = surveys.questions(id).stream()
                .filter(q -> q.type() != kz.agyn.survey.QuestionType.TEXT).toList();
        String code = questions.stream().anyMatch(q -> q.code().equals(question)) ? question
                : questions.isEmpty() ? question : questions.get(0).code();
        String dimension = by == null || by.isBlank() ? null : ProfileField.parse(by).map(ProfileField::code)
                .orElse(null);
        model.addAttribute("survey", survey);
        model.addAttribute("realRespondents", survey.synthetic() ? surveys.realRespondents(id) : 0);
        model.addAttribute("questions", questions);
        model.addAttribute("question", code);
        model.addAttribute("by", dimension);
        model.addAttribute("dimensions", surveys.profileFields(survey));
        model.addAttribute("locale", locale);
        if (mayChooseMargins(auth)) {
            marginForm(margins.sources(id), model, locale);
            if (!model.containsAttribute("design")) {
                model.addAttribute("design", surveys.design(id));
            }
            if (!model.containsAttribute("replicateForm")) {
                model.addAttribute("replicateForm", ReplicateForm.of(
                        ((kz.agyn.survey.SurveyDesignDeclaration) model.getAttribute("design")).replicates()));
            }
            model.addAttribute("intervalMethods", kz.agyn.survey.estimation.IntervalMethod.values());
            model.addAttribute("replicateTypes", kz.agyn.survey.estimation.ReplicateType.values());
        }
        if (survey.respondents() == 0) {
            // A new survey: how to collect answers, rather than an estimate's refusal.
            model.addAttribute("noRespondents", true);
            return;
        }
        try {
            Estimates e = surveys.estimates(id, code, dimension, locale);
            model.addAttribute("estimates", e);
            model.addAttribute("option", json.writeValueAsString(chart(e, locale)));
            weighting(e.weighting(), model, locale);
        } catch (UserException ex) {
            model.addAttribute("error", messages.getMessage(ex.code(), ex.args(), ex.code(), locale));
            model.addAttribute("respondents", survey.respondents());
        }
    }

    /**
     * A new sample design and interval method, from the form under the results. Saved, it redirects to the results,
     * now estimated with it; refused (a declared variable the respondents lack), the page is shown again with the
     * reason next to the form, which keeps the refused choice.
     */
    @PostMapping("/surveys/{id}/design")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    String declareDesign(@PathVariable int id, @RequestParam(defaultValue = "false") boolean strata,
                         @RequestParam(defaultValue = "0") int stages, @RequestParam(defaultValue = "false") boolean fpc,
                         @RequestParam(defaultValue = "LOGIT") String intervals,
                         @RequestParam(defaultValue = "") String trimLower,
                         @RequestParam(defaultValue = "") String trimUpper,
                         @RequestParam(defaultValue = "") String replicateType,
                         @RequestParam(defaultValue = "") String replicateScale,
                         @RequestParam(defaultValue = "") String replicateRscales,
                         @RequestParam(defaultValue = "") String replicateRho,
                         @RequestParam(defaultValue = "false") boolean replicateMse,
                         @RequestParam(defaultValue = "reasons_main") String question,
                         @RequestParam(required = false) String by, Authentication auth, Model model,
                         RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        surveys.survey(id);
        kz.agyn.survey.SurveyDesignDeclaration declared;
        kz.agyn.survey.estimation.IntervalMethod method = java.util.Arrays.stream(
                        kz.agyn.survey.estimation.IntervalMethod.values())
                .filter(m -> m.name().equals(intervals)).findFirst()
                .orElse(kz.agyn.survey.estimation.IntervalMethod.LOGIT);
        try {
            ReplicateForm replicates = new ReplicateForm(replicateType, replicateScale, replicateRscales,
                    replicateRho, replicateMse);
            model.addAttribute("replicateForm", replicates);
            declared = new kz.agyn.survey.SurveyDesignDeclaration(strata, stages, fpc, method, bound(trimLower),
                    bound(trimUpper), replicates.declaration());
            designs.declare(id, declared);
        } catch (UserException e) {
            // The refused choice stays in the form, beside the reason (bounds that are not numbers are dropped).
            Double lower = null;
            Double upper = null;
            try {
                lower = bound(trimLower);
                upper = bound(trimUpper);
            } catch (UserException ignored) {
                // not numbers: shown empty
            }
            boolean pair = (lower == null) == (upper == null) && (lower == null || lower > 0 && lower <= 1
                    && upper >= 1 && Double.isFinite(upper));
            model.addAttribute("design", new kz.agyn.survey.SurveyDesignDeclaration(strata,
                    Math.max(0, Math.min(2, stages)), fpc, method, pair ? lower : null, pair ? upper : null));
            results(id, question, by, auth, model, locale);
            model.addAttribute("designError", messages.getMessage(e.code(), e.args(), e.code(), locale));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "survey";
        }
        redirect.addFlashAttribute("designChanged", messages.getMessage("survey.design.changed", null, locale));
        return "redirect:" + org.springframework.web.util.UriComponentsBuilder.fromPath("/surveys/{id}")
                .queryParam("question", question).queryParamIfPresent("by", java.util.Optional.ofNullable(by)
                        .filter(b -> !b.isBlank())).encode().buildAndExpand(id).toUriString();
    }

    /** The value the margin form sends for the survey's own margins, or for none when it has none. */
    static final String OWN = "own";

    private static boolean mayChooseMargins(Authentication auth) {
        java.util.Set<String> roles = Role.namesOf(auth);
        return roles.contains(Role.ADMIN.name()) || roles.contains(Role.ANALYST.name());
    }

    /**
     * The choices of the margin form, each worded with its dataset's title, period and publisher; the source in
     * use is selected, or, when it is none of them (no margins at all, or a dataset the warehouse no longer
     * has), named in an option that cannot be chosen.
     */
    private void marginForm(MarginSources sources, Model model, Locale locale) {
        Map<String, String> options = new LinkedHashMap<>();
        // The same choice either way: the survey's own margins, or, having none, its design weights unraked.
        options.put(OWN, sources.ownMargins() ? own(sources, locale)
                : messages.getMessage("survey.margins.choice.none", null, locale));
        for (MarginSources.DatasetChoice c : sources.choices()) {
            for (String p : c.periods()) {
                options.put(c.dataset() + "|" + p, warehouse(c.dataset(), c.title(), p, c.publisher(),
                        c.synthetic(), locale));
            }
        }
        MarginSources.Source current = sources.current();
        String selected = switch (current.kind()) {
            case OWN -> OWN;
            case WAREHOUSE -> current.dataset() + "|" + current.period();
            case NONE -> OWN;
        };
        model.addAttribute("marginOptions", options);
        model.addAttribute("marginSelected", selected);
        model.addAttribute("marginCurrent", options.containsKey(selected) ? null
                : describe(current, sources, locale));
    }

    private String describe(MarginSources.Source s, MarginSources sources, Locale locale) {
        return switch (s.kind()) {
            case OWN -> own(sources, locale);
            case WAREHOUSE -> warehouse(s.dataset(), s.title(), s.period(), s.publisher(),
                    Boolean.TRUE.equals(s.synthetic()), locale);
            case NONE -> messages.getMessage("survey.margins.choice.none", null, locale);
        };
    }

    private String own(MarginSources sources, Locale locale) {
        return sources.ownSource() == null ? messages.getMessage("survey.margins.choice.own", null, locale)
                : messages.getMessage("survey.margins.choice.ownFrom", new Object[] {sources.ownSource()}, locale);
    }

    private String warehouse(String dataset, kz.agyn.reference.Names title, String period, String publisher,
                             boolean synthetic, Locale locale) {
        String text = title == null
                ? messages.getMessage("survey.margins.choice.datasetGone", new Object[] {dataset, period}, locale)
                : messages.getMessage("survey.margins.choice.dataset", new Object[] {title.in(locale), period,
                publisher}, locale);
        return synthetic ? text + " — " + messages.getMessage("survey.margins.choice.synthetic", null, locale)
                : text;
    }

    /**
     * The cross-tabulation tab. Without a choice it opens on intention to leave by education; a bad choice (the
     * same question twice, a question that is not single-choice) is shown above the form, which keeps it.
     */
    @GetMapping("/surveys/{id}/crosstab")
    String crossTable(@PathVariable int id, @RequestParam(required = false) String row,
                      @RequestParam(required = false) String column, Model model, Locale locale) {
        Survey survey = surveys.survey(id);
        List<Question> categorical = surveys.questions(id).stream()
                .filter(q -> q.type().hasOptions() && q.type() != QuestionType.MULTIPLE).toList();
        String r = row != null ? row : preferred(categorical, "intend_leave", null);
        String c = column != null ? column : preferred(categorical, "education", r);
        model.addAttribute("survey", survey);
        model.addAttribute("questions", categorical);
        model.addAttribute("row", r);
        model.addAttribute("column", c);
        model.addAttribute("locale", locale);
        try {
            CrossTable table = surveys.crossTable(id, r, c, locale);
            model.addAttribute("table", table);
            model.addAttribute("option", json.writeValueAsString(heatmap(table, locale)));
            if (table.test() != null) {
                CrossTable.Test t = table.test();
                String key = t.significant() ? "survey.crosstab.significant" : "survey.crosstab.notSignificant";
                model.addAttribute("testSentence", messages.getMessage(key, new Object[] {
                        decimal(t.chiSquare(), 2, locale), decimal(t.statistic(), 2, locale),
                        decimal(t.numeratorDf(), 2, locale), decimal(t.denominatorDf(), 1, locale),
                        pValue(t.pValue(), locale)}, locale));
                model.addAttribute("testDetail", messages.getMessage("survey.crosstab.correction", new Object[] {
                        decimal(t.meanDesignEffect(), 2, locale), decimal(t.firstOrderChiSquare(), 2, locale),
                        decimal(t.degreesOfFreedom(), 0, locale), pValue(t.firstOrderPValue(), locale)}, locale));
            }
            weighting(table.weighting(), model, locale);
        } catch (UserException ex) {
            model.addAttribute("error", messages.getMessage(ex.code(), ex.args(), ex.code(), locale));
        }
        return "survey-crosstab";
    }

    /**
     * The wave comparison tab: this survey against another wave of the same questionnaire, by default the first
     * such wave listed.
     */
    @GetMapping("/surveys/{id}/compare")
    String compare(@PathVariable int id, @RequestParam(name = "with", required = false) Integer with,
                   @RequestParam(required = false) String question, Model model, Locale locale) {
        Survey survey = surveys.survey(id);
        List<Survey> others = surveys.otherWaves(id);
        List<Question> questions = surveys.questions(id).stream().filter(q -> q.type().hasOptions()).toList();
        Integer other = with != null ? with : others.isEmpty() ? null : others.get(0).id();
        // By default the main reasons; a questionnaire other than the standard one may lack them: its first then.
        String code = question != null ? question : preferred(questions, "reasons_main", null);
        model.addAttribute("survey", survey);
        model.addAttribute("others", others);
        model.addAttribute("with", other);
        model.addAttribute("questions", questions);
        model.addAttribute("question", code);
        model.addAttribute("locale", locale);
        if (other == null) {
            return "survey-compare";
        }
        try {
            WaveChanges changes = surveys.compare(id, other, code, locale);
            model.addAttribute("changes", changes);
            model.addAttribute("option", json.writeValueAsString(differences(changes, locale)));
        } catch (UserException ex) {
            model.addAttribute("error", messages.getMessage(ex.code(), ex.args(), ex.code(), locale));
        }
        return "survey-compare";
    }

    /** The preferred question when the survey has it, else the first other than {@code not}; "" when none. */
    private static String preferred(List<Question> questions, String code, String not) {
        return questions.stream().map(Question::code).filter(q -> q.equals(code) && !q.equals(not)).findFirst()
                .orElseGet(() -> questions.stream().map(Question::code).filter(q -> !q.equals(not)).findFirst()
                        .orElse(""));
    }

    /** The sentence on how the weights were made, naming the warehouse dataset when the margins came from it. */
    private void weighting(Estimates.Weighting w, Model model, Locale locale) {
        if (!w.raked()) {
            return;
        }
        String names = String.join(", ", w.variables().stream()
                .map(v -> messages.getMessage("survey.dimension." + v, null, v, locale)).toList());
        Estimates.WarehouseMargins source = w.warehouse();
        if (source == null) {
            model.addAttribute("weighting", messages.getMessage("survey.results.weighting", new Object[] {
                    names, w.iterations(), w.kishDesignEffect(), w.marginSource()}, locale));
            return;
        }
        String indicator = source.indicatorName() == null ? source.indicator() : source.indicatorName().in(locale);
        model.addAttribute("weighting", messages.getMessage("survey.results.weightingWarehouse", new Object[] {
                names, w.iterations(), w.kishDesignEffect(), indicator, source.period(), source.title().in(locale),
                source.publisher(), source.version()}, locale));
        model.addAttribute("weightingSynthetic", source.synthetic());
    }

    /** Row percentages as a heatmap; suppressed cells are left out, so they show blank. */
    private ChartOption heatmap(CrossTable t, Locale locale) {
        List<Object> data = new ArrayList<>();
        double low = 100;
        double high = 0;
        for (int a = 0; a < t.rows().size(); a++) {
            for (int b = 0; b < t.columns().size(); b++) {
                CrossTable.Cell c = t.cell(t.rows().get(a).code(), t.columns().get(b).code());
                if (c != null && !c.suppressed()) {
                    double v = round(c.rowShare());
                    data.add(List.of(b, a, v));
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        String name = messages.getMessage("survey.crosstab.rowPercent", null, locale);
        // The colour scale spans the shown percentages, so that differences of a few points are visible.
        double min = data.isEmpty() ? 0 : Math.floor(low);
        double max = data.isEmpty() ? 100 : Math.max(Math.ceil(high), min + 1);
        return new ChartOption().tooltip(Tooltip.at("top")).grid(Grid.margins(170, 20, 10, 90))
                .xAxis(Axis.category(t.columns().stream().map(CrossTable.Category::text).toList()).splitAreas()
                        .labels(AxisLabel.everyWrappedAt(110).turned(t.columns().size() > 4 ? 30 : 0)))
                .yAxis(Axis.category(t.rows().stream().map(CrossTable.Category::text).toList()).inverse()
                        .splitAreas().labels(AxisLabel.truncatedAt(160)))
                .visualMap(VisualMap.horizontal(min, max))
                .series(Series.heatmap(name, data).valueLabels());
    }

    /** The changes in percentage points with their 95% intervals as error bars. */
    private ChartOption differences(WaveChanges w, Locale locale) {
        List<String> names = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        List<Object> bars = new ArrayList<>();
        for (int i = 0; i < w.options().size(); i++) {
            WaveChanges.Change c = w.options().get(i);
            names.add(c.text());
            values.add(Point.colored(round(c.difference()), c.significant() ? "#c0392b" : "#95a5a6"));
            bars.add(List.of(i, round(c.ciLow()), round(c.ciHigh())));
        }
        return barsWithIntervals(names, values, bars, "top", messages.getMessage("survey.compare.chartAxis", null,
                locale), messages.getMessage("survey.compare.difference", null, locale),
                // The series is named by the method, so that the downloaded chart says which interval it draws.
                w.intervalStatement());
    }

    /**
     * An ECharts option: one bar per option with its 95% interval drawn as an error bar by agyn.js
     * ({@code agynErrorBars}); {@code bars} holds {@code [index, low, high]} for each.
     */
    private static ChartOption barsWithIntervals(List<String> names, List<Object> values, List<Object> bars,
                                                 String labelPosition, String axis, String series,
                                                 String interval) {
        return new ChartOption().tooltip(Tooltip.axis()).grid(Grid.margins(50, 20, 30, 90))
                .xAxis(Axis.category(names).labels(AxisLabel.everyWrappedAt(110).turned(names.size() > 5 ? 30 : 0)))
                .yAxis(Axis.value().named(axis))
                .series(Series.bar(series, values).valueLabels(labelPosition), Series.errorBars(interval, bars));
    }

    private static String decimal(double x, int digits, Locale locale) {
        // Rounded from the statistic's binary value, as these sentences always have been.
        return new Numbers(locale).binary(x, Decimals.exactly(digits));
    }

    /** Three decimals, and "< 0.001" below that, where more digits would claim a precision the test lacks. */
    private static String pValue(double p, Locale locale) {
        return p < 0.001 ? "< " + decimal(0.001, 3, locale) : decimal(p, 3, locale);
    }

    /** Bars of the shares with their 95% intervals drawn as error bars (see agyn.js). */
    private ChartOption chart(Estimates e, Locale locale) {
        List<String> names = new ArrayList<>();
        List<Object> shares = new ArrayList<>();
        List<Object> bars = new ArrayList<>();
        for (int i = 0; i < e.options().size(); i++) {
            Estimates.OptionEstimate o = e.options().get(i);
            names.add(o.text());
            shares.add(round(o.share()));
            bars.add(List.of(i, round(o.ciLow()), round(o.ciHigh())));
        }
        return barsWithIntervals(names, shares, bars, "insideBottom", messages.getMessage(
                "survey.results.chartShare", null, locale), messages.getMessage("survey.results.share", null, locale),
                e.intervals().statement());
    }

    private static double round(double share) {
        return Math.round(share * 1000) / 10.0;
    }

    /**
     * Issues links, from the survey's page (one, for the default time) or the links page (as many, for as many
     * days, as chosen there), and goes back to the page it came from, showing the new addresses once: they are
     * not stored in a readable form.
     */
    @PostMapping("/surveys/{id}/links")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    String issueLink(@PathVariable int id, @RequestParam(defaultValue = "1") String count,
                     @RequestParam(required = false) String days, @RequestParam(defaultValue = "") String back,
                     Authentication auth, RedirectAttributes redirect, Locale locale) {
        String target = "links".equals(back) ? "redirect:/surveys/" + id + "/links" : "redirect:/surveys/" + id;
        try {
            List<IssuedLink> issued = forms.issue(id, whole(count, "survey.links.badCount", FormService.MAX_BATCH),
                    days == null || days.isBlank() ? null : whole(days, "survey.links.badDays", FormService.MAX_DAYS),
                    auth.getName());
            List<String> urls = issued.stream().map(l -> url(l.token())).toList();
            String until = when(issued.get(0).expiresAt());
            redirect.addFlashAttribute("link", urls.get(0));
            redirect.addFlashAttribute("linkUntil", until);
            redirect.addFlashAttribute("issuedLinks", urls);
            redirect.addFlashAttribute("issuedText", String.join("\n", urls));
        } catch (UserException e) {
            redirect.addFlashAttribute("linksError", messages.getMessage(e.code(), e.args(), e.code(), locale));
        }
        return target;
    }

    /** The links page: issue more, see what became of those sent, revoke one or all the open ones. */
    @GetMapping("/surveys/{id}/links")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    String links(@PathVariable int id, Model model, Locale locale) {
        model.addAttribute("survey", surveys.survey(id));
        SurveyLinks links = forms.links(id);
        model.addAttribute("links", links);
        model.addAttribute("maxBatch", FormService.MAX_BATCH);
        model.addAttribute("rows", links.latest().stream().map(l -> new LinkRow(l.id(), l.hint() == null ? "#" + l.id()
                : l.hint() + "…", when(l.createdAt()), l.createdBy(), when(l.expiresAt()), l.state().name(),
                messages.getMessage("survey.links.state." + l.state().name(), null, locale),
                l.state() == SurveyLink.State.OPEN)).toList());
        model.addAttribute("locale", locale);
        return "survey-links";
    }

    /** A link as the links page lists it, its times in the server's time zone. */
    record LinkRow(long id, String hint, String issued, String by, String expires, String state, String stateText,
                   boolean revocable) {
    }

    @PostMapping("/surveys/{id}/links/{linkId}/revoke")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    String revokeLink(@PathVariable int id, @PathVariable long linkId, Authentication auth,
                      RedirectAttributes redirect, Locale locale) {
        try {
            SurveyLink l = forms.revoke(id, linkId, auth.getName());
            redirect.addFlashAttribute("linksDone", messages.getMessage("survey.links.revoked",
                    new Object[] {l.hint() == null ? "#" + l.id() : l.hint() + "…"}, locale));
        } catch (UserException e) {
            redirect.addFlashAttribute("linksError", messages.getMessage(e.code(), e.args(), e.code(), locale));
        }
        return "redirect:/surveys/" + id + "/links";
    }

    /** Revokes every open link of the survey; the form asks for a tick first, so that one click does not. */
    @PostMapping("/surveys/{id}/links/revoke-open")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    String revokeOpenLinks(@PathVariable int id, @RequestParam(defaultValue = "false") boolean confirm,
                           Authentication auth, RedirectAttributes redirect, Locale locale) {
        surveys.survey(id);
        if (confirm) {
            int n = forms.revokeOpen(id, auth.getName());
            redirect.addFlashAttribute("linksDone", messages.getMessage("survey.links.revokedOpen", new Object[] {n},
                    locale));
        }
        return "redirect:/surveys/" + id + "/links";
    }

    private static String url(String token) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/s/{token}").buildAndExpand(token)
                .toUriString();
    }

    private static final java.time.format.DateTimeFormatter WHEN =
            java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    /** A moment as the pages show it: day and minute in the server's time zone. */
    static String when(java.time.OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(java.time.ZoneId.systemDefault()).format(WHEN);
    }

    /** A trimming bound from the design form: empty for none, a decimal point or comma accepted. */
    /**
     * The replicate weights part of the design form as typed, so that a refused one is shown again as it was.
     *
     * @param type    a {@code ReplicateType} name, or empty for none
     * @param rscales numbers separated by spaces or semicolons (a comma is a decimal comma)
     */
    record ReplicateForm(String type, String scale, String rscales, String rho, boolean mse) {

        static ReplicateForm of(kz.agyn.survey.ReplicateDeclaration d) {
            if (d == null) {
                return new ReplicateForm("", "", "", "", false);
            }
            return new ReplicateForm(d.type().name(), d.scale() == null ? "" : String.valueOf(d.scale()),
                    d.rscales() == null ? "" : String.join(" ", d.rscales().stream().map(String::valueOf).toList()),
                    d.rho() == null ? "" : String.valueOf(d.rho()), d.mse());
        }

        /** The declaration, or null for none; a field that is not a number is refused naming it. */
        kz.agyn.survey.ReplicateDeclaration declaration() {
            if (type == null || type.isBlank()) {
                return null;
            }
            kz.agyn.survey.estimation.ReplicateType t = java.util.Arrays.stream(
                            kz.agyn.survey.estimation.ReplicateType.values()).filter(x -> x.name().equals(type))
                    .findFirst().orElseThrow(() -> SurveyException.invalid("survey.replicates.badType", type));
            List<Double> factors = null;
            if (!rscales.isBlank()) {
                factors = new java.util.ArrayList<>();
                for (String part : rscales.strip().split("[\\s;]+")) {
                    factors.add(number(part, "rscales"));
                }
            }
            return new kz.agyn.survey.ReplicateDeclaration(t, number(scale, "scale"), factors, mse,
                    number(rho, "rho"));
        }

        private static Double number(String text, String field) {
            return decimal(text, "survey.replicates.badNumber", text, field);
        }
    }

    private static Double bound(String text) {
        return decimal(text, "survey.design.badNumber", text);
    }

    /** A number of the design form ("0,5" or "0.5"); null when empty; otherwise refused with {@code code}. */
    private static Double decimal(String text, String code, Object... args) {
        String t = text.strip().replace(',', '.');
        if (t.isEmpty()) {
            return null;
        }
        try {
            return Double.valueOf(t);
        } catch (NumberFormatException e) {
            throw SurveyException.invalid(code, args);
        }
    }

    /** A whole number from a form field; anything else is refused with {@code code}, as an out-of-range one is. */
    private static int whole(String text, String code, int max) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw SurveyException.invalid(code, max);
        }
    }

    @GetMapping("/surveys/{id}/import")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    String importPage(@PathVariable int id, Model model, Locale locale) {
        model.addAttribute("survey", surveys.survey(id));
        model.addAttribute("locale", locale);
        return "survey-import";
    }

    @PostMapping("/surveys/{id}/import")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    String upload(@PathVariable int id, @RequestParam("file") MultipartFile file,
                  @RequestParam(required = false) String mapping, Authentication auth, Model model,
                  HttpServletResponse response, Locale locale) {
        model.addAttribute("survey", surveys.survey(id));
        model.addAttribute("locale", locale);
        try {
            ResponseMapping m = mapping == null || mapping.isBlank() ? ResponseMapping.empty()
                    : json.readValue(mapping, ResponseMapping.class);
            try (Upload received = uploads.receive(file, imports.maxSize())) {
                model.addAttribute("report", imports.upload(id, received, m, auth.getName(), locale));
            }
        } catch (JacksonException e) {
            model.addAttribute("error", messages.getMessage("survey.import.badMapping", null, locale));
        } catch (UploadTooLargeException e) {
            response.setStatus(UploadTooLargeException.STATUS);
            model.addAttribute("error", messages.getMessage(e.code(), e.args(), e.code(), locale));
        } catch (UserException e) {
            model.addAttribute("error", messages.getMessage(e.code(), e.args(), e.code(), locale));
        }
        return "survey-import";
    }

    @PostMapping("/surveys/{id}/import/{importId}/accept")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    String accept(@PathVariable int id, @PathVariable UUID importId, Authentication auth, Model model,
                  Locale locale) {
        model.addAttribute("survey", surveys.survey(id));
        model.addAttribute("locale", locale);
        try {
            model.addAttribute("report", imports.accept(id, importId, auth.getName(), locale));
        } catch (UserException e) {
            model.addAttribute("error", messages.getMessage(e.code(), e.args(), e.code(), locale));
            model.addAttribute("report", imports.report(id, importId, locale));
        }
        return "survey-import";
    }
}
