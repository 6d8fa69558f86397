package kz.agyn.scenario.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import kz.agyn.platform.csv.CsvCells;
import kz.agyn.scenario.Assumption;
import kz.agyn.scenario.ResultBand;
import kz.agyn.scenario.RunAssumptions;
import kz.agyn.scenario.ScenarioException;
import kz.agyn.scenario.ScenarioService;
import kz.agyn.kernel.UserException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A finished run's results as CSV (every band of every dimension, one per line, codes as stored, for scripts) and
 * XLSX (the same with names in the reader's language, and a sheet of the assumptions).
 */
@Controller
class ScenarioExportController {

    static final List<String> DIMENSIONS = List.of("TOTAL", "REGION", "ISCO", "ISCED", "SEX", "AGE_GROUP", "SECTOR",
            "LEVER");
    static final List<String> COLUMNS = List.of("scenario", "scenario_name", "year", "measure", "dimension", "code",
            "mean", "p2_5", "p10", "p50", "p90", "p97_5");

    private final ScenarioService scenarios;
    private final MessageSource messages;

    ScenarioExportController(ScenarioService scenarios, MessageSource messages) {
        this.scenarios = scenarios;
        this.messages = messages;
    }

    private record Export(List<String> names, int startYear, List<ResultBand> bands, RunAssumptions assumptions) {
    }

    private Export export(UUID id, Locale locale) {
        ScenarioService.RunState s = scenarios.run(id);
        if (!s.finished()) {
            throw new ScenarioException(UserException.Kind.CONFLICT, "scenario.run.notFinished");
        }
        ScenarioTexts t = new ScenarioTexts(messages, locale);
        List<String> names = new ArrayList<>();
        names.add(t.msg("scenario.baseline"));
        s.scenarios().forEach(x -> names.add(t.name(x)));
        return new Export(names, s.run().startYear(), scenarios.results(id, DIMENSIONS),
                scenarios.assumptions(s.run()));
    }

    @GetMapping("/scenarios/runs/{id}/export/csv")
    void csv(@PathVariable UUID id, Locale locale, HttpServletResponse response) throws IOException {
        Export e = export(id, locale);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"scenario-run-" + id + ".csv\"");
        StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (ResultBand b : e.bands()) {
            List<String> cells = cells(b, e);
            for (int i = 0; i < cells.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(CsvCells.cell(cells.get(i)));
            }
            sb.append('\n');
        }
        try (OutputStream out = response.getOutputStream()) {
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    @GetMapping("/scenarios/runs/{id}/export/xlsx")
    void xlsx(@PathVariable UUID id, Locale locale, HttpServletResponse response) throws IOException {
        Export e = export(id, locale);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"scenario-run-" + id + ".xlsx\"");
        SXSSFWorkbook wb = new SXSSFWorkbook(500);
        try (OutputStream out = response.getOutputStream()) {
            Sheet sheet = wb.createSheet(msg("scenario.export.results", locale));
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(msg("scenario.export.column." + COLUMNS.get(i), locale));
            }
            int r = 1;
            for (ResultBand b : e.bands()) {
                Row row = sheet.createRow(r++);
                List<String> cells = cells(b, e);
                row.createCell(0).setCellValue(b.position());
                row.createCell(1).setCellValue(cells.get(1));
                row.createCell(2).setCellValue(e.startYear() + b.yearOffset());
                row.createCell(3).setCellValue(msg("scenario.measure." + b.measure(), locale));
                row.createCell(4).setCellValue(msg("scenario.dimension." + b.dimension(), locale));
                row.createCell(5).setCellValue(cells.get(5));
                double[] v = {b.mean(), b.p2_5(), b.p10(), b.p50(), b.p90(), b.p97_5()};
                for (int k = 0; k < v.length; k++) {
                    if (Double.isFinite(v[k])) {
                        row.createCell(6 + k).setCellValue(v[k]);
                    }
                }
            }
            if (e.assumptions() != null) {
                Sheet a = wb.createSheet(msg("scenario.assumptions", locale));
                Row h = a.createRow(0);
                h.createCell(0).setCellValue(msg("scenario.assumptions.input", locale));
                h.createCell(1).setCellValue(msg("scenario.assumptions.value", locale));
                h.createCell(2).setCellValue(msg("scenario.assumptions.source", locale));
                int k = 1;
                for (Assumption x : e.assumptions().inputs()) {
                    Row row = a.createRow(k++);
                    row.createCell(0).setCellValue(msg("scenario.input." + x.field(), locale));
                    if (x.value() != null) {
                        row.createCell(1).setCellValue(x.value());
                    }
                    row.createCell(2).setCellValue(msg("scenario.source." + x.kind(), locale)
                            + (x.dataset() == null ? "" : " " + x.dataset())
                            + (x.synthetic() ? " (" + msg("explore.syntheticBadge", locale) + ")" : ""));
                }
            }
            wb.write(out);
        } finally {
            wb.dispose();
            wb.close();
        }
    }

    private static List<String> cells(ResultBand b, Export e) {
        String code = e.assumptions() == null ? String.valueOf(b.codeIndex())
                : e.assumptions().code(b.dimension(), b.codeIndex());
        return List.of(String.valueOf(b.position()), b.position() < e.names().size() ? e.names().get(b.position()) : "",
                String.valueOf(e.startYear() + b.yearOffset()), b.measure(), b.dimension(), code, num(b.mean()),
                num(b.p2_5()), num(b.p10()), num(b.p50()), num(b.p90()), num(b.p97_5()));
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
