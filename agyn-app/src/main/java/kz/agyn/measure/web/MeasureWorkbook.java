package kz.agyn.measure.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
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
            List<List<Object>> rows = new ArrayList<>();
            for (KpiReport r : reports) {
                Measure m = r.measure();
                KpiPoint latest = r.latest();
                rows.add(Arrays.asList(m.id(), m.names().in(locale), m.owner().in(locale),
                        source(r, messages, locale),
                        msg(messages, locale, "measure.unit." + m.unit()), m.baseline().value(), m.baseline().year(),
                        latest == null ? null : latest.value(), latest == null ? null : latest.year(),
                        m.target().value(), m.target().year(), m.deadline().toString(),
                        msg(messages, locale, "measure.status." + m.status()),
                        msg(messages, locale, "measure.light." + r.light()),
                        m.fromNote() ? msg(messages, locale, "measure.yes") : null));
            }
            table(wb.createSheet(msg(messages, locale, "measures.sheet.board")), bold,
                    labels(messages, locale, "measure.field.id", "measure.field.name", "measure.field.owner",
                            "measure.field.kpiSource", "measure.field.kpiUnit", "measure.field.baselineValue",
                            "measure.field.baselineYear", "measure.latest", "measure.latestYear",
                            "measure.field.targetValue", "measure.field.targetYear", "measure.field.deadline",
                            "measure.field.status", "measure.light", "measure.fromNote"), rows);
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
            n = Sheets.pair(about, n, msg(messages, locale, "measure.field.kpiSource"), source(r, messages, locale),
                    bold);
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

            List<List<Object>> values = new ArrayList<>();
            for (KpiPoint p : r.actual()) {
                values.add(Arrays.asList(p.year(), p.period(), p.value(), p.detail()));
            }
            table(wb.createSheet(msg(messages, locale, "measures.sheet.values")), bold,
                    labels(messages, locale, "measure.year", "measure.period", "measure.value", "measure.detail"),
                    values);
            List<List<Object>> projected = new ArrayList<>();
            if (r.projection() != null) {
                for (Projection.Point q : r.projection().points()) {
                    projected.add(Arrays.asList(q.year(), q.value(), q.lower(), q.upper()));
                }
            }
            table(wb.createSheet(msg(messages, locale, "measures.sheet.projection")), bold,
                    labels(messages, locale, "measure.year", "measure.value", "measure.lower", "measure.upper"),
                    projected);
            table(wb.createSheet(msg(messages, locale, "measures.sheet.comments")), bold,
                    labels(messages, locale, "measure.when", "measure.who", "measure.comment", "measure.link",
                            "measure.file"),
                    comments.stream().map(c -> Arrays.<Object>asList(fmt.time(c.createdAt()), c.author(), c.body(),
                            c.link(), c.fileName())).toList());
            table(wb.createSheet(msg(messages, locale, "measures.sheet.changes")), bold,
                    labels(messages, locale, "measure.when", "measure.who", "measure.changedField",
                            "measure.before", "measure.after"),
                    changes.stream().map(c -> Arrays.<Object>asList(fmt.time(c.changedAt()), c.changedBy(),
                            c.field(), c.oldValue(), c.newValue())).toList());
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sheet of a header and rows: numbers as numbers, text as text, nothing for null. */
    private static void table(Sheet sheet, CellStyle bold, String[] header, List<List<Object>> rows) {
        Sheets.header(sheet, bold, header);
        int n = 1;
        for (List<Object> values : rows) {
            Row row = sheet.createRow(n++);
            for (int c = 0; c < values.size(); c++) {
                Object v = values.get(c);
                if (v instanceof Number number) {
                    row.createCell(c).setCellValue(number.doubleValue());
                } else if (v != null) {
                    row.createCell(c).setCellValue(v.toString());
                }
            }
        }
    }

    private static String[] labels(MessageSource messages, Locale locale, String... keys) {
        return Arrays.stream(keys).map(k -> msg(messages, locale, k)).toArray(String[]::new);
    }

    /** Where the KPI's values come from, and that they are demonstration data when they are. */
    private static String source(KpiReport r, MessageSource messages, Locale locale) {
        return msg(messages, locale, "measure.source." + r.measure().kpi().source())
                + (r.synthetic() ? " · " + msg(messages, locale, "measure.synthetic") : "");
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
