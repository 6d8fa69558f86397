package kz.agyn.registry.cohorts.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import kz.agyn.platform.xlsx.Sheets;
import kz.agyn.platform.csv.CsvCells;
import kz.agyn.registry.cohorts.CohortReport;
import kz.agyn.registry.cohorts.Share;
import kz.agyn.registry.cohorts.Suppression;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;

/**
 * The cohort report as files, written from the same {@link CohortView} as the page so that they disclose exactly
 * what the page does.
 *
 * <p>CSV is long ("tidy") with stable English names, one figure per line, for scripts: the note's figures and the
 * registry's are separate lines told apart by {@code source}, never one merged cell. Shares are fractions, with
 * the Wilson 95% bounds; a blanked cell has an empty value and its suppression reason. XLSX has one sheet per
 * part of the page, headed in the reader's language.
 */
final class CohortExport {

    static final List<String> CSV_COLUMNS = List.of("section", "breakdown", "group", "measure", "source", "value",
            "lower", "upper", "within_sampling_error", "suppression");

    /** {@code source} of the note's figures in the CSV. */
    static final String NOTE = "note";
    /** {@code source} of the registry's figures in the CSV. */
    static final String REGISTRY = "registry";
    /** {@code source} of the registry's figures when some records are synthetic. */
    static final String REGISTRY_SYNTHETIC = "registry_synthetic";

    private final MessageSource messages;
    private final Locale locale;
    private final CohortFormat fmt;

    CohortExport(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        this.fmt = new CohortFormat(locale);
    }

