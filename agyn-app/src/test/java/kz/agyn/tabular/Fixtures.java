package kz.agyn.tabular;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Test inputs: the committed small files, and workbooks built with POI the way a statistics bureau lays them out. */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static InputStream in(byte[] b) {
        return new ByteArrayInputStream(b);
    }

    /** Every row of a reader, closing it. */
    static List<Row> readAll(TableReader r) throws TabularException, IOException {
        try (r) {
            List<Row> rows = new ArrayList<>();
            for (Row row; (row = r.next()) != null; ) {
                rows.add(row);
            }
            return rows;
        }
    }

    static List<Row> csv(byte[] bytes) throws TabularException, IOException {
        return readAll(TableReaders.csv(in(bytes), "data.csv", CsvOptions.detect(bytes)));
    }

    /**
     * Emigration by region, as the bureau publishes it: a merged title, a unit line, a two-row header whose
     * year captions are merged over "Мужчины / Женщины", data, a blank row and three kinds of footnote.
     */
    static byte[] bureauWorkbook() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("Table 1");
            s.createRow(0).createCell(0).setCellValue("Эмиграция из Казахстана по регионам, 2022–2023");
            s.addMergedRegion(new CellRangeAddress(0, 0, 0, 4));
            s.createRow(1).createCell(0).setCellValue("человек");
            var h1 = s.createRow(2);
            h1.createCell(0).setCellValue("Регион");
            h1.createCell(1).setCellValue(2022);
            h1.createCell(3).setCellValue(2023);
            s.addMergedRegion(new CellRangeAddress(2, 3, 0, 0));
            s.addMergedRegion(new CellRangeAddress(2, 2, 1, 2));
            s.addMergedRegion(new CellRangeAddress(2, 2, 3, 4));
            var h2 = s.createRow(3);
            String[] sexes = {"Мужчины", "Женщины", "Мужчины", "Женщины"};
            for (int i = 0; i < sexes.length; i++) {
                h2.createCell(i + 1).setCellValue(sexes[i]);
            }
            Object[][] data = {
                {"Республика Казахстан", 10_234, 9_876.5, 11_000, 12_345.25},
                {"г. Астана", 1_520, 1_480, 1_610, 1_590},
                {"г. Алматы", 3_104, 2_990, 3_300, 0.1},
                {"Карагандинская область", 2_410, 2_205, null, 2_000},
            };
            for (int r = 0; r < data.length; r++) {
                var row = s.createRow(4 + r);
                for (int c = 0; c < data[r].length; c++) {
                    Object v = data[r][c];
                    if (v instanceof String t) {
                        row.createCell(c).setCellValue(t);
                    } else if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    }
                }
            }
            // row 9 (index 8) left blank
            s.createRow(9).createCell(0).setCellValue("Примечание: данные за 2023 год предварительные.");
            s.createRow(10).createCell(0).setCellValue("* Без учёта выбывших в страны СНГ.");
            s.createRow(11).createCell(0).setCellValue("Источник: Бюро национальной статистики");
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One sheet of assorted cell types, no title; a second sheet to choose by name. */
    static byte[] typesWorkbook() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("Types");
            var h = s.createRow(0);
            String[] names = {"text", "int", "decimal", "big", "date", "formula", "bool", "tiny"};
            for (int i = 0; i < names.length; i++) {
                h.createCell(i).setCellValue(names[i]);
            }
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
            CellStyle grouped = wb.createCellStyle();
            grouped.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("#,##0.00"));
            var r = s.createRow(1);
            r.createCell(0).setCellValue("  Алматы ");
            r.createCell(1).setCellValue(31287);
            Cell dec = r.createCell(2);
            dec.setCellValue(1234.5);
            dec.setCellStyle(grouped);
            r.createCell(3).setCellValue(1.5e15);
            Cell date = r.createCell(4);
            date.setCellValue(LocalDate.of(2023, 7, 1));
            date.setCellStyle(dateStyle);
            r.createCell(5).setCellFormula("B2*2");
            r.createCell(6).setCellValue(true);
            r.createCell(7).setCellValue(0.000125);
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            Sheet other = wb.createSheet("Other");
            other.createRow(0).createCell(0).setCellValue("a");
            other.getRow(0).createCell(1).setCellValue("b");
            other.createRow(1).createCell(0).setCellValue("x");
            other.getRow(1).createCell(1).setCellValue(1);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String SDMX_ML_SERIES = """
            <?xml version="1.0" encoding="UTF-8"?>
            <message:GenericData xmlns:message="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"
                xmlns:generic="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/generic"
                xmlns:common="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common">
              <message:Header>
                <message:ID>EMIG</message:ID>
                <message:Test>false</message:Test>
                <message:Prepared>2024-01-01T00:00:00</message:Prepared>
                <message:Sender id="KZ_BNS"/>
                <message:Structure structureID="EMIG_DSD" dimensionAtObservation="TIME_PERIOD">
                  <common:Structure><Ref agencyID="KZ_BNS" id="EMIG" version="1.0"/></common:Structure>
                </message:Structure>
              </message:Header>
              <message:DataSet structureRef="EMIG_DSD">
                <generic:Series>
                  <generic:SeriesKey>
                    <generic:Value id="REF_AREA" value="KZ"/>
                    <generic:Value id="SEX" value="M"/>
                  </generic:SeriesKey>
                  <generic:Attributes>
                    <generic:Value id="UNIT_MEASURE" value="PS"/>
                  </generic:Attributes>
                  <generic:Obs>
                    <generic:ObsDimension value="2022"/>
                    <generic:ObsValue value="31287"/>
                    <generic:Attributes><generic:Value id="OBS_STATUS" value="A"/></generic:Attributes>
                  </generic:Obs>
                  <generic:Obs>
                    <generic:ObsDimension value="2023"/>
                    <generic:ObsValue value="29876.5"/>
                  </generic:Obs>
                </generic:Series>
                <generic:Series>
                  <generic:SeriesKey>
                    <generic:Value id="REF_AREA" value="KZ"/>
                    <generic:Value id="SEX" value="F"/>
                  </generic:SeriesKey>
                  <generic:Obs>
                    <generic:ObsDimension value="2022"/>
                    <generic:ObsValue value="30001"/>
                    <generic:Attributes><generic:Value id="OBS_STATUS" value="P"/></generic:Attributes>
                  </generic:Obs>
                </generic:Series>
              </message:DataSet>
            </message:GenericData>
            """;

    static final String SDMX_ML_FLAT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <mes:GenericData xmlns:mes="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"
                xmlns:gen="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/generic">
              <mes:Header>
                <mes:ID>FLAT</mes:ID>
                <mes:Structure structureID="S" dimensionAtObservation="AllDimensions"/>
              </mes:Header>
              <mes:DataSet>
                <gen:Obs>
                  <gen:ObsKey>
                    <gen:Value id="REF_AREA" value="KZ-ALA"/>
                    <gen:Value id="TIME_PERIOD" value="2021"/>
                    <gen:Value id="SEX" value="_T"/>
                  </gen:ObsKey>
                  <gen:ObsValue value="1.5"/>
                  <gen:Attributes><gen:Value id="OBS_STATUS" value="E"/></gen:Attributes>
                </gen:Obs>
                <gen:Obs>
                  <gen:ObsKey>
                    <gen:Value id="REF_AREA" value="KZ-AST"/>
                    <gen:Value id="TIME_PERIOD" value="2021"/>
                    <gen:Value id="SEX" value="_T"/>
                  </gen:ObsKey>
                  <gen:ObsValue value="2"/>
                </gen:Obs>
              </mes:DataSet>
            </mes:GenericData>
            """;

    static final String SDMX_CSV_21 = """
            DATAFLOW,REF_AREA,SEX,TIME_PERIOD,OBS_VALUE,OBS_STATUS
            KZ_BNS:EMIG(1.0),KZ,M,2022,31287,A
            KZ_BNS:EMIG(1.0),KZ,F,2022,30001,
            """;

    static final String SDMX_CSV_30 = """
            STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,TIME_PERIOD,OBS_VALUE
            dataflow,KZ_BNS:EMIG(1.0),I,KZ,2022,31287
            dataflow,KZ_BNS:EMIG(1.0),I,KZ,2023,29876.5
            """;

    static final String SDMX_CSV_LABELS = """
            DATAFLOW,REF_AREA: Reference area,SEX: Sex,TIME_PERIOD: Time,OBS_VALUE: Observation value,COMMENT: Comment
            KZ_BNS:EMIG(1.0): Emigration,KZ: Kazakhstan,M: Male,2022,31287,provisional estimate
            """;
}
