package kz.agyn.forecast.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import kz.agyn.account.Role;
import kz.agyn.forecast.ForecastResult;
import kz.agyn.forecast.ForecastService;
import kz.agyn.forecast.ModelWords;
import kz.agyn.forecast.SeriesChoice;
import kz.agyn.forecast.engine.Method;
import kz.agyn.forecast.engine.Prediction;
import kz.agyn.forecast.engine.Transform;
import kz.agyn.jobs.Jobs;
import kz.agyn.kernel.UserException;
import kz.agyn.warehouse.DatasetInfo;
import kz.agyn.warehouse.Dimension;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The forecast page: pick a series, a horizon and a method; see the fan chart, the model in words, the forecasts
 * and the backtest; export them. A plain GET form, so the address is the forecast (decision 0028). A mistake in the
 * form is said on the page, above the form, never as an error page.
 */
@Controller
class ForecastController {

    private final ForecastService forecasts;
    private final ForecastPage page;
    private final ModelWords words;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Jobs jobs;

    ForecastController(ForecastService forecasts, ForecastPage page, ModelWords words, MessageSource messages,
                       JsonMapper json, Jobs jobs) {
        this.forecasts = forecasts;
        this.page = page;
        this.words = words;
        this.messages = messages;
        this.json = json;
        this.jobs = jobs;
    }

    @GetMapping("/forecast")
    String forecast(ForecastParams params, Authentication auth, Model model, Locale locale) {
        SeriesChoice choice = params.choice();
        String indicator = choice.indicator() != null ? choice.indicator() : "EMIGRANTS";
        model.addAttribute("indicators", page.indicators(indicator, locale));
        model.addAttribute("datasets", page.datasets(indicator, choice.dataset(), locale));
        model.addAttribute("params", params);
        model.addAttribute("methods", Method.values());
        model.addAttribute("transforms", Transform.values());
        model.addAttribute("mayBatch", Role.namesOf(auth).contains("ADMIN") || Role.namesOf(auth).contains("ANALYST"));
        model.addAttribute("batchDimensions", SeriesChoice.DIMENSIONS);
        if (choice.indicator() == null) {
            model.addAttribute("filters", page.filters(indicator, choice, choice.dataset(), locale));
            return "forecast";
        }
        try {
            ForecastResult r = forecasts.forecast(choice, params.horizonValue(), params.methodValue(),
                    params.transformValue(), Role.namesOf(auth));
            String unit = messages.getMessage("unit." + r.series().indicator().unit(), null, "", locale);
            model.addAttribute("result", r);
            // The form shows the codes the forecast read, in the dataset it read: a reader who named none sees
            // what was chosen for them and may change it.
            model.addAttribute("filters", page.filters(indicator, r.series().choice(), r.series().dataset().code(),
                    locale));
            model.addAttribute("unit", unit);
            model.addAttribute("fanOption", json.writeValueAsString(page.fan(r, unit, locale)));
            model.addAttribute("words", words.sentences(r.outcome(), r.series().periods(), locale));
            model.addAttribute("rows", page.rows(r, locale));
            model.addAttribute("backtest", page.backtest(r, locale));
            model.addAttribute("selection", page.selection(r, locale));
            model.addAttribute("methodName", words.method(r.outcome().method(), locale));
            model.addAttribute("exportQuery", query(params.given()));
        } catch (UserException e) {
            model.addAttribute("error", messages.getMessage(e.code(), e.args(), e.code(), locale));
            // Refused: the form as asked, so the reader can mend the choice.
            model.addAttribute("filters", page.filters(indicator, choice, choice.dataset(), locale));
        }
        return "forecast";
    }

