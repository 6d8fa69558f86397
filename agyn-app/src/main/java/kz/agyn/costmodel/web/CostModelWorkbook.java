package kz.agyn.costmodel.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import kz.agyn.costmodel.Components;
import kz.agyn.platform.xlsx.Sheets;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;

/**
 * A run of the cost model as a workbook, written from the same reports as the page so that it says exactly what
 * the page does: a summary with the claim check and the method, every parameter with its source, the costs by
 * education level and by occupation with their bands, and the tornado. Amounts are plain numbers in tenge (not
 * scaled to billions as on the page), so that a reader can compute with them; headings are in the reader's
 * language.
 */
final class CostModelWorkbook {

    private static final String DASH = "—";

    private final MessageSource messages;
    private final Locale locale;
    private final CostModelReport.Model model;
    private final CostModelReport.Result result;

    CostModelWorkbook(MessageSource messages, Locale locale, CostModelReport.Model model,
                      CostModelReport.Result result) {
        this.messages = messages;
        this.locale = locale;
        this.model = model;
        this.result = result;
    }

    byte[] bytes() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = Sheets.bold(wb);
            summary(wb.createSheet(msg("costmodel.xlsx.sheet.summary")), bold);
            parameters(wb.createSheet(msg("costmodel.parameters")), bold);
            levels(wb.createSheet(msg("costmodel.xlsx.sheet.levels")), bold);
            occupations(wb.createSheet(msg("costmodel.xlsx.sheet.occupations")), bold);
            tornado(wb.createSheet(msg("costmodel.xlsx.sheet.tornado")), bold);
            wb.write(out);
            return out.toByteArray();
        }
    }

    private void summary(Sheet sheet, CellStyle bold) {
        CostModelFormat f = new CostModelFormat(locale, messages);
        int n = 0;
        n = Sheets.pair(sheet, n, msg("costmodel.title"), msg("costmodel.lead"), bold);
        n = Sheets.pair(sheet, n, msg("costmodel.scenario"), scenarioName(), bold);
        n = Sheets.pair(sheet, n, msg("costmodel.total") + ", KZT", plain(result.total()), bold);
        n = Sheets.pair(sheet, n, msg("costmodel.band") + ", KZT", plain(result.low()) + " – " + plain(result.high()),
                bold);
        n = Sheets.pair(sheet, n, msg("costmodel.band"), f.band(result.low(), result.high()), bold);
        n = Sheets.pair(sheet, n, msg("costmodel.atCentralValues") + ", KZT", plain(result.atCentralValues()), bold);
        for (CostModelReport.ViewResult v : result.views()) {
            n = Sheets.pair(sheet, n, v.name() + ", KZT", plain(v.mean()) + " (" + f.band(v.low(), v.high()) + "; "
                    + msg(v.inCountryCost() ? "costmodel.view.inTotal" : "costmodel.view.notInTotal") + ")", bold);
            n = Sheets.pair(sheet, n, v.name(), v.explanation(), bold);
        }
        n = Sheets.pair(sheet, n, result.reading().name() + ", KZT", plain(result.reading().atCentralValues()), bold);
        n = Sheets.pair(sheet, n, result.reading().name(), result.reading().explanation(), bold);
        n = Sheets.pair(sheet, n, msg("costmodel.draws"), String.valueOf(result.draws()), bold);
        n = Sheets.pair(sheet, n, msg("costmodel.seed"), String.valueOf(result.seed()), bold);
        List<String> changed = new ArrayList<>();
        result.overridden().forEach(c -> changed.add(msg("costmodel.parameter." + c) + " (" + c + ")"));
        result.perEmigrantByOccupation().occupations().stream().filter(CostModelReport.OccupationResult::payOverridden)
                .forEach(o -> changed.add(msg("costmodel.col.pay") + ": " + o.name()));
        n = Sheets.pair(sheet, n, msg("costmodel.overridden"), changed.isEmpty() ? DASH : String.join("; ", changed),
                bold);
        n = Sheets.pair(sheet, n, msg("costmodel.claim.title"), result.claim().summary(), bold);
        n = Sheets.pair(sheet, n, msg("figure.source"), result.claim().source().citation(), bold);
        n = Sheets.pair(sheet, n, msg("costmodel.occupations.title"), result.perEmigrantByOccupation().summary(),
                bold);
        n = Sheets.pair(sheet, n, msg("costmodel.method.label"), result.method(), bold);
        // The formula in the reader's language; the API's formula field stays the English reference text.
        n = Sheets.pair(sheet, n, msg("costmodel.formula"), msg("costmodel.formula.text"), bold);
        Sheets.pair(sheet, n, msg("costmodel.xlsx.inputs"), model.warehouseInputs(), bold);
        sheet.setColumnWidth(0, 36 * 256);
        sheet.setColumnWidth(1, 120 * 256);
    }

    private void parameters(Sheet sheet, CellStyle bold) {
        Sheets.header(sheet, bold, msg("costmodel.col.code"), msg("costmodel.col.parameter"),
                msg("costmodel.col.value"), msg("costmodel.col.default"), msg("costmodel.col.unit"),
                msg("costmodel.col.low"), msg("costmodel.col.high"), msg("costmodel.col.distribution"),
                msg("costmodel.overridden"), msg("costmodel.assumption"), msg("figure.source"),
                msg("costmodel.col.min"), msg("costmodel.col.max"));
        int i = 1;
        for (CostModelReport.ParameterInfo p : model.parameters()) {
            Row row = sheet.createRow(i++);
            row.createCell(0).setCellValue(p.code());
            row.createCell(1).setCellValue(p.name());
            row.createCell(2).setCellValue(p.value());
            row.createCell(3).setCellValue(p.defaultValue());
            row.createCell(4).setCellValue(p.unitName());
            row.createCell(5).setCellValue(p.low());
            row.createCell(6).setCellValue(p.high());
            row.createCell(7).setCellValue(msg("costmodel.distribution." + p.distribution()));
            row.createCell(8).setCellValue(yes(p.overridden()));
            row.createCell(9).setCellValue(yes(p.assumption()));
            row.createCell(10).setCellValue(p.source() + (p.url() == null ? "" : " " + p.url()));
            row.createCell(11).setCellValue(p.allowedLow());
            row.createCell(12).setCellValue(p.allowedHigh());
        }
        sheet.setColumnWidth(1, 50 * 256);
        sheet.setColumnWidth(10, 100 * 256);
    }

    private void levels(Sheet sheet, CellStyle bold) {
        List<String> heads = new ArrayList<>(List.of(msg("costmodel.col.level"), "ISCED",
                msg("costmodel.col.emigrants"), msg("costmodel.col.cost"), "P5", "P95"));
        heads.addAll(parts());
        heads.addAll(List.of(msg("costmodel.col.total"), "P5", "P95"));
        Sheets.header(sheet, bold, heads.toArray(String[]::new));
        int i = 1;
        for (CostModelReport.LevelResult l : result.perEmigrant()) {
            Row row = sheet.createRow(i++);
            row.createCell(0).setCellValue(l.name());
            row.createCell(1).setCellValue(l.isced());
            row.createCell(2).setCellValue(l.emigrants());
            row.createCell(3).setCellValue(l.cost());
            row.createCell(4).setCellValue(l.costLow());
            row.createCell(5).setCellValue(l.costHigh());
            int c = parts(row, 6, l.components());
            row.createCell(c).setCellValue(l.total());
            row.createCell(c + 1).setCellValue(l.totalLow());
            row.createCell(c + 2).setCellValue(l.totalHigh());
        }
        Row all = sheet.createRow(i);
        all.createCell(0).setCellValue(msg("costmodel.col.all"));
        all.createCell(2).setCellValue(result.claim().modelEmigrants());
        // The parts are at the central values, so the row's total is too; the headline mean is on the summary.
        int c = parts(all, 6, result.components());
        all.createCell(c).setCellValue(result.atCentralValues());
        all.createCell(c + 1).setCellValue(result.low());
        all.createCell(c + 2).setCellValue(result.high());
        sheet.setColumnWidth(0, 24 * 256);
    }

    private void occupations(Sheet sheet, CellStyle bold) {
        CostModelReport.Occupations occ = result.perEmigrantByOccupation();
        List<String> heads = new ArrayList<>(List.of(msg("costmodel.col.occupation"), msg("costmodel.col.emigrants"),
                msg("costmodel.col.pay")));
        result.perEmigrant().forEach(l -> heads.add(l.name()));
        heads.addAll(List.of(msg("costmodel.col.mixCost"), "P5", "P95", msg("costmodel.col.occupationTotal"), "P5",
                "P95", msg("figure.source") + ": " + msg("costmodel.col.pay")));
        Sheets.header(sheet, bold, heads.toArray(String[]::new));
        int i = 1;
        for (CostModelReport.OccupationResult o : occ.occupations()) {
            Row row = sheet.createRow(i++);
            row.createCell(0).setCellValue(o.name());
            Sheets.number(row, 1, o.emigrants(), DASH);
            Sheets.number(row, 2, o.pay(), DASH);
            int c = 3;
            for (CostModelReport.OccupationLevel l : o.byLevel()) {
                row.createCell(c++).setCellValue(l.cost());
            }
            Sheets.number(row, c, o.cost(), DASH);
            Sheets.number(row, c + 1, o.costLow(), DASH);
            Sheets.number(row, c + 2, o.costHigh(), DASH);
            Sheets.number(row, c + 3, o.total(), DASH);
            Sheets.number(row, c + 4, o.totalLow(), DASH);
            Sheets.number(row, c + 5, o.totalHigh(), DASH);
            row.createCell(c + 6).setCellValue(o.paySource());
        }
        if (occ.total() != null) {
            Row all = sheet.createRow(i++);
            all.createCell(0).setCellValue(msg("costmodel.col.allOccupations"));
            Sheets.number(all, 1, occ.emigrants(), DASH);
            int c = 3 + result.perEmigrant().size() + 3;
            Sheets.number(all, c, occ.total(), DASH);
            Sheets.number(all, c + 1, occ.low(), DASH);
            Sheets.number(all, c + 2, occ.high(), DASH);
        }
        i = Sheets.pair(sheet, i + 1, msg("figure.source"), occ.shares(), bold);
        Sheets.pair(sheet, i, msg("costmodel.occupations.title"), occ.summary(), bold);
        sheet.setColumnWidth(0, 40 * 256);
    }

    private void tornado(Sheet sheet, CellStyle bold) {
        Sheets.header(sheet, bold, msg("costmodel.col.code"), msg("costmodel.col.parameter"),
                msg("costmodel.col.low"), msg("costmodel.col.value"), msg("costmodel.col.high"),
                msg("costmodel.tornado.low"), msg("costmodel.tornado.high"), msg("costmodel.col.swing"));
        int i = 1;
        for (CostModelReport.Bar b : result.tornado()) {
            Row row = sheet.createRow(i++);
            row.createCell(0).setCellValue(b.code());
            row.createCell(1).setCellValue(b.name());
            row.createCell(2).setCellValue(b.low());
            row.createCell(3).setCellValue(b.value());
            row.createCell(4).setCellValue(b.high());
            row.createCell(5).setCellValue(b.totalAtLow());
            row.createCell(6).setCellValue(b.totalAtHigh());
            row.createCell(7).setCellValue(b.swing());
        }
        Sheets.pair(sheet, i + 1, msg("figure.source"), msg("costmodel.tornado.source"), bold);
        sheet.setColumnWidth(1, 50 * 256);
    }

    /** The six parts of a cost, in the page's order. */
    private List<String> parts() {
        return List.of(msg("costmodel.col.education"), msg("costmodel.col.taxes"), msg("costmodel.col.output"),
                msg("costmodel.col.replacement"), msg("costmodel.col.remittances"), msg("costmodel.col.return"));
    }

    /** Writes the six parts from column {@code at}; returns the next column. */
    private static int parts(Row row, int at, Components c) {
        double[] v = {c.educationInvested(), c.lostTaxes(), c.lostOutput(), c.replacement(), -c.remittances(),
            c.returnOffset()};
        for (int k = 0; k < v.length; k++) {
            row.createCell(at + k).setCellValue(v[k]);
        }
        return at + v.length;
    }

    private String scenarioName() {
        return model.scenarios().stream().filter(s -> s.code().equals(result.scenario())).findFirst()
                .map(CostModelReport.ScenarioInfo::name).orElse(result.scenario());
    }

    private String yes(boolean b) {
        return msg(b ? "costmodel.xlsx.yes" : "costmodel.xlsx.no");
    }

    private static String plain(double v) {
        return CostModelRunner.plain(Math.rint(v));
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
