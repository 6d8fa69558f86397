package kz.agyn.registry.incentives.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Incentive rules (reg_incentive) and the facts eligibility is computed from, one row per returned scholar. */
@Repository
public class IncentiveRepository {

    private final JdbcClient jdbc;

    public IncentiveRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Stored(String code, String nameKk, String nameRu, String nameEn, String rules, boolean active,
                         String updatedBy, Instant updatedAt) {
    }

    /**
     * A scholar back in Kazakhstan (the latest return among awards not in a debt state) with the job held on the
     * day asked, in Kazakhstan (the latest-starting one if several).
     */
    public record Candidate(long scholarId, String pseudonym, LocalDate returnedOn, String sector, String region,
                            String salaryBand) {
    }

    /**
     * Puts a seeded incentive in place; one no officer has touched since (still by 'system') follows the seed as
     * it improves (its rule texts gained Russian and English sources), one an officer edited is theirs.
     */
    public void seed(String code, String nameKk, String nameRu, String nameEn, String rules) {
        jdbc.sql("""
                        INSERT INTO reg_incentive (code, name_kk, name_ru, name_en, rules, updated_by)
                        VALUES (?, ?, ?, ?, ?, 'system')
                        ON CONFLICT (code) DO UPDATE SET rules = EXCLUDED.rules, name_kk = EXCLUDED.name_kk,
                            name_ru = EXCLUDED.name_ru, name_en = EXCLUDED.name_en
                        WHERE reg_incentive.updated_by = 'system' AND reg_incentive.rules <> EXCLUDED.rules""")
                .params(code, nameKk, nameRu, nameEn, rules).update();
    }

    public List<Stored> all() {
        return jdbc.sql("SELECT * FROM reg_incentive ORDER BY code").query((rs, n) -> {
            Timestamp at = rs.getTimestamp("updated_at");
            return new Stored(rs.getString("code"), rs.getString("name_kk"), rs.getString("name_ru"),
                    rs.getString("name_en"), rs.getString("rules"), rs.getBoolean("active"), rs.getString("updated_by"),
                    at == null ? null : at.toInstant());
        }).list();
    }

    public boolean update(String code, String rules, String by) {
        return jdbc.sql("UPDATE reg_incentive SET rules = ?, updated_by = ?, updated_at = now() WHERE code = ?")
                .params(rules, by, code).update() == 1;
    }

    public boolean setActive(String code, boolean active, String by) {
        return jdbc.sql("UPDATE reg_incentive SET active = ?, updated_by = ?, updated_at = now() WHERE code = ?")
                .params(active, by, code).update() == 1;
    }

    public List<Candidate> candidates(LocalDate today) {
        return jdbc.sql("""
                        WITH back AS (
                          SELECT a.scholar_id, max(o.returned_on) AS returned_on
                          FROM reg_obligation o JOIN reg_award a ON a.id = o.award_id
                          WHERE o.returned_on IS NOT NULL AND o.returned_on <= :today
                            AND o.state NOT IN ('IN_BREACH', 'REPAYING', 'REPAID', 'WRITTEN_OFF')
                          GROUP BY a.scholar_id
                        ), job AS (
                          SELECT DISTINCT ON (scholar_id) scholar_id, sector, region, salary_band
                          FROM reg_employment
                          WHERE country = 'KZ' AND start_date <= :today AND (end_date IS NULL OR end_date >= :today)
                          ORDER BY scholar_id, start_date DESC, id DESC
                        )
                        SELECT b.scholar_id, s.pseudonym, b.returned_on, j.sector, j.region, j.salary_band
                        FROM back b JOIN job j ON j.scholar_id = b.scholar_id JOIN reg_scholar s ON s.id = b.scholar_id
                        ORDER BY b.scholar_id""").param("today", today)
                .query((rs, n) -> {
                    String region = rs.getString("region");
                    return new Candidate(rs.getLong("scholar_id"), rs.getString("pseudonym"),
                            rs.getDate("returned_on").toLocalDate(), rs.getString("sector"),
                            region == null ? null : region.trim(), rs.getString("salary_band"));
                }).list();
    }

    /** An award with its scholar, for eligibility on a day other than today (see {@link #jobsOn}). */
    public record AwardOf(long awardId, long scholarId, String pseudonym) {
    }

    /** A job held in Kazakhstan on a day (the latest-starting one if several). */
    public record JobOn(long scholarId, String sector, String region, String salaryBand) {
    }

    public List<AwardOf> awards() {
        return jdbc.sql("""
                        SELECT a.id, a.scholar_id, s.pseudonym FROM reg_award a JOIN reg_scholar s ON s.id = a.scholar_id
                        ORDER BY a.id""")
                .query((rs, n) -> new AwardOf(rs.getLong(1), rs.getLong(2), rs.getString(3))).list();
    }

    public List<JobOn> jobsOn(LocalDate day) {
        return jdbc.sql("""
                        SELECT DISTINCT ON (scholar_id) scholar_id, sector, region, salary_band
                        FROM reg_employment
                        WHERE country = 'KZ' AND start_date <= :day AND (end_date IS NULL OR end_date >= :day)
                        ORDER BY scholar_id, start_date DESC, id DESC""").param("day", day)
                .query((rs, n) -> {
                    String region = rs.getString("region");
                    return new JobOn(rs.getLong("scholar_id"), rs.getString("sector"),
                            region == null ? null : region.trim(), rs.getString("salary_band"));
                }).list();
    }
}
