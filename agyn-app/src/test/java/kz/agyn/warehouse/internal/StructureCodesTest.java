package kz.agyn.warehouse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;

import kz.agyn.reference.Country;
import kz.agyn.reference.Names;
import kz.agyn.tabular.SdmxStructure;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: an agency's code lists read areas and units — by what the codes mean, checked against their names, never by
 * their shape alone — on the recorded ECB and IMF structures (src/test/resources/kz/agyn/tabular/sdmx/structure).
 */
class StructureCodesTest {

    private static final List<Country> COUNTRIES = List.of(
            new Country("BE", "BEL", "056", new Names("Бельгия", "Бельгия", "Belgium"), "EUR"),
            new Country("RO", "ROU", "642", new Names("Румыния", "Румыния", "Romania"), "RON"),
            new Country("DE", "DEU", "276", new Names("Германия", "Германия", "Germany"), "EUR"),
            new Country("AT", "AUT", "040", new Names("Австрия", "Австрия", "Austria"), "EUR"),
            new Country("AF", "AFG", "004", new Names("Ауғанстан", "Афганистан", "Afghanistan"), "AFN"),
            new Country("OM", "OMN", "512", new Names("Оман", "Оман", "Oman"), "OMR"));

    private static StructureCodes codes(String name) throws Exception {
        try (InputStream in = StructureCodesTest.class.getResourceAsStream("/kz/agyn/tabular/sdmx/structure/" + name)) {
            return new StructureCodes(SdmxStructure.read(in, name),
                    new CodeBook(List.of(), List.of(), COUNTRIES, List.of()));
        }
    }

    @Test
    void amecoAreasAreIsoAlpha3WithOldCodesReadByNameAndGroupsToldApart() throws Exception {
        StructureCodes c = codes("ecb-ame1-structure21.xml");
        StructureCodes.Areas areas = c.areas("AME_REF_AREA").orElseThrow();
        assertThat(areas.scheme()).isEqualTo(StructureCodes.AreaScheme.ISO_ALPHA3);
        assertThat(areas.of("BEL").orElseThrow().country()).isEqualTo("BE");
        StructureCodes.Area romania = areas.of("ROM").orElseThrow();
        assertThat(romania.country()).as("AMECO's old code for Romania, read through its name").isEqualTo("RO");
        assertThat(romania.byName()).isTrue();
        StructureCodes.Area euroArea = areas.of("EA19").orElseThrow();
        assertThat(euroArea.country()).isNull();
        assertThat(euroArea.group()).isEqualTo("Euro area (19 countries) (EA19)");
        assertThat(c.areas("AME_UNIT")).as("a unit list is no area list").isEmpty();
        assertThat(c.areas("FREQ")).isEmpty();
    }

    @Test
    void amecoUnitsAreReadThroughTheirNames() throws Exception {
        StructureCodes c = codes("ecb-ame1-structure21.xml");
        assertThat(c.unitColumn(List.of("FREQ", "AME_REF_AREA", "AME_UNIT", "TIME_PERIOD", "OBS_VALUE")))
                .contains("AME_UNIT");
        assertThat(c.unit("AME_UNIT", "30")).as("US Dollar").contains("USD");
        assertThat(c.unit("AME_UNIT", "92")).as("Euro").contains("EUR");
        assertThat(c.unit("AME_UNIT", "310")).as("Percentage of GDP at market prices").contains("PERCENT_GDP");
        assertThat(c.unit("AME_UNIT", "0")).as("National currency: which one depends on the area").isEmpty();
        assertThat(c.unit("AME_UNIT", "212")).as("PPS").isEmpty();
        assertThat(c.unitName("AME_UNIT", "0")).contains("National currency");
    }

    @Test
    void imfCountryCodesAreTheImfsOwnNotM49() throws Exception {
        // 512 is Afghanistan in the IMF's list and Oman in UN M49: its name decides.
        StructureCodes.Areas areas = codes("imf-gfs-structure21.xml").areas("COUNTRY").orElseThrow();
        assertThat(areas.scheme()).isEqualTo(StructureCodes.AreaScheme.NAMES);
        assertThat(areas.of("512").orElseThrow().country()).isEqualTo("AF");
    }

    @Test
    void unitNames() {
        assertThat(StructureCodes.unitNamed("persons")).contains("PERSONS");
        assertThat(StructureCodes.unitNamed("number of persons")).contains("PERSONS");
        assertThat(StructureCodes.unitNamed("percentage")).contains("PERCENT");
        assertThat(StructureCodes.unitNamed("percentage of gdp")).contains("PERCENT_GDP");
        assertThat(StructureCodes.unitNamed("national currency per us dollar")).contains("LCU_PER_USD");
        assertThat(StructureCodes.unitNamed("national currency")).isEmpty();
    }

    /**
     * A unit named with a multiplier ("Million euro") was refused as unmapped; it is its unit with the power of ten
     * the multiplier adds, stored as the row's unit multiplier. "Per thousand" is a rate, not a multiplier, and a
     * unit Agyn does not hold stays unmapped whatever its multiplier.
     */
    @Test
    void aUnitNamedWithAMultiplierIsItsUnitScaled() throws Exception {
        StructureCodes c = codes("estat-gov10q-ggnfa-structure21.xml");
        assertThat(c.unitColumn(List.of("freq", "unit", "geo", "TIME_PERIOD", "OBS_VALUE"))).contains("unit");
        assertThat(c.scaledUnit("unit", "MIO_EUR")).contains(new StructureCodes.ScaledUnit("EUR", 6));
        assertThat(c.scaledUnit("unit", "PC_GDP")).contains(new StructureCodes.ScaledUnit("PERCENT_GDP", 0));
        assertThat(c.scaledUnit("unit", "MIO_NAC")).as("national currency: which one depends on the area").isEmpty();
        assertThat(c.unit("unit", "MIO_EUR")).as("unscaled, only a unit without a multiplier").isEmpty();
        assertThat(StructureCodes.scaledUnitNamed("thousand persons"))
                .contains(new StructureCodes.ScaledUnit("PERSONS", 3));
        assertThat(StructureCodes.scaledUnitNamed("persons (thousands)"))
                .contains(new StructureCodes.ScaledUnit("PERSONS", 3));
        assertThat(StructureCodes.scaledUnitNamed("millions of us dollars"))
                .contains(new StructureCodes.ScaledUnit("USD", 6));
        assertThat(StructureCodes.scaledUnitNamed("us dollar, billions"))
                .contains(new StructureCodes.ScaledUnit("USD", 9));
        assertThat(StructureCodes.scaledUnitNamed("hundred persons"))
                .contains(new StructureCodes.ScaledUnit("PERSONS", 2));
        assertThat(StructureCodes.scaledUnitNamed("per thousand inhabitants")).isEmpty();
        assertThat(StructureCodes.scaledUnitNamed("thousand tonnes")).isEmpty();
        assertThat(StructureCodes.scaledUnitNamed("euro")).contains(new StructureCodes.ScaledUnit("EUR", 0));
    }
}