    void csv(CohortView v, OutputStream out) throws IOException {
        CohortReport r = v.report();
        String registry = v.synthetic() ? REGISTRY_SYNTHETIC : REGISTRY;
        String breakdown = r.breakdown().name();
        List<List<String>> lines = new ArrayList<>();
        lines.add(CSV_COLUMNS);
        lines.add(meta("programme", r.programme() == null ? "" : r.programme()));
        lines.add(meta("as_of", r.asOf().toString()));
        lines.add(meta("as_of_basis", r.asOfBasis().name()));
        lines.add(meta("lost_during_study", r.lostDuringStudy() == null ? "" : r.lostDuringStudy().toString()));
        lines.add(meta("sector_basis", r.basis().name()));
        lines.add(meta("breakdown", breakdown));
        lines.add(meta("min_cell", Integer.toString(v.minCell())));
        lines.add(meta("small_cells_blanked", Boolean.toString(v.blanked())));
        lines.add(meta("awards", Long.toString(r.awards())));
        lines.add(meta("synthetic_awards", Long.toString(r.synthetic())));
        lines.add(meta("note_source", v.noteSource() == null ? "" : v.noteSource()));
        for (CohortView.Table3Line t : v.table3()) {
            lines.add(List.of("table3", "", "", t.code(), NOTE, num(t.note()), "", "", "", ""));
            lines.add(List.of("table3", "", "", t.code(), registry, num(t.registry()), num(t.lower()),
                    num(t.upper()), t.within() == null ? "" : t.within().toString(),
                    t.hidden() ? Suppression.PRIMARY.name() : Suppression.NONE.name()));
        }
        List<CohortView.Line> all = new ArrayList<>(v.lines());
        all.add(v.total());
        for (CohortView.Line l : all) {
            String group = l == v.total() ? "TOTAL" : l.key() == null ? "NOT_RECORDED" : l.key();
            String suppression = l.suppression().name();
            lines.add(List.of("breakdown", breakdown, group, "graduates", registry, num(l.graduates()), "", "", "",
                    suppression));
            for (int i = 0; i < v.columns().size(); i++) {
                Share s = l.shares().get(i);
                lines.add(List.of("breakdown", breakdown, group, v.columns().get(i).code(), registry, num(s.value()),
                        num(s.lower()), num(s.upper()), "", suppression));
            }
        }
        for (CohortView.Survival s : v.survival()) {
            String group = s.overall() ? "TOTAL" : s.key() == null ? "NOT_RECORDED" : s.key();
            String suppression = s.suppression().name();
            lines.add(List.of("time_to_return", breakdown, group, "subjects", registry, num(s.subjects()), "", "", "",
                    suppression));
            lines.add(List.of("time_to_return", breakdown, group, "returns", registry, num(s.returns()), "", "", "",
                    suppression));
            lines.add(List.of("time_to_return", breakdown, group, "median_months", registry, num(s.median()),
                    num(s.medianLower()), num(s.medianUpper()), "", suppression));
            for (int i = 0; i < v.milestones().size(); i++) {
                lines.add(List.of("time_to_return", breakdown, group,
                        "not_back_at_" + v.milestones().get(i) + "_months", registry, num(s.notBack().get(i)), "", "",
                        "", suppression));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> line : lines) {
            for (int i = 0; i < line.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(CsvCells.cell(line.get(i)));
            }
            sb.append('\n');
        }
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> meta(String measure, String value) {
        return List.of("meta", "", "", measure, "", value, "", "", "", "");
    }

    void xlsx(CohortView v, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle bold = Sheets.bold(wb);
            CohortReport r = v.report();

            Sheet about = wb.createSheet(msg("registry.cohorts.xlsx.about"));
            int n = 0;
            n = pair(about, n, msg("registry.cohorts.title"), v.registrySource(), bold);
            n = pair(about, n, msg("registry.cohorts.filter.programme"),
                    r.programme() == null ? msg("registry.cohorts.filter.allProgrammes") : r.programme(), bold);
            n = pair(about, n, msg("registry.cohorts.filter.asOf"), r.asOf().toString(), bold);
            n = pair(about, n, msg("registry.cohorts.filter.basis"), msg("registry.sectorBasis." + r.basis().name()),
                    bold);
            n = pair(about, n, msg("registry.cohorts.filter.breakdown"), v.groupHeading(), bold);
            n = pair(about, n, msg("registry.cohorts.awards"), fmt.count(r.awards()), bold);
            if (v.synthetic()) {
                n = pair(about, n, msg("registry.cohorts.badge.synthetic"),
                        msg("cohort.synthetic", fmt.count(r.synthetic())), bold);
            }
            n = pair(about, n, msg("registry.cohorts.table3.noteColumn"), v.noteSource(), bold);
            pair(about, n, msg("registry.cohorts.suppression.title"), msg("registry.cohorts.suppression.footnote",
                    v.minCell()), bold);
            about.setColumnWidth(0, 40 * 256);
            about.setColumnWidth(1, 90 * 256);

            Sheet t3 = wb.createSheet(msg("registry.cohorts.xlsx.table3"));
            header(t3, bold, msg("cohort.table3.figure"), msg("registry.cohorts.table3.noteColumn") + ": "
                    + v.noteSource(), v.registrySource(), msg("registry.cohorts.lower"),
                    msg("registry.cohorts.upper"), msg("registry.cohorts.table3.check"));
            int i = 1;
            for (CohortView.Table3Line t : v.table3()) {
                Row row = t3.createRow(i++);
                row.createCell(0).setCellValue(t.label());
                number(row, 1, t.note());
                number(row, 2, t.registry());
                number(row, 3, t.lower());
                number(row, 4, t.upper());
                row.createCell(5).setCellValue(t.within() == null ? ""
                        : msg(t.within() ? "cohort.table3.within" : "cohort.table3.outside"));
            }

            Sheet table = wb.createSheet(msg("registry.cohorts.xlsx.breakdown"));
            List<String> heads = new ArrayList<>(List.of(v.groupHeading(), msg("cohort.column.graduates")));
            v.columns().forEach(c -> heads.add(c.label()));
            heads.add(msg("registry.cohorts.suppression.column"));
            header(table, bold, heads.toArray(String[]::new));
            i = 1;
            List<CohortView.Line> all = new ArrayList<>(v.lines());
            all.add(v.total());
            for (CohortView.Line l : all) {
                Row row = table.createRow(i++);
                row.createCell(0).setCellValue(l.label());
                number(row, 1, l.graduates() == null ? null : l.graduates().doubleValue());
                for (int c = 0; c < l.shares().size(); c++) {
                    number(row, 2 + c, l.shares().get(c).value());
                }
                row.createCell(2 + l.shares().size()).setCellValue(l.reason() == null ? "" : l.reason());
            }

            Sheet km = wb.createSheet(msg("registry.cohorts.xlsx.survival"));
            List<String> kmHeads = new ArrayList<>(List.of(v.groupHeading(), msg("cohort.km.atRisk"),
                    msg("cohort.km.events"), msg("registry.cohorts.km.medianMonths"), msg("registry.cohorts.lower"),
                    msg("registry.cohorts.upper")));
            v.milestones().forEach(m -> kmHeads.add(msg("registry.cohorts.km.notBackAt", m)));
            header(km, bold, kmHeads.toArray(String[]::new));
            i = 1;
            for (CohortView.Survival s : v.survival()) {
                Row row = km.createRow(i++);
                row.createCell(0).setCellValue(s.label());
                number(row, 1, s.subjects() == null ? null : s.subjects().doubleValue());
                number(row, 2, s.returns() == null ? null : s.returns().doubleValue());
                number(row, 3, s.median());
                number(row, 4, s.medianLower());
                number(row, 5, s.medianUpper());
                for (int m = 0; m < s.notBack().size(); m++) {
                    number(row, 6 + m, s.notBack().get(m));
                }
            }
            wb.write(out);
        }
    }

    private static int pair(Sheet sheet, int at, String key, String value, CellStyle bold) {
        return Sheets.pair(sheet, at, key, value, bold);
    }

    private static void header(Sheet sheet, CellStyle bold, String... names) {
        Sheets.header(sheet, bold, names);
    }

    /** A number, or a dash where the page shows one, so a blanked cell is visibly blank rather than zero. */
    private static void number(Row row, int col, Double value) {
        Sheets.number(row, col, value, CohortFormat.DASH);
    }

    private static String num(Number n) {
        if (n == null) {
            return "";
        }
        if (n instanceof Long || n instanceof Integer) {
            return n.toString();
        }
        double d = n.doubleValue();
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
