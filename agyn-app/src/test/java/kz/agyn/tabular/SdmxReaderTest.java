package kz.agyn.tabular;

import static kz.agyn.tabular.Fixtures.in;
import static kz.agyn.tabular.Fixtures.readAll;
import static kz.agyn.tabular.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SdmxReaderTest {

    @Test
    void sdmxCsv21() throws Exception {
        TableReader r = TableReaders.sdmxCsv(in(utf8(Fixtures.SDMX_CSV_21)), "emig.csv");
        assertThat(r.columns()).containsExactly("DATAFLOW", "REF_AREA", "SEX", "TIME_PERIOD", "OBS_VALUE",
                "OBS_STATUS");
        assertThat(readAll(r)).extracting(Row::cells).containsExactly(
                List.of("KZ_BNS:EMIG(1.0)", "KZ", "M", "2022", "31287", "A"),
                List.of("KZ_BNS:EMIG(1.0)", "KZ", "F", "2022", "30001", ""));
    }

    @Test
    void sdmxCsv30KeepsTheStructureColumns() throws Exception {
        TableReader r = TableReaders.sdmxCsv(in(utf8(Fixtures.SDMX_CSV_30)), "emig.csv");
        assertThat(r.columns()).containsExactly("STRUCTURE", "STRUCTURE_ID", "ACTION", "REF_AREA", "TIME_PERIOD",
                "OBS_VALUE");
        assertThat(readAll(r).get(1).cells()).containsExactly("dataflow", "KZ_BNS:EMIG(1.0)", "I", "KZ", "2023",
                "29876.5");
    }

    @Test
    void labelsBothIsReducedToCodes() throws Exception {
        TableReader r = TableReaders.sdmxCsv(in(utf8(Fixtures.SDMX_CSV_LABELS)), "labels.csv");
        assertThat(r.columns()).containsExactly("DATAFLOW", "REF_AREA", "SEX", "TIME_PERIOD", "OBS_VALUE",
                "COMMENT");
        assertThat(readAll(r).get(0).cells()).containsExactly("KZ_BNS:EMIG(1.0)", "KZ", "M", "2022", "31287",
                "provisional estimate");
    }

    @Test
    void sdmxCsvWithSemicolons() throws Exception {
        String text = Fixtures.SDMX_CSV_21.replace(',', ';');
        assertThat(readAll(TableReaders.sdmxCsv(in(utf8(text)), "s.csv")).get(0).cell(4)).isEqualTo("31287");
    }

    @Test
    void notSdmxCsv() {
        assertThatThrownBy(() -> TableReaders.sdmxCsv(in(utf8("region,value\nKZ,1\n")), "x.csv"))
                .isInstanceOfSatisfying(TabularException.class, e -> {
                    assertThat(e.code()).isEqualTo("tabular.sdmxcsv.noStructureColumn");
                    assertThat(e.args()).containsExactly("region");
                });
        assertThatThrownBy(() -> TableReaders.sdmxCsv(in(utf8("STRUCTURE,REF_AREA\ndataflow,KZ\n")), "x.csv"))
                .isInstanceOfSatisfying(TabularException.class,
                        e -> assertThat(e.code()).isEqualTo("tabular.sdmxcsv.noStructureId"));
    }

    @Test
    void sdmxMlSeries() throws Exception {
        TableReader r = TableReaders.sdmxMl(in(utf8(Fixtures.SDMX_ML_SERIES)), "emig.xml");
        assertThat(r.columns()).containsExactly("REF_AREA", "SEX", "TIME_PERIOD", "OBS_VALUE", "UNIT_MEASURE",
                "OBS_STATUS");
        List<Row> rows = readAll(r);
        assertThat(rows).extracting(Row::cells).containsExactly(
                List.of("KZ", "M", "2022", "31287", "PS", "A"),
                List.of("KZ", "M", "2023", "29876.5", "PS", ""),
                List.of("KZ", "F", "2022", "30001", "", "P"));
        assertThat(rows).extracting(Row::number).containsExactly(1L, 2L, 3L);
        assertThat(rows.get(0).location().row()).as("the XML line of the Obs").isEqualTo(23);
    }

    @Test
    void sdmxMlFlat() throws Exception {
        TableReader r = TableReaders.sdmxMl(in(utf8(Fixtures.SDMX_ML_FLAT)), "flat.xml");
        assertThat(r.columns()).containsExactly("REF_AREA", "SEX", "TIME_PERIOD", "OBS_VALUE", "OBS_STATUS");
        assertThat(readAll(r)).extracting(Row::cells).containsExactly(
                List.of("KZ-ALA", "_T", "2021", "1.5", "E"),
                List.of("KZ-AST", "_T", "2021", "2", ""));
    }

    @Test
    void timeDimensionComesFromTheHeader() throws Exception {
        String xml = Fixtures.SDMX_ML_SERIES.replace("dimensionAtObservation=\"TIME_PERIOD\"",
                "dimensionAtObservation=\"YEAR\"");
        assertThat(TableReaders.sdmxMl(in(utf8(xml)), "y.xml").columns()).contains("YEAR")
                .doesNotContain("TIME_PERIOD");
    }

    @Test
    void externalEntitiesAreNeverResolved(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-42");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE m [<!ENTITY x SYSTEM "%s">]>
                <message:GenericData xmlns:message="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"
                    xmlns:generic="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/generic">
                  <message:DataSet><generic:Obs><generic:ObsKey><generic:Value id="A" value="&x;"/></generic:ObsKey>
                  </generic:Obs></message:DataSet>
                </message:GenericData>
                """.formatted(secret.toUri());
        assertThatThrownBy(() -> readAll(TableReaders.sdmxMl(in(utf8(xxe)), "xxe.xml")))
                .isInstanceOfSatisfying(TabularException.class, e -> {
                    assertThat(e.code()).isEqualTo("tabular.xml.doctype");
                    assertThat(e.getMessage()).doesNotContain("TOP-SECRET");
                });
        String parameterEntity = "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY % p SYSTEM \"" + secret.toUri()
                + "\"> %p;]><m/>";
        assertThatThrownBy(() -> readAll(TableReaders.sdmxMl(in(utf8(parameterEntity)), "pe.xml")))
                .isInstanceOf(TabularException.class).hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    void truncatedXmlIsLocated() {
        String cut = Fixtures.SDMX_ML_SERIES.substring(0, Fixtures.SDMX_ML_SERIES.indexOf("<generic:ObsValue"));
        assertThatThrownBy(() -> TableReaders.sdmxMl(in(utf8(cut)), "cut.xml"))
                .isInstanceOfSatisfying(TabularException.class, e -> {
                    assertThat(e.code()).isEqualTo("tabular.xml.malformed");
                    assertThat(e.location().row()).isPositive();
                    assertThat(e.args()).hasSize(2);
                });
        String mismatched = "<m:GenericData xmlns:m=\"http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message\">"
                + "\n<m:DataSet>\n<b></m:DataSet>";
        assertThatThrownBy(() -> TableReaders.sdmxMl(in(utf8(mismatched)), "bad.xml"))
                .isInstanceOfSatisfying(TabularException.class, e -> {
                    assertThat(e.code()).isEqualTo("tabular.xml.malformed");
                    assertThat(e.location().row()).isEqualTo(3);
                    assertThat(e.args()[0]).isEqualTo(3);
                });
    }

    @Test
    void otherSdmxMessagesAreUnsupported() {
        // A structure message (code lists, a DSD) is no data message.
        String structureSpecific = "<message:Structure xmlns:message="
                + "\"http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message\"/>";
        String v30 = "<message:GenericData xmlns:message="
                + "\"http://www.sdmx.org/resources/sdmxml/schemas/v3_0/message\"/>";
        for (String xml : new String[] {structureSpecific, v30, "<html><body/></html>"}) {
            assertThatThrownBy(() -> TableReaders.sdmxMl(in(utf8(xml)), "u.xml"))
                    .isInstanceOfSatisfying(TabularException.class,
                            e -> assertThat(e.code()).isEqualTo("tabular.sdmxml.unsupported"));
        }
        assertThatThrownBy(() -> TableReaders.sdmxMl(in(utf8(v30)), "u.xml"))
                .hasMessageContaining("GenericData (SDMX 3.0)");
    }

    @Test
    void emptyAndHugeTokens() {
        assertThatThrownBy(() -> TableReaders.sdmxMl(in(new byte[0]), "e.xml"))
                .isInstanceOf(TabularException.class);
        String huge = "<a b=\"" + "x".repeat(Xml.MAX_TOKEN_BYTES + 1) + "\"/>";
        assertThatThrownBy(() -> TableReaders.sdmxMl(in(utf8(huge)), "h.xml"))
                .isInstanceOfSatisfying(TabularException.class,
                        e -> assertThat(e.code()).isEqualTo("tabular.xml.tokenTooLong"));
        String deep = "<a>".repeat(200);
        assertThatThrownBy(() -> TableReaders.sdmxMl(in(utf8(
                "<m:GenericData xmlns:m=\"http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message\">" + deep)),
                "d.xml")).isInstanceOfSatisfying(TabularException.class,
                        e -> assertThat(e.code()).isEqualTo("tabular.xml.tooDeep"));
    }

    @Test
    void openSniffsSdmx(@TempDir Path dir) throws Exception {
        Path xml = dir.resolve("a");
        Files.writeString(xml, Fixtures.SDMX_ML_SERIES);
        assertThat(readAll(TableReaders.open(xml, "a.xml", null))).hasSize(3);
        Path csv = dir.resolve("b");
        Files.writeString(csv, Fixtures.SDMX_CSV_30);
        try (TableReader r = TableReaders.open(csv, "b.csv", null)) {
            assertThat(r.columns()).startsWith("STRUCTURE", "STRUCTURE_ID");
        }
    }
}
