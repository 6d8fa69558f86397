package kz.agyn.measure.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import kz.agyn.measure.KpiPoint;
import kz.agyn.measure.KpiReport;
import kz.agyn.measure.Measure;
import kz.agyn.measure.MeasureChange;
import kz.agyn.measure.MeasureComment;
import kz.agyn.measure.Projection;
import kz.agyn.platform.xlsx.Sheets;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;

/** The board, or one measure with its values, projection, comments and changes, as an XLSX workbook. */
final class MeasureWorkbook {

    private MeasureWorkbook() {
    }

    static byte[] board(List<KpiReport> reports, MessageSource messages, Locale locale) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = Sheets.bold(wb);
            Sheet sheet = wb.createSheet(msg(messages, locale, "measures.sheet.board"));
            Sheets.header(sheet, bold, msg(messages, locale, "measure.field.id"),
                    msg(messages, locale, "measure.field.name"), msg(messages, locale, "measure.field.owner"),
                    msg(messages, locale, "measure.field.kpiSource"), msg(messages, locale, "measure.field.kpiUnit"),
                    msg(messages, locale, "measure.field.baselineValue"),
                    msg(messages, locale, "measure.field.baselineYear"), msg(messages, locale, "measure.latest"),
                    msg(messages, locale, "measure.latestYear"), msg(messages, locale, "measure.field.targetValue"),
                    msg(messages, locale, "measure.field.targetYear"), msg(messages, locale, "measure.field.deadline"),
                    msg(messages, locale, "measure.field.status"), msg(messages, locale, "measure.light"),
                    msg(messages, locale, "measure.fromNote"));
            int n = 1;
            for (KpiReport r : reports) {
                Measure m = r.measure();
                Row row = sheet.createRow(n++);
                KpiPoint latest = r.latest();
                row.createCell(0).setCellValue(m.id());
                row.createCell(1).setCellValue(m.names().in(locale));
                row.createCell(2).setCellValue(m.owner().in(locale));
                row.createCell(3).setCellValue(msg(messages, locale, "measure.source." + m.kpi().source()));
                row.createCell(4).setCellValue(msg(messages, locale, "measure.unit." + m.unit()));
                row.createCell(5).setCellValue(m.baseline().value().doubleValue());
                row.createCell(6).setCellValue(m.baseline().year());
                Sheets.number(row, 7, latest == null ? null : latest.value(), "");
                if (latest != null) {
                    row.createCell(8).setCellValue(latest.year());
                }
                row.createCell(9).setCellValue(m.target().value().doubleValue());
                row.createCell(10).setCellValue(m.target().year());
                row.createCell(11).setCellValue(m.deadline().toString());
                row.createCell(12).setCellValue(msg(messages, locale, "measure.status." + m.status()));
                row.createCell(13).setCellValue(msg(messages, locale, "measure.light." + r.light()));
                row.createCell(14).setCellValue(m.fromNote() ? msg(messages, locale, "measure.yes") : "");
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] measure(KpiReport r, List<MeasureComment> comments, List<MeasureChange> changes,
                          MessageSource messages, Locale locale) {
        Measure m = r.measure();
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = Sheets.bold(wb);
            MeasureFormat fmt = new MeasureFormat(locale);
            Sheet about = wb.createSheet(msg(messages, locale, "measures.sheet.measure"));
            int n = 0;
            n = Sheets.pair(about, n, msg(messages, locale, "measure.field.name"), m.names().in(locale), bold);
            n = Sheets.pair(about, n, msg(messages, locale, "measure.field.owner"), m.owner().in(locale), bold);
            n = Sheets.pair(about, n, msg(messages, locale, "measure.field.legalBasis"),
                    m.legalBasis() == null ? "" : m.legalBasis(), bold);
            n = Sheets.pair(about, n, msg(messages, locale, "measure.field.budgetKzt"), fmt.money(m.budgetKzt()),
                    bold);
            n = Sheets.pair(about, n, msg(messages, locale, "measure.field.kpiSource"),
                    msg(messages, locale, "measure.source." + m.kpi().source()), bold);
            n = Sheets.pair(about, n, msg(messages, locale, "measure.formula"), formula(m, messages, locale), bold);
            n = Sheets.pair(about, n, msg(messages, locale, "measure.baseline"),
                    fmt.value(m.baseline().value(), m.unit()) + " (" + m.baseline().year() + ")", bold);
            n = Sheets.pair(about, n, msg(messages, locale, "measure.target"),
                    fmt.value(m.target().value(), m.unit()) + " (" + m.target().year() + ")", bold);
            n = Sheets.pair(about, n, msg(messages, locale, "measure.field.deadline"), m.deadline().toString(), bold);
            n = Sheets.pair(about, n, msg(messages, locale, "measure.field.status"),
                    msg(messages, locale, "measure.status." + m.status()), bold);
            n = Sheets.pair(about, n, msg(messages, locale, "measure.light"),
                    msg(messages, locale, "measure.light." + r.light()), bold);
            Sheets.pair(about, n, msg(messages, locale, "measure.rule"), msg(messages, locale, "measure.rule.text"),
                    bold);

            Sheet values = wb.createSheet(msg(messages, locale, "measures.sheet.values"));
            Sheets.header(values, bold, msg(messages, locale, "measure.year"), msg(messages, locale, "measure.period"),
                    msg(messages, locale, "measure.value"), msg(messages, locale, "measure.detail"));
            int v = 1;
            for (KpiPoint p : r.actual()) {
                Row row = values.createRow(v++);
                row.createCell(0).setCellValue(p.year());
                row.createCell(1).setCellValue(p.period());
                row.createCell(2).setCellValue(p.value());
                row.createCell(3).setCellValue(p.detail() == null ? "" : p.detail());
            }
            Sheet projection = wb.createSheet(msg(messages, locale, "measures.sheet.projection"));
            Sheets.header(projection, bold, msg(messages, locale, "measure.year"),
                    msg(messages, locale, "measure.value"), msg(messages, locale, "measure.lower"),
                    msg(messages, locale, "measure.upper"));
            if (r.projection() != null) {
                int p = 1;
                for (Projection.Point q : r.projection().points()) {
                    Row row = projection.createRow(p++);
                    row.createCell(0).setCellValue(q.year());
                    row.createCell(1).setCellValue(q.value());
                    Sheets.number(row, 2, q.lower(), "");
                    Sheets.number(row, 3, q.upper(), "");
                }
            }
            Sheet notes = wb.createSheet(msg(messages, locale, "measures.sheet.comments"));
            Sheets.header(notes, bold, msg(messages, locale, "measure.when"), msg(messages, locale, "measure.who"),
                    msg(messages, locale, "measure.comment"), msg(messages, locale, "measure.link"),
                    msg(messages, locale, "measure.file"));
            int c = 1;
            for (MeasureComment mc : comments) {
                Row row = notes.createRow(c++);
                row.createCell(0).setCellValue(mc.createdAt().toString());
                row.createCell(1).setCellValue(mc.author());
                row.createCell(2).setCellValue(mc.body());
                row.createCell(3).setCellValue(mc.link() == null ? "" : mc.link());
                row.createCell(4).setCellValue(mc.fileName() == null ? "" : mc.fileName());
            }
            Sheet history = wb.createSheet(msg(messages, locale, "measures.sheet.changes"));
            Sheets.header(history, bold, msg(messages, locale, "measure.when"), msg(messages, locale, "measure.who"),
                    msg(messages, locale, "measure.changedField"), msg(messages, locale, "measure.before"),
                    msg(messages, locale, "measure.after"));
            int h = 1;
            for (MeasureChange ch : changes) {
                Row row = history.createRow(h++);
                row.createCell(0).setCellValue(ch.changedAt().toString());
                row.createCell(1).setCellValue(ch.changedBy());
                row.createCell(2).setCellValue(ch.field());
                row.createCell(3).setCellValue(ch.oldValue() == null ? "" : ch.oldValue());
                row.createCell(4).setCellValue(ch.newValue() == null ? "" : ch.newValue());
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The KPI's formula in words: the indicator and filter, the registry formula, or "reported". */
    static String formula(Measure m, MessageSource messages, Locale locale) {
        return switch (m.kpi().source()) {
            case WAREHOUSE -> m.kpi().indicator() + (m.kpi().filters().isEmpty() ? "" : " [" + m.kpi().filtersText()
                    + "]") + (m.kpi().dataset() == null ? "" : " — " + m.kpi().dataset());
            case REGISTRY -> msg(messages, locale, "measure.formula." + m.kpi().registry());
            case MANUAL -> msg(messages, locale, "measure.formula.MANUAL");
        };
    }

    private static String msg(MessageSource messages, Locale locale, String key) {
        return messages.getMessage(key, null, locale);
    }
}
