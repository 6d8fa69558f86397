package kz.agyn.reference.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import kz.agyn.reference.Country;
import kz.agyn.reference.CurrencyInfo;
import kz.agyn.reference.EducationLevel;
import kz.agyn.reference.Names;
import kz.agyn.reference.Occupation;
import kz.agyn.reference.ReferenceSource;
import kz.agyn.reference.Region;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the reference feature. */
@Repository
public class ReferenceRepository {

    private final JdbcClient jdbc;

    public ReferenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Region> regions() {
        return jdbc.sql("""
                SELECT kato, iso_3166_2, kind, name_kk, name_ru, name_en, valid_from, valid_to, parent_kato,
                       change_kk, change_ru, change_en
                FROM region ORDER BY kato, valid_from""")
                .query((rs, i) -> new Region(rs.getString("kato"), rs.getString("iso_3166_2"), rs.getString("kind"),
                        names(rs, "name_"), rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class), rs.getString("parent_kato"),
                        rs.getString("change_en") == null ? null : names(rs, "change_")))
                .list();
    }

    public List<Occupation> occupations() {
        return jdbc.sql("SELECT code, level, parent_code, name_kk, name_ru, name_en FROM occupation "
                        + "ORDER BY CASE WHEN code LIKE '0%' THEN 1 ELSE 0 END, code")
                .query((rs, i) -> new Occupation(rs.getString("code"), rs.getInt("level"), rs.getString("parent_code"),
                        names(rs, "name_")))
                .list();
    }

    public List<EducationLevel> educationLevels() {
        return jdbc.sql("SELECT code, tertiary, name_kk, name_ru, name_en FROM education_level ORDER BY code")
                .query((rs, i) -> new EducationLevel(rs.getString("code"), rs.getBoolean("tertiary"),
                        names(rs, "name_")))
                .list();
    }

    public List<Country> countries() {
        return jdbc.sql("SELECT iso2, iso3, numeric_code, name_kk, name_ru, name_en, currency FROM country "
                        + "ORDER BY name_en")
                .query((rs, i) -> new Country(rs.getString("iso2"), rs.getString("iso3"), rs.getString("numeric_code"),
                        names(rs, "name_"), rs.getString("currency")))
                .list();
    }

    public List<CurrencyInfo> currencies() {
        return jdbc.sql("SELECT code, numeric_code, minor_units, name_kk, name_ru, name_en FROM currency ORDER BY code")
                .query((rs, i) -> new CurrencyInfo(rs.getString("code"), rs.getString("numeric_code"),
                        (Integer) rs.getObject("minor_units"), names(rs, "name_")))
                .list();
    }

    public List<ReferenceSource> sources() {
        return jdbc.sql("SELECT table_name, source, licence, url FROM reference_source ORDER BY table_name")
                .query((rs, i) -> new ReferenceSource(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4)))
                .list();
    }

    private static Names names(ResultSet rs, String prefix) throws SQLException {
        return new Names(rs.getString(prefix + "kk"), rs.getString(prefix + "ru"), rs.getString(prefix + "en"));
    }
}