    @GetMapping("/forecast/export/{format}")
    void export(@PathVariable String format, ForecastParams params, Authentication auth, Locale locale,
                HttpServletResponse response) throws IOException {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ForecastResult r = forecasts.forecast(params.choice(), params.horizonValue(), params.methodValue(),
                params.transformValue(), Role.namesOf(auth));
        String base = "agyn-forecast-" + r.series().indicator().code().toLowerCase(Locale.ROOT);
        if (format.equals("csv")) {
            response.setContentType("text/csv;charset=UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"" + base + ".csv\"");
            response.getOutputStream().write(csv(r, locale).getBytes(StandardCharsets.UTF_8));
        } else {
            response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            response.setHeader("Content-Disposition", "attachment; filename=\"" + base + ".xlsx\"");
            xlsx(r, locale, response.getOutputStream());
        }
    }

    /** Starts a FORECAST job over every code of one or two dimensions, the others held as chosen. */
    @PostMapping("/forecast/batch")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    String batch(ForecastParams params, @RequestParam List<String> across, Authentication auth) {
        List<Dimension> dims = across.stream().filter(a -> !a.isBlank()).distinct().limit(2)
                .map(a -> Dimension.of(a)).toList();
        if (dims.isEmpty()) {
            throw new UserException(UserException.Kind.INVALID, "forecast.error.noAcross");
        }
        // (EnumMap's copy constructor refuses an empty map that is not an EnumMap: a form with no filter chosen)
        Map<Dimension, String> fixed = new java.util.EnumMap<>(Dimension.class);
        fixed.putAll(params.choice().filters());
        dims.forEach(fixed::remove);
        int horizon = params.horizonValue() == null ? 5 : params.horizonValue();
        UUID id = forecasts.submitBatch(new ForecastService.Batch(params.choice().indicator(), fixed, dims, horizon,
                params.methodValue()), auth.getName(), Role.namesOf(auth));
        return "redirect:/forecast/batch/" + id;
    }

    @GetMapping("/forecast/batch/{id}")
    String batchResult(@PathVariable UUID id, Model model, Locale locale) {
        var job = jobs.find(id).filter(j -> j.kind() == kz.agyn.jobs.JobKind.FORECAST)
                .orElseThrow(() -> new UserException(UserException.Kind.NOT_FOUND, "forecast.error.noBatch"));
        var stored = forecasts.stored(id);
        model.addAttribute("job", job);
        model.addAttribute("stored", stored);
        // Each series named in words in the reader's language, not as the stored codes.
        model.addAttribute("series", stored.stream().map(s -> page.filters(s.filters(), locale)).toList());
        model.addAttribute("indicators", stored.stream().map(s -> page.indicatorName(s.indicator(), locale)).toList());
        return "forecast-batch";
    }

    @PostMapping("/forecast/batch/{id}/cancel")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    String cancel(@PathVariable UUID id) {
        jobs.cancel(id);
        return "redirect:/forecast/batch/" + id;
    }

    /** The observed values and the forecasts, one line a period, then where the data come from and the model. */
    private String csv(ForecastResult r, Locale locale) {
        StringBuilder sb = new StringBuilder("period,kind,value,lo80,hi80,lo95,hi95\n");
        for (int i = 0; i < r.series().periods().size(); i++) {
            sb.append(r.series().periods().get(i)).append(",observed,").append(num(r.series().values()[i]))
                    .append(",,,,\n");
        }
        Prediction p = r.outcome().prediction();
        for (int i = 0; i < r.periods().size(); i++) {
            sb.append(r.periods().get(i)).append(",forecast,").append(num(p.mean()[i])).append(',')
                    .append(num(p.lo80()[i])).append(',').append(num(p.hi80()[i])).append(',')
                    .append(num(p.lo95()[i])).append(',').append(num(p.hi95()[i])).append('\n');
        }
        for (String line : notes(r, locale)) {
            sb.append("# ").append(line.replace('\n', ' ')).append('\n');
        }
        return sb.toString();
    }

