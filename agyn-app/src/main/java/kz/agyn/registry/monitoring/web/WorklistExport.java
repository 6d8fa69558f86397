package kz.agyn.registry.monitoring.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import kz.agyn.platform.csv.CsvCells;
import kz.agyn.registry.monitoring.MonitoringService;
import kz.agyn.registry.monitoring.WorklistLine;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;

/**
 * The worklist as CSV (stable English column names, for scripts) or XLSX (column names and task kinds in the
 * reader's language). The name, IIN and note columns exist only for a reader with personal access, so an
 * analyst's file has no such columns at all rather than empty ones: an officer's note is free text about a
 * person.
 */
final class WorklistExport {

    private static final List<String> COLUMNS = List.of("task", "kind", "due_on", "status", "done_at", "done_by",
            "note", "pseudonym", "name", "iin", "call_year", "degree", "host_country", "state", "days_left",
            "owed_if_declared", "return_deadline", "job_region", "job_country", "synthetic");
    private static final Set<String> PERSONAL_COLUMNS = Set.of("name", "iin", "note");

    private final MessageSource messages;
    private final Locale locale;
    private final boolean personal;

    WorklistExport(MessageSource messages, Locale locale, boolean personal) {
        this.messages = messages;
        this.locale = locale;
        this.personal = personal;
    }

    private List<String> columns() {
        return COLUMNS.stream().filter(c -> personal || !PERSONAL_COLUMNS.contains(c)).toList();
    }

    private List<String> cells(WorklistLine l, boolean localized) {
        List<String> out = new ArrayList<>();
        for (String c : columns()) {
            out.add(switch (c) {
                case "task" -> Long.toString(l.taskId());
                case "kind" -> localized ? msg("monitoring.kind." + l.kind().name()) : l.kind().name();
                case "due_on" -> text(l.dueOn());
                case "status" -> localized ? msg("monitoring.status." + (l.open() ? "open" : "done"))
                        : l.open() ? "open" : "done";
                case "done_at" -> text(l.doneAt());
                case "done_by" -> text(l.doneBy());
                case "note" -> l.autoClosed() ? msg(MonitoringService.AUTO_CLOSED) : text(l.note());
                case "pseudonym" -> l.pseudonym();
                case "name" -> text(l.name());
                case "iin" -> text(l.iin());
                case "call_year" -> Integer.toString(l.callYear());
                case "degree" -> localized ? msg("monitoring.degree." + l.degree()) : l.degree();
                case "host_country" -> l.hostCountry();
                case "state" -> localized && l.state() != null ? msg("obligation.state." + l.state()) : text(l.state());
                case "days_left" -> text(l.daysLeft());
                case "owed_if_declared" -> l.owedIfDeclaredKzt() == null ? "" : l.owedIfDeclaredKzt().toPlainString();
                case "return_deadline" -> text(l.returnDeadline());
                case "job_region" -> text(l.jobRegion());
                case "job_country" -> text(l.jobCountry());
                case "synthetic" -> Boolean.toString(l.synthetic());
                default -> "";
            });
        }
        return out;
    }

    void csv(List<WorklistLine> lines, OutputStream out) throws IOException {
        StringBuilder sb = new StringBuilder(String.join(",", columns())).append('\n');
        for (WorklistLine l : lines) {
            List<String> cells = cells(l, false);
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(CsvCells.cell(cells.get(i)));
            }
            sb.append('\n');
        }
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    void xlsx(List<WorklistLine> lines, OutputStream out) throws IOException {
        // Streaming: only a window of rows is kept in memory, however long the worklist.
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try {
            Sheet sheet = wb.createSheet(msg("monitoring.worklist.title"));
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            List<String> columns = columns();
            for (int i = 0; i < columns.size(); i++) {
                header.createCell(i).setCellValue(msg("monitoring.column." + columns.get(i)));
                header.getCell(i).setCellStyle(bold);
            }
            int r = 1;
            for (WorklistLine l : lines) {
                Row row = sheet.createRow(r++);
                List<String> cells = cells(l, true);
                for (int i = 0; i < cells.size(); i++) {
                    row.createCell(i).setCellValue(cells.get(i));
                }
            }
            wb.write(out);
        } finally {
            wb.dispose();
            wb.close();
        }
    }

    private String msg(String key) {
        return messages.getMessage(key, null, key, locale);
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }
}
