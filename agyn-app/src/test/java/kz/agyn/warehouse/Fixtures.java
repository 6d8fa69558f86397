package kz.agyn.warehouse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Files as users have them, made in code so that every byte of them is visible in the test. */
final class Fixtures {

    private Fixtures() {
    }

    /** A test dataset, made once; a test that imports into it needs no page or API to create it first. */
    static void dataset(org.springframework.jdbc.core.simple.JdbcClient jdbc, String code) {
        jdbc.sql("""
                INSERT INTO wh_dataset (code, title_kk, title_ru, title_en, publisher)
                VALUES (?, 'Тест', 'Тест', 'Test', 'Agyn tests') ON CONFLICT (code) DO NOTHING""").param(code)
                .update();
    }

    /** A statistics-bureau style CSV: Windows-1251, ';', decimal commas, Russian headers and region names. */
    static byte[] windows1251Csv() {
        String text = """
                Показатель;Год;Регион;Пол;Значение
                EMIGRANTS;2022;Алматинская область;Мужчины;1 204
                EMIGRANTS;2022;Алматинская область;Женщины;1 100
                EMIGRANTS;2022;город Алматы;Всего;5 310
                WAGE_AVG;2022;Область Жетісу;Всего;272188,5
                """.replace("Область Жетісу", "330000000");
        return text.replace("\n", "\r\n").getBytes(Charset.forName("windows-1251"));
    }

    /**
     * A bureau table: a title, a two-row header whose first row merges each year over two columns, data, a
     * blank row and a footnote.
     */
    static byte[] bureauXlsx() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("Таблица 1");
            s.createRow(0).createCell(0).setCellValue("Эмиграция по регионам, человек");
            Row h1 = s.createRow(2);
            h1.createCell(0).setCellValue("Регион");
            h1.createCell(1).setCellValue("2022");
            h1.createCell(3).setCellValue("2023");
            s.addMergedRegion(new CellRangeAddress(2, 2, 1, 2));
            s.addMergedRegion(new CellRangeAddress(2, 2, 3, 4));
            s.addMergedRegion(new CellRangeAddress(2, 3, 0, 0));
            Row h2 = s.createRow(3);
            h2.createCell(1).setCellValue("Мужчины");
            h2.createCell(2).setCellValue("Женщины");
            h2.createCell(3).setCellValue("Мужчины");
            h2.createCell(4).setCellValue("Женщины");
            Object[][] data = {{"область Абай", 410, 390, 430, 405}, {"город Астана", 1510, 1490, 1600, 1550},
                {"Область Жетісу", 350, 340, 360, 345}};
            int r = 4;
            for (Object[] d : data) {
                Row row = s.createRow(r++);
                row.createCell(0).setCellValue((String) d[0]);
                for (int i = 1; i < d.length; i++) {
                    row.createCell(i).setCellValue(((Integer) d[i]).doubleValue());
                }
            }
            s.createRow(r + 1).createCell(0).setCellValue("Примечание: данные условные, для теста.");
            wb.write(out);
            return out.toByteArray();
        }
    }

    static byte[] sdmxCsv() {
        return """
                DATAFLOW,INDICATOR,TIME_PERIOD,REF_AREA,COUNTERPART_AREA,SEX,FLOW,OBS_VALUE,OBS_STATUS
                AGYN:MIG(1.0),EMIGRANTS,2021,000000000,DE,_T,EMI,5120,A
                AGYN:MIG(1.0),EMIGRANTS,2022,000000000,DE,_T,EMI,6034,P
                AGYN:MIG(1.0),EMIGRANTS,2022,000000000,RU,_T,EMI,20511,A
                """.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] sdmxMl() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <message:GenericData xmlns:message="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"
                    xmlns:generic="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/generic"
                    xmlns:common="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common">
                  <message:Header>
                    <message:ID>MIG1</message:ID><message:Test>false</message:Test>
                    <message:Prepared>2024-01-01T00:00:00</message:Prepared>
                    <message:Sender id="DE"/>
                    <message:Structure structureID="MIG" dimensionAtObservation="TIME_PERIOD">
                      <common:Structure><Ref agencyID="AGYN" id="MIG" version="1.0"/></common:Structure>
                    </message:Structure>
                  </message:Header>
                  <message:DataSet structureRef="MIG">
                    <generic:Series>
                      <generic:SeriesKey>
                        <generic:Value id="INDICATOR" value="IMMIGRANTS"/>
                        <generic:Value id="REF_AREA" value="000000000"/>
                        <generic:Value id="COUNTERPART_AREA" value="RU"/>
                        <generic:Value id="FLOW" value="IMM"/>
                      </generic:SeriesKey>
                      <generic:Obs><generic:ObsDimension value="2021"/><generic:ObsValue value="7051"/></generic:Obs>
                      <generic:Obs><generic:ObsDimension value="2022"/><generic:ObsValue value="8120"/>
                        <generic:Attributes><generic:Value id="OBS_STATUS" value="P"/></generic:Attributes></generic:Obs>
                    </generic:Series>
                  </message:DataSet>
                </message:GenericData>
                """.getBytes(StandardCharsets.UTF_8);
    }
}
