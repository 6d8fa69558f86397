package kz.agyn.tabular;

import static kz.agyn.tabular.Fixtures.in;
import static kz.agyn.tabular.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import kz.agyn.tabular.SdmxStructure.Role;
import org.junit.jupiter.api.Test;

/**
 * Structure messages as agencies publish them (src/test/resources/kz/agyn/tabular/sdmx/structure, sources in its
 * README): the data structure's components with their code lists, the codes' names in every language given, SDMX-ML
 * 3.0's URN references, and what is not a structure message refused at its line.
 */
class SdmxStructureTest {

    private static SdmxStructure read(String name) throws Exception {
        return SdmxStructure.read(in(resource("sdmx/structure/" + name)), name);
    }

    @Test
    void ecbAmecoStructureGivesEachColumnItsCodeListAndTheCodesTheirNames() throws Exception {
        SdmxStructure s = read("ecb-ame1-structure21.xml");
        assertThat(s.sdmxVersion()).isEqualTo("2.1");
        assertThat(s.dsd().toString()).isEqualTo("ECB:ECB_AME1(1.0)");
        assertThat(s.components().keySet()).startsWith("FREQ", "AME_REF_AREA", "AME_TRANSFORMATION",
                "AME_AGG_METHOD", "AME_UNIT", "AME_REFERENCE", "AME_ITEM", "TIME_PERIOD");
        assertThat(s.component("TIME_PERIOD").orElseThrow().role()).isEqualTo(Role.TIME_DIMENSION);
        assertThat(s.component("OBS_VALUE").orElseThrow().role()).isEqualTo(Role.MEASURE);
        assertThat(s.component("OBS_STATUS").orElseThrow().role()).isEqualTo(Role.ATTRIBUTE);
        assertThat(s.component("ame_ref_area").orElseThrow().codelist().toString())
                .as("a column is found without regard to case").isEqualTo("ECB:CL_AME_AREA_EE(1.0)");
        SdmxStructure.Codelist areas = s.codelistOf("AME_REF_AREA").orElseThrow();
        assertThat(areas.codes().get("BEL").names()).containsEntry("en", "Belgium");
        assertThat(areas.codes().get("EA19").names()).containsEntry("en", "Euro area (19 countries)");
        SdmxStructure.Codelist units = s.codelistOf("AME_UNIT").orElseThrow();
        assertThat(units.codes().get("30").names()).containsEntry("en", "US Dollar");
        assertThat(units.codes().get("0").names()).containsEntry("en", "National currency");
        assertThat(s.component("AME_UNIT").orElseThrow().conceptNames()).containsKey("en");
        assertThat(s.codelistOf("TIME_PERIOD")).isEmpty();
    }

    @Test
    void aComponentWithoutACodeListOfItsOwnTakesItsConceptsAndNamesComeInEveryLanguage() throws Exception {
        // The IMF's GFS structure codes COUNTRY through the concept's core representation only.
        SdmxStructure s = read("imf-gfs-structure21.xml");
        assertThat(s.dsd().toString()).isEqualTo("IMF_STA:DSD_GFS(4.0.1)");
        assertThat(s.component("COUNTRY").orElseThrow().codelist().toString()).isEqualTo("IMF:CL_COUNTRY(1.9.0)");
        SdmxStructure.Code afghanistan = s.codelistOf("COUNTRY").orElseThrow().codes().get("512");
        assertThat(afghanistan.names()).containsEntry("en", "Afghanistan").containsEntry("ru", "Афганистан");
        assertThat(SdmxStructure.name(afghanistan.names(), Locale.forLanguageTag("ru"))).isEqualTo("Афганистан");
        assertThat(SdmxStructure.name(afghanistan.names(), Locale.forLanguageTag("kk")))
                .as("no Kazakh name: the English one").isEqualTo("Afghanistan");
    }

