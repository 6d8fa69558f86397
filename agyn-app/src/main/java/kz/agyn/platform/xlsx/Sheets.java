package kz.agyn.platform.xlsx;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/** Helpers for writing export sheets; see the package comment. */
public final class Sheets {

    private Sheets() {
    }

    /** A bold cell style of {@code wb}, for headers and labels. */
    public static CellStyle bold(Workbook wb) {
        CellStyle bold = wb.createCellStyle();
        Font font = wb.createFont();
        font.setBold(true);
        bold.setFont(font);
        return bold;
    }

    /** The first row of {@code sheet}: the column names, bold. */
    public static void header(Sheet sheet, CellStyle bold, String... names) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < names.length; i++) {
            row.createCell(i).setCellValue(names[i]);
            row.getCell(i).setCellStyle(bold);
        }
    }

    /** A bold label and its value in row {@code at}; returns the next row. */
    public static int pair(Sheet sheet, int at, String label, String value, CellStyle bold) {
        Row row = sheet.createRow(at);
        row.createCell(0).setCellValue(label);
        row.getCell(0).setCellStyle(bold);
        row.createCell(1).setCellValue(value == null ? "" : value);
        return at + 1;
    }

    /** A number, or {@code blank} where there is none, so a missing figure is visibly missing rather than zero. */
    public static void number(Row row, int col, Double value, String blank) {
        if (value == null) {
            row.createCell(col).setCellValue(blank);
        } else {
            row.createCell(col).setCellValue(value);
        }
    }
}