    private void xlsx(ForecastResult r, Locale locale, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet sheet = wb.createSheet(msg(locale, "forecast.sheet.forecast"));
            int n = 0;
            Row title = sheet.createRow(n++);
            title.createCell(0).setCellValue(r.series().indicator().names().in(locale));
            title.getCell(0).setCellStyle(bold);
            Row header = sheet.createRow(n++);
            String[] heads = {msg(locale, "forecast.col.period"), msg(locale, "forecast.col.observed"),
                    msg(locale, "forecast.col.forecast"), msg(locale, "forecast.col.lo80"),
                    msg(locale, "forecast.col.hi80"), msg(locale, "forecast.col.lo95"),
                    msg(locale, "forecast.col.hi95")};
            for (int i = 0; i < heads.length; i++) {
                header.createCell(i).setCellValue(heads[i]);
                header.getCell(i).setCellStyle(bold);
            }
            for (int i = 0; i < r.series().periods().size(); i++) {
                Row row = sheet.createRow(n++);
                row.createCell(0).setCellValue(r.series().periods().get(i));
                row.createCell(1).setCellValue(r.series().values()[i]);
            }
            Prediction p = r.outcome().prediction();
            for (int i = 0; i < r.periods().size(); i++) {
                Row row = sheet.createRow(n++);
                row.createCell(0).setCellValue(r.periods().get(i));
                double[] v = {p.mean()[i], p.lo80()[i], p.hi80()[i], p.lo95()[i], p.hi95()[i]};
                for (int k = 0; k < v.length; k++) {
                    row.createCell(k + 2).setCellValue(v[k]);
                }
            }
            n++;
            for (String line : notes(r, locale)) {
                sheet.createRow(n++).createCell(0).setCellValue(line);
            }
            sheet.setColumnWidth(0, 14 * 256);
            Sheet bt = wb.createSheet(msg(locale, "forecast.sheet.backtest"));
            Row bh = bt.createRow(0);
            String[] bheads = {msg(locale, "forecast.backtest.method"), msg(locale, "forecast.backtest.n"), "MASE",
                    "sMAPE, %", msg(locale, "forecast.backtest.relMase"), msg(locale, "forecast.backtest.relSmape"),
                    msg(locale, "forecast.backtest.cov80"), msg(locale, "forecast.backtest.cov95")};
            for (int i = 0; i < bheads.length; i++) {
                bh.createCell(i).setCellValue(bheads[i]);
                bh.getCell(i).setCellStyle(bold);
            }
            int b = 1;
            for (var a : r.outcome().backtest()) {
                Row row = bt.createRow(b++);
                row.createCell(0).setCellValue(words.method(a.method(), locale)
                        + (a.method() == r.outcome().method() ? " ✓" : ""));
                row.createCell(1).setCellValue(a.forecasts());
                double[] v = {a.mase(), a.smape(), a.relativeMase(), a.relativeSmape(), a.coverage80(),
                        a.coverage95()};
                for (int k = 0; k < v.length; k++) {
                    if (!Double.isNaN(v[k])) {
                        row.createCell(k + 2).setCellValue(v[k]);
                    }
                }
            }
            bt.setColumnWidth(0, 36 * 256);
            wb.write(out);
        }
    }

    /** Where the data come from, the selection, the method and the model in words. */
    private List<String> notes(ForecastResult r, Locale locale) {
        DatasetInfo d = r.series().dataset();
        List<String> lines = new java.util.ArrayList<>();
        lines.add(msg(locale, "forecast.selection") + ": " + page.selection(r, locale));
        lines.add(msg(locale, "figure.source") + ": " + d.title().in(locale) + " — " + d.publisher() + ", "
                + msg(locale, "explore.version", r.series().version())
                + (d.citation() == null ? "" : ". " + d.citation()));
        lines.add(msg(locale, "explore.licence") + ": " + (d.licence() == null ? msg(locale, "explore.licenceUnknown")
                : d.licence()));
        if (d.synthetic()) {
            lines.add(msg(locale, "explore.synthetic"));
        }
        lines.add(msg(locale, "forecast.method") + ": " + words.method(r.outcome().method(), locale));
        lines.addAll(words.sentences(r.outcome(), r.series().periods(), locale));
        return lines;
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.valueOf(Math.round(v * 1000) / 1000.0) : "";
    }

    static String query(Map<String, String> given) {
        return given.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

}
