package kz.agyn.tabular;

import static kz.agyn.tabular.Fixtures.in;
import static kz.agyn.tabular.Fixtures.readAll;
import static kz.agyn.tabular.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Recorded SDMX messages of ECB, BIS, NBB and Eurostat in every flavour Agyn reads, as their agencies published
 * them (sources in {@code src/test/resources/kz/agyn/tabular/sdmx/README.md}). Each test compares what the reader
 * hands on with the figures in the file: the text of a value is passed on unchanged, so what is stored is what
 * the source says.
 */
class SdmxAgencyMessagesTest {

    private static final String DIR = "sdmx/";

    /** The rows of a fixture as column → cell, with the XML line or CSV row of each under "@row". */
    private static List<Map<String, String>> rows(String name) throws Exception {
        byte[] bytes = resource(DIR + name);
        TableReader r = name.endsWith(".csv") ? TableReaders.sdmxCsv(in(bytes), name)
                : TableReaders.sdmxMl(in(bytes), name);
        List<String> columns = r.columns();
        List<Map<String, String>> out = new ArrayList<>();
        for (Row row : readAll(r)) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                m.put(columns.get(i), row.cell(i));
            }
            m.put("@row", Long.toString(row.location().row()));
            out.add(m);
        }
        return out;
    }

    @Test
    void ecbGeneric21() throws Exception {
        List<Map<String, String>> rows = rows("ecb-ame-generic21.xml");
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).containsEntry("FREQ", "A").containsEntry("AME_REF_AREA", "BEL")
                .containsEntry("AME_ITEM", "OVGD").containsEntry("TIME_PERIOD", "1960")
                .containsEntry("OBS_VALUE", "92.0142").containsEntry("OBS_STATUS", "A")
                .containsEntry("EXT_UNIT", "Mrd EURO-BEF");
        assertThat(rows.get(4)).containsEntry("TIME_PERIOD", "1964").containsEntry("OBS_VALUE", "113.4396");
        assertThat(rows.get(0).get("@row")).as("the XML line of the first Obs").isEqualTo("30");
    }

    @Test
    void ecbStructureSpecific21GivesTheSameObservationsAsGeneric21() throws Exception {
        List<Map<String, String>> specific = rows("ecb-ame-structurespecific21.xml");
        List<Map<String, String>> generic = rows("ecb-ame-generic21.xml");
        assertThat(specific).hasSize(5);
        for (int i = 0; i < 5; i++) {
            for (String c : List.of("FREQ", "AME_REF_AREA", "AME_TRANSFORMATION", "AME_UNIT", "AME_ITEM",
                    "TIME_PERIOD", "OBS_VALUE", "OBS_STATUS", "EXT_TITLE")) {
                assertThat(specific.get(i).get(c)).as(c + " of observation " + i).isEqualTo(generic.get(i).get(c));
            }
        }
        assertThat(specific.get(0).get("@row")).isEqualTo("16");
    }

    @Test
    void bisGeneric20TakesTheGroupsUnitMultiplier() throws Exception {
        List<Map<String, String>> rows = rows("bis-jd-generic20.xml");
        Map<String, String> first = rows.get(0);
        assertThat(first).containsEntry("FREQ", "M").containsEntry("JD_TYPE", "P").containsEntry("JD_CATEGORY", "A")
                .containsEntry("VIS_CTY", "MX").containsEntry("TIME_PERIOD", "2000-01")
                .containsEntry("OBS_VALUE", "3.14").containsEntry("OBS_STATUS", "A")
                .containsEntry("COLLECTION", "B").containsEntry("UNIT_MULT", "5").containsEntry("BIS_UNIT", "USD");
        assertThat(rows).allSatisfy(r -> assertThat(r).containsEntry("UNIT_MULT", "5"));
    }

    @Test
    void bisCompact20TakesTheSiblingGroupsUnitMultiplier() throws Exception {
        List<Map<String, String>> rows = rows("bis-jd-compact20.xml");
        assertThat(rows.get(0)).containsEntry("FREQ", "M").containsEntry("JD_CATEGORY", "A")
                .containsEntry("TIME_PERIOD", "2000-01").containsEntry("OBS_VALUE", "3.14")
                .containsEntry("UNIT_MULT", "5").containsEntry("BIS_UNIT", "USD").containsEntry("AVAILABILITY", "A");
        Map<String, String> categoryB = rows.stream().filter(r -> r.get("JD_CATEGORY").equals("B")).findFirst()
                .orElseThrow();
        assertThat(categoryB).containsEntry("TIME_PERIOD", "2000-01").containsEntry("OBS_VALUE", "5.14")
                .containsEntry("UNIT_MULT", "5");
        assertThat(rows).allSatisfy(r -> assertThat(r).containsEntry("UNIT_MULT", "5"));
    }

    @Test
    void nbbMessageGroupOfGeneric20() throws Exception {
        List<Map<String, String>> rows = rows("nbb-messagegroup-generic20.xml");
        assertThat(rows.get(0)).containsEntry("SUBJECT", "LOCSTL04").containsEntry("LOCATION", "AUS")
                .containsEntry("FREQUENCY", "M").containsEntry("TIME_FORMAT", "P1M")
                .containsEntry("TIME_PERIOD", "1966-02").containsEntry("OBS_VALUE", "98.68823");
        assertThat(rows.get(1)).containsEntry("TIME_PERIOD", "1966-03").containsEntry("OBS_VALUE", "98.32574");
    }

    @Test
    void ecbMessageGroupOfCompact20TakesTheGroupsUnit() throws Exception {
        List<Map<String, String>> rows = rows("ecb-bsi-messagegroup-compact20.xml");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsEntry("FREQ", "M").containsEntry("REF_AREA", "SE")
                .containsEntry("TIME_PERIOD", "2005-03").containsEntry("OBS_VALUE", "0.26")
                .containsEntry("UNIT", "PC").containsEntry("UNIT_MULT", "0").containsEntry("DECIMALS", "2");
    }

    @Test
    void eurostatNaNAndItsOwnStatusArePassedOnAsTheyAre() throws Exception {
        List<Map<String, String>> rows = rows("estat-cdh-generic21.xml");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).containsEntry("UNIT", "PC").containsEntry("Y_GRAD", "TOTAL")
                .containsEntry("GEO", "BE").containsEntry("TIME_PERIOD", "2009").containsEntry("OBS_VALUE", "NaN")
                .containsEntry("OBS_STATUS", "na");
        assertThat(rows.get(2)).containsEntry("Y_GRAD", "Y_GE1990").containsEntry("OBS_VALUE", "43.75")
                .containsEntry("OBS_STATUS", "");
    }

    @Test
    void ecbStructureSpecific30() throws Exception {
        List<Map<String, String>> rows = rows("ecb-exr-structurespecific30.xml");
        assertThat(rows).hasSize(8);
        assertThat(rows.get(0)).containsEntry("FREQ", "A").containsEntry("CURRENCY", "CAD")
                .containsEntry("CURRENCY_DENOM", "EUR").containsEntry("EXR_SUFFIX", "A")
                .containsEntry("TIME_PERIOD", "1999").containsEntry("OBS_VALUE", "1.583993822393823")
                .containsEntry("UNIT_MULT", "0").containsEntry("TITLE", "Canadian dollar/Euro");
        assertThat(rows.get(7)).containsEntry("EXR_SUFFIX", "E").containsEntry("TIME_PERIOD", "2002")
                .containsEntry("OBS_VALUE", "1.655");
    }

    @Test
    void missingValuesAndStatusesMQB() throws Exception {
        List<Map<String, String>> rows = rows("ecb-exr-structurespecific30-statuses.xml").subList(4, 8);
        assertThat(rows).extracting(r -> r.get("OBS_VALUE")).containsExactly("", "NaN", "1.4077", "1.655");
        assertThat(rows).extracting(r -> r.get("OBS_STATUS")).containsExactly("M", "M", "Q", "B");
    }

    @Test
    void sdmxCsv10() throws Exception {
        List<Map<String, String>> rows = rows("sdmxcsv10-estat-cdh.csv");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(2)).containsEntry("DATAFLOW", "ESTAT:CDH_E_FOS(1.0)").containsEntry("Y_GRAD", "Y_GE1990")
                .containsEntry("OBS_VALUE", "43.75");
        assertThat(rows.get(0)).containsEntry("OBS_VALUE", "").containsEntry("OBS_STATUS", "na");
    }

    @Test
    void sdmxCsv20WithActionsAndMultiValueHeaders() throws Exception {
        assertThat(rows("sdmxcsv20-twg-ordinary.csv").get(1)).containsEntry("STRUCTURE", "dataflow")
                .containsEntry("ACTION", "M").containsEntry("DIM_3", "2014-02").containsEntry("OBS_VALUE", "10.8")
                .containsEntry("ATTR_3", "Normal, special and other values");
        List<Map<String, String>> multi = rows("sdmxcsv20-twg-multivalue.csv");
        assertThat(multi.get(0).keySet()).startsWith("STRUCTURE", "STRUCTURE_ID", "ACTION", "OBS_VALUE1")
                .contains("ATTR_1");
        assertThat(multi.get(0)).containsEntry("ATTR_1", "X;Y").containsEntry("DIM_3", "2014-01");
        assertThat(rows("sdmxcsv20-twg-actions.csv")).extracting(r -> r.get("ACTION")).containsExactly("M", "R");
    }

    @Test
    void aDeleteRowIsRefusedWhereItIs() {
        assertThatThrownBy(() -> rows("sdmxcsv20-twg-actions-delete.csv"))
                .isInstanceOfSatisfying(TabularException.class, e -> {
                    assertThat(e.code()).isEqualTo("tabular.sdmxcsv.deleteAction");
                    assertThat(e.location().row()).isEqualTo(4);
                    assertThat(e.location().column()).isEqualTo(3);
                    assertThat(e.location().file()).isEqualTo("sdmxcsv20-twg-actions-delete.csv");
                });
        String unknown = "STRUCTURE,STRUCTURE_ID,ACTION,DIM_1,OBS_VALUE\ndataflow,X:Y(1.0),Z,A,1\n";
        assertThatThrownBy(() -> readAll(TableReaders.sdmxCsv(in(Fixtures.utf8(unknown)), "z.csv")))
                .isInstanceOfSatisfying(TabularException.class, e -> {
                    assertThat(e.code()).isEqualTo("tabular.sdmxcsv.badAction");
                    assertThat(e.args()).containsExactly("Z");
                });
    }
}