    /**
     * SDMX-ML 2.0 structure messages were refused as "not a structure message"; their code lists and key family are
     * read as those of 2.1 are: codes by their {@code value} with their {@code Description}s, components by
     * {@code conceptRef} with their {@code codelist} named by attribute.
     */
    @Test
    void sdmx20StructureMessagesAreReadLike21() throws Exception {
        SdmxStructure s = read("nbb-test-dataset-structure20.xml");
        assertThat(s.sdmxVersion()).isEqualTo("2.0");
        assertThat(s.dsd().toString()).isEqualTo("NBB:TEST_DATASET");
        assertThat(s.dsdNames()).containsEntry("en", "My first dataset").containsEntry("fr", "Mon premier dataset");
        assertThat(s.components().keySet()).containsExactly("SUBJECT", "LOCATION", "FREQUENCY", "TIME", "OBS_VALUE",
                "OBS_STATUS", "TIME_FORMAT");
        assertThat(s.component("TIME").orElseThrow().role()).isEqualTo(Role.TIME_DIMENSION);
        assertThat(s.component("OBS_VALUE").orElseThrow().role()).isEqualTo(Role.MEASURE);
        assertThat(s.component("OBS_STATUS").orElseThrow().role()).isEqualTo(Role.ATTRIBUTE);
        assertThat(s.component("LOCATION").orElseThrow().codelist().toString())
                .isEqualTo("NBB:CL_TEST_DATASET_LOCATION");
        assertThat(s.component("LOCATION").orElseThrow().conceptNames()).containsEntry("en", "Country")
                .containsEntry("fr", "Pays");
        SdmxStructure.Codelist areas = s.codelistOf("LOCATION").orElseThrow();
        assertThat(areas.codes().get("AUS").names()).containsEntry("en", "Australia").containsEntry("fr", "Australie");
        assertThat(s.codelistOf("OBS_STATUS").orElseThrow().codes().get("M").names())
                .containsEntry("nl", "Ontbrekend");
        assertThat(s.codelistOf("FREQUENCY").orElseThrow().names()).containsEntry("en", "Frequency");
    }

    @Test
    void sdmx30ReferencesAreUrns() throws Exception {
        SdmxStructure s = read("ecb-exr-structure30.xml");
        assertThat(s.sdmxVersion()).isEqualTo("3.0");
        assertThat(s.dsd().toString()).isEqualTo("ECB:ECB_EXR(1.0)");
        assertThat(s.component("CURRENCY").orElseThrow().codelist().toString()).isEqualTo("ECB:CL_CURRENCY(1.0)");
        assertThat(s.component("CURRENCY").orElseThrow().concept()).isEqualTo("CURRENCY");
        assertThat(s.component("UNIT").orElseThrow().role()).isEqualTo(Role.ATTRIBUTE);
        assertThat(s.codelistOf("CURRENCY")).as("this sample holds no code lists").isEmpty();
    }

    @Test
    void aDataMessageOrSomethingElseIsNotAStructure() {
        assertThatThrownBy(() -> SdmxStructure.read(in(resource("sdmx/ecb-ame-generic21.xml")), "data.xml"))
                .isInstanceOfSatisfying(TabularException.class, e -> {
                    assertThat(e.code()).isEqualTo("tabular.sdmxstructure.unsupported");
                    assertThat(e.args()[0]).isEqualTo("GenericData (SDMX 2.1)");
                    assertThat(e.location().row()).isEqualTo(1);
                });
        byte[] page = "<html><body>Service unavailable</body></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SdmxStructure.read(in(page), "page.html"))
                .isInstanceOfSatisfying(TabularException.class,
                        e -> assertThat(e.code()).isEqualTo("tabular.sdmxstructure.unsupported"));
        byte[] cut = new String(resource("sdmx/structure/ecb-ame1-structure21.xml"), StandardCharsets.UTF_8)
                .substring(0, 5000).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SdmxStructure.read(in(cut), "cut.xml"))
                .isInstanceOfSatisfying(TabularException.class, e -> {
                    assertThat(e.code()).isEqualTo("tabular.xml.malformed");
                    assertThat(e.location().row()).isGreaterThan(50);
                });
        byte[] codelistOnly = """
                <?xml version="1.0"?>
                <m:Structure xmlns:m="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"
                  xmlns:s="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure"><m:Structures><s:Codelists>
                  <s:Codelist id="CL_X" agencyID="X" version="1.0"/></s:Codelists></m:Structures></m:Structure>
                """.strip().getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SdmxStructure.read(in(codelistOnly), "cl.xml"))
                .isInstanceOfSatisfying(TabularException.class,
                        e -> assertThat(e.code()).isEqualTo("tabular.sdmxstructure.noDsd"));
    }
}
