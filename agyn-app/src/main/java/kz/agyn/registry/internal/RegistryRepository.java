package kz.agyn.registry.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the registry. Personal columns, free text and identifying references go in and come out encrypted; this
 * class never sees their plaintext.
 */
@Repository
public class RegistryRepository {

    private static final String SCHOLAR = """
            id, iin_enc, last_name_enc, first_name_enc, patronymic_enc, name_ru_enc, name_latin_enc, email_enc,
            phone_enc, pseudonym, birth_year, sex, synthetic, anonymised_at""";
    private static final String AWARD = """
            id, scholar_id, programme, rule_version, call_year, degree, field, university, country, funding_kzt,
            guarantee_ref_enc, awarded_on, study_start, planned_end, actual_end, synthetic, foreign_grant, honours,
            spent_kzt""";
    private static final String EMPLOYMENT = """
            id, scholar_id, employer_enc, employer_bin_enc, sector, region, country, isco, start_date, end_date,
            salary_band, evidence_enc, synthetic""";

    private final JdbcClient jdbc;

    public RegistryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertScholar(byte[] iinHash, RegistryRows.Scholar s, byte[] lastNameHash, byte[] firstNameHash) {
        return jdbc.sql("""
                        INSERT INTO reg_scholar (iin_hash, iin_enc, last_name_enc, first_name_enc, patronymic_enc,
                          name_ru_enc, name_latin_enc, email_enc, phone_enc, last_name_hash, first_name_hash,
                          pseudonym, birth_year, sex, synthetic)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(iinHash, s.iin(), s.lastName(), s.firstName(), s.patronymic(), s.nameRu(), s.nameLatin(),
                        s.email(), s.phone(), lastNameHash, firstNameHash, s.pseudonym(), s.birthYear(), s.sex(),
                        s.synthetic())
                .query(Long.class).single();
    }

    public Optional<RegistryRows.Scholar> scholar(long id) {
        return jdbc.sql("SELECT " + SCHOLAR + " FROM reg_scholar WHERE id = ?").param(id)
                .query(RegistryRepository::scholarRow).optional();
    }

    public List<RegistryRows.Scholar> scholars(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + SCHOLAR + " FROM reg_scholar WHERE id IN (:ids) ORDER BY id")
                .param("ids", ids).query(RegistryRepository::scholarRow).list();
    }

    public List<Long> idsByIinHash(List<byte[]> hashes) {
        return hashes.stream().flatMap(h -> jdbc.sql("SELECT id FROM reg_scholar WHERE iin_hash = ?").param(h)
                .query(Long.class).list().stream()).distinct().toList();
    }

    /**
     * Replaces a scholar's name search keys ({@code BlindIndex#nameKeys}: one (last, first) pair per slot) and
     * records the rule version they were made under.
     */
    public void writeNameKeys(long scholarId, List<byte[][]> pairs, int version) {
        jdbc.sql("DELETE FROM reg_scholar_name_key WHERE scholar_id = ?").param(scholarId).update();
        for (int slot = 0; slot < pairs.size(); slot++) {
            jdbc.sql("INSERT INTO reg_scholar_name_key (scholar_id, slot, last_key, first_key) VALUES (?, ?, ?, ?)")
                    .params(scholarId, slot, pairs.get(slot)[0], pairs.get(slot)[1]).update();
        }
        jdbc.sql("UPDATE reg_scholar SET name_keys_version = ? WHERE id = ?").params(version, scholarId).update();
    }

    /** Scholars with names whose search keys were made under another rule version than {@code version}, or none. */
    public long countNameKeysPending(int version) {
        return jdbc.sql("""
                        SELECT count(*) FROM reg_scholar WHERE name_keys_version IS DISTINCT FROM ?
                          AND anonymised_at IS NULL AND last_name_enc IS NOT NULL""")
                .param(version).query(Long.class).single();
    }

    /**
     * The next of those after {@code afterId}, by id, locked until the caller's transaction ends (an officer
     * anonymising one meanwhile waits for the batch).
     */
    public List<RegistryRows.Scholar> nameKeysPendingAfter(int version, long afterId, int limit) {
        return jdbc.sql("SELECT " + SCHOLAR + """
                         FROM reg_scholar WHERE id > ? AND name_keys_version IS DISTINCT FROM ?
                          AND anonymised_at IS NULL AND last_name_enc IS NOT NULL
                        ORDER BY id LIMIT ? FOR UPDATE""")
                .params(afterId, version, limit).query(RegistryRepository::scholarRow).list();
    }

    /**
     * How many scholars match a name search: any slot whose last key is one of {@code last} and, when
     * {@code first} is given, whose first key is the one at the same position (each position is one reading of
     * the query, "last first" or "first last").
     */
    public long countByNameKeys(List<byte[]> last, List<byte[]> first) {
        List<Object> params = new ArrayList<>();
        return jdbc.sql("SELECT count(DISTINCT scholar_id) FROM reg_scholar_name_key WHERE "
                + nameMatch(last, first, params)).params(params).query(Long.class).single();
    }

    /** One page of the scholars {@link #countByNameKeys} counts, by id. */
    public List<Long> idsByNameKeys(List<byte[]> last, List<byte[]> first, long offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = nameMatch(last, first, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("SELECT DISTINCT scholar_id FROM reg_scholar_name_key WHERE " + where
                + " ORDER BY scholar_id LIMIT ? OFFSET ?").params(params).query(Long.class).list();
    }

    private static String nameMatch(List<byte[]> last, List<byte[]> first, List<Object> params) {
        List<String> or = new ArrayList<>();
        for (int i = 0; i < last.size(); i++) {
            params.add(last.get(i));
            if (first == null) {
                or.add("last_key = ?");
            } else {
                params.add(first.get(i));
                or.add("(last_key = ? AND first_key = ?)");
            }
        }
        return "(" + String.join(" OR ", or) + ")";
    }

    public Optional<Long> idByPseudonym(String pseudonym) {
        return jdbc.sql("SELECT id FROM reg_scholar WHERE pseudonym = ?").param(pseudonym).query(Long.class)
                .optional();
    }

    /**
     * Erases what identifies the scholar or was written about them: the IIN (its hash replaced by random bytes),
     * names, contacts and their search hashes and keys, the operator's record numbers of the scholar and the awards, the
     * universities, and every column of {@link EncryptedText} in the scholar's rows (employers, BINs, evidence,
     * guarantee references, deferral and decision reasons, the officers' grounds in the status history, task
     * notes). What statistics need stays: birth year, sex, the pseudonym, programmes, call years, degrees, fields,
     * countries, funding, dates, sectors, regions, occupations, salary bands, decisions' and tasks' kinds and
     * dates, the states and their codes.
     */
    public void anonymise(long id, byte[] randomIinHash) {
        jdbc.sql("""
                        UPDATE reg_scholar SET iin_hash = ?, iin_enc = NULL, last_name_enc = NULL,
                          first_name_enc = NULL, patronymic_enc = NULL, name_ru_enc = NULL, name_latin_enc = NULL,
                          email_enc = NULL, phone_enc = NULL, last_name_hash = NULL, first_name_hash = NULL,
                          external_ref = NULL, anonymised_at = now()
                        WHERE id = ?""").params(randomIinHash, id).update();
        jdbc.sql("DELETE FROM reg_scholar_name_key WHERE scholar_id = ?").param(id).update();
        jdbc.sql("UPDATE reg_award SET external_ref = NULL, university = NULL WHERE scholar_id = ?").param(id)
                .update();
        for (EncryptedText column : EncryptedText.values()) {
            jdbc.sql("UPDATE " + column.table() + " SET " + column.column() + " = NULL WHERE " + column.ofScholar())
                    .param(id).update();
        }
    }

    /** Whether an anonymised scholar has this pseudonym: the person was erased on request. */
    public boolean erased(String pseudonym) {
        return jdbc.sql("SELECT count(*) FROM reg_scholar WHERE pseudonym = ? AND anonymised_at IS NOT NULL")
                .param(pseudonym).query(Long.class).single() > 0;
    }

    public long insertAward(RegistryRows.Award a) {
        return jdbc.sql("""
                        INSERT INTO reg_award (scholar_id, programme, rule_version, call_year, degree, field,
                          university, country, funding_kzt, guarantee_ref_enc, awarded_on, study_start, planned_end,
                          actual_end, synthetic, foreign_grant, honours, spent_kzt)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(a.scholarId(), a.programme(), a.ruleVersion(), a.callYear(), a.degree(), a.field(),
                        a.university(), a.country(), a.fundingKzt(), a.guaranteeRef(), a.awardedOn(), a.studyStart(),
                        a.plannedEnd(), a.actualEnd(), a.synthetic(), a.foreignGrant(), a.honours(), a.spentKzt())
                .query(Long.class).single();
    }

    public List<RegistryRows.Award> awardsOf(long scholarId) {
        return jdbc.sql("SELECT " + AWARD + " FROM reg_award WHERE scholar_id = ? ORDER BY study_start, id")
                .param(scholarId).query(RegistryRepository::awardRow).list();
    }

    public Optional<RegistryRows.Award> award(long id) {
        return jdbc.sql("SELECT " + AWARD + " FROM reg_award WHERE id = ?").param(id)
                .query(RegistryRepository::awardRow).optional();
    }

    public List<RegistryRows.Award> allAwards() {
        return jdbc.sql("SELECT " + AWARD + " FROM reg_award ORDER BY scholar_id, id")
                .query(RegistryRepository::awardRow).list();
    }

    public long insertEmployment(RegistryRows.Employment e, String by) {
        return jdbc.sql("""
                        INSERT INTO reg_employment (scholar_id, employer_enc, employer_bin_enc, sector, region, country,
                          isco, start_date, end_date, salary_band, evidence_enc, synthetic, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(e.scholarId(), e.employer(), e.employerBin(), e.sector(), e.region(), e.country(), e.isco(),
                        e.start(), e.end(), e.salaryBand(), e.evidence(), e.synthetic(), by)
                .query(Long.class).single();
    }

    public List<RegistryRows.Employment> employmentsOf(long scholarId) {
        return jdbc.sql("SELECT " + EMPLOYMENT + " FROM reg_employment WHERE scholar_id = ? ORDER BY start_date, id")
                .param(scholarId).query(RegistryRepository::employmentRow).list();
    }

    public List<RegistryRows.Employment> allEmployments() {
        return jdbc.sql("SELECT " + EMPLOYMENT + " FROM reg_employment ORDER BY scholar_id, start_date, id")
                .query(RegistryRepository::employmentRow).list();
    }

    /**
     * Every job, by scholar and start, with only what evaluation reads: a full recomputation loads all 60,000, and
     * the employer names alone are most of the bytes of a whole row.
     */
    public List<RegistryRows.Episode> allEpisodes() {
        return jdbc.sql("SELECT scholar_id, sector, region, country, start_date, end_date, isco FROM reg_employment "
                        + "ORDER BY scholar_id, start_date, id")
                .query((rs, n) -> new RegistryRows.Episode(rs.getLong(1), rs.getString(2), trim(rs.getString(3)),
                        trim(rs.getString(4)), date(rs, 5), date(rs, 6), rs.getString(7))).list();
    }

    public long insertDeferral(long awardId, LocalDate from, LocalDate to, byte[] reason, String by) {
        return jdbc.sql("""
                        INSERT INTO reg_deferral (award_id, from_date, to_date, reason_enc, approved_by)
                        VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(awardId, from, to, reason, by).query(Long.class).single();
    }

    public List<RegistryRows.Deferral> deferrals(Collection<Long> awardIds) {
        String where = awardIds == null ? "" : " WHERE award_id IN (:ids)";
        if (awardIds != null && awardIds.isEmpty()) {
            return List.of();
        }
        var spec = jdbc.sql("SELECT id, award_id, from_date, to_date, reason_enc, approved_by FROM reg_deferral" + where
                + " ORDER BY award_id, from_date");
        if (awardIds != null) {
            spec = spec.param("ids", awardIds);
        }
        return spec.query((rs, n) -> new RegistryRows.Deferral(rs.getLong(1), rs.getLong(2), date(rs, 3),
                date(rs, 4), rs.getBytes(5), rs.getString(6))).list();
    }

    public long insertDecision(long awardId, String kind, LocalDate on, byte[] reason, String by) {
        return jdbc.sql("""
                        INSERT INTO reg_decision (award_id, kind, on_date, reason_enc, decided_by)
                        VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(awardId, kind, on, reason, by).query(Long.class).single();
    }

    public List<RegistryRows.Decision> decisions(Collection<Long> awardIds) {
        if (awardIds != null && awardIds.isEmpty()) {
            return List.of();
        }
        var spec = jdbc.sql("SELECT id, award_id, kind, on_date, reason_enc, decided_by FROM reg_decision"
                + (awardIds == null ? "" : " WHERE award_id IN (:ids)") + " ORDER BY award_id, on_date, id");
        if (awardIds != null) {
            spec = spec.param("ids", awardIds);
        }
        return spec.query((rs, n) -> new RegistryRows.Decision(rs.getLong(1), rs.getLong(2), rs.getString(3),
                date(rs, 4), rs.getBytes(5), rs.getString(6))).list();
    }

    /** A change of state: {@code reason} a code, {@code note} the officer's words encrypted, or null. */
    public void insertStatus(long awardId, String from, String to, String by, String reason, byte[] note) {
        insertStatus(awardId, from, to, by, reason, note, null);
    }

    /** As above, with the day the change took effect (a decision's date, not the day it was typed in). */
    public void insertStatus(long awardId, String from, String to, String by, String reason, byte[] note,
                             LocalDate effectiveOn) {
        jdbc.sql("""
                        INSERT INTO reg_status_history (award_id, from_state, to_state, by_user, reason, note_enc,
                          effective_on)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(awardId, from, to, by, reason, note, effectiveOn).update();
    }

    public List<RegistryRows.Status> history(Collection<Long> awardIds) {
        if (awardIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT award_id, from_state, to_state, at, by_user, reason, note_enc, effective_on
                        FROM reg_status_history WHERE award_id IN (:ids) ORDER BY award_id, at, id""")
                .param("ids", awardIds)
                .query((rs, n) -> new RegistryRows.Status(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getBytes(7),
                        date(rs, 8))).list();
    }

    public void saveObligation(RegistryRows.Obligation o) {
        jdbc.sql("""
                        INSERT INTO reg_obligation (award_id, state, days_required, days_worked, days_left,
                          return_deadline, returned_on, fulfilment_date, repay_kzt, reasons, evaluated_on, evaluated_at,
                          owed_if_declared_kzt)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?)
                        ON CONFLICT (award_id) DO UPDATE SET state = excluded.state,
                          days_required = excluded.days_required, days_worked = excluded.days_worked,
                          days_left = excluded.days_left, return_deadline = excluded.return_deadline,
                          returned_on = excluded.returned_on, fulfilment_date = excluded.fulfilment_date,
                          repay_kzt = excluded.repay_kzt, reasons = excluded.reasons,
                          evaluated_on = excluded.evaluated_on, evaluated_at = now(),
                          owed_if_declared_kzt = excluded.owed_if_declared_kzt""")
                .params(o.awardId(), o.state(), o.daysRequired(), o.daysWorked(), o.daysLeft(), o.returnDeadline(),
                        o.returnedOn(), o.fulfilmentDate(), o.repayKzt(), o.reasons(), o.evaluatedOn(),
                        o.owedIfDeclaredKzt())
                .update();
    }

    public Optional<RegistryRows.Obligation> obligation(long awardId) {
        return jdbc.sql("SELECT * FROM reg_obligation WHERE award_id = ?").param(awardId)
                .query(RegistryRepository::obligationRow).optional();
    }

    public List<RegistryRows.Obligation> allObligations() {
        return jdbc.sql("SELECT * FROM reg_obligation").query(RegistryRepository::obligationRow).list();
    }

    public List<RegistryRows.RuleSet> ruleSets() {
        return jdbc.sql("SELECT * FROM reg_rule_set ORDER BY programme, version")
                .query((rs, n) -> new RegistryRows.RuleSet(rs.getInt("id"), rs.getString("programme"),
                        rs.getInt("version"), date(rs, "valid_from"), rs.getString("rules"), rs.getString("note"),
                        rs.getString("created_by"), rs.getTimestamp("created_at").toInstant())).list();
    }

    public void insertRuleSet(String programme, int version, LocalDate validFrom, String rules, String note,
                              String by) {
        jdbc.sql("""
                        INSERT INTO reg_rule_set (programme, version, valid_from, rules, note, created_by)
                        VALUES (?, ?, ?, ?, ?, ?)""").params(programme, version, validFrom, rules, note, by).update();
    }

    public List<String> programmes() {
        return jdbc.sql("SELECT code FROM reg_programme ORDER BY code").query(String.class).list();
    }

    public long countScholars() {
        return jdbc.sql("SELECT count(*) FROM reg_scholar").query(Long.class).single();
    }

    public boolean holdsSyntheticScholars() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM reg_scholar WHERE synthetic)").query(Boolean.class).single();
    }

    private static RegistryRows.Scholar scholarRow(ResultSet rs, int n) throws SQLException {
        Timestamp anonymised = rs.getTimestamp("anonymised_at");
        return new RegistryRows.Scholar(rs.getLong("id"), rs.getBytes("iin_enc"), rs.getBytes("last_name_enc"),
                rs.getBytes("first_name_enc"), rs.getBytes("patronymic_enc"), rs.getBytes("name_ru_enc"),
                rs.getBytes("name_latin_enc"), rs.getBytes("email_enc"), rs.getBytes("phone_enc"),
                rs.getString("pseudonym"), rs.getInt("birth_year"), rs.getString("sex"), rs.getBoolean("synthetic"),
                anonymised == null ? null : anonymised.toInstant());
    }

    private static RegistryRows.Award awardRow(ResultSet rs, int n) throws SQLException {
        return new RegistryRows.Award(rs.getLong("id"), rs.getLong("scholar_id"), rs.getString("programme"),
                rs.getInt("rule_version"), rs.getInt("call_year"), rs.getString("degree"), rs.getString("field"),
                rs.getString("university"), rs.getString("country"), rs.getBigDecimal("funding_kzt"),
                rs.getBytes("guarantee_ref_enc"), date(rs, "awarded_on"), date(rs, "study_start"),
                date(rs, "planned_end"), date(rs, "actual_end"), rs.getBoolean("synthetic"),
                rs.getBoolean("foreign_grant"), rs.getBoolean("honours"), rs.getBigDecimal("spent_kzt"));
    }

    private static RegistryRows.Employment employmentRow(ResultSet rs, int n) throws SQLException {
        return new RegistryRows.Employment(rs.getLong("id"), rs.getLong("scholar_id"), rs.getBytes("employer_enc"),
                rs.getBytes("employer_bin_enc"), rs.getString("sector"), trim(rs.getString("region")),
                trim(rs.getString("country")), rs.getString("isco"), date(rs, "start_date"), date(rs, "end_date"),
                rs.getString("salary_band"), rs.getBytes("evidence_enc"), rs.getBoolean("synthetic"));
    }

    private static RegistryRows.Obligation obligationRow(ResultSet rs, int n) throws SQLException {
        BigDecimal repay = rs.getBigDecimal("repay_kzt");
        return new RegistryRows.Obligation(rs.getLong("award_id"), rs.getString("state"),
                rs.getInt("days_required"), rs.getInt("days_worked"), rs.getInt("days_left"),
                date(rs, "return_deadline"), date(rs, "returned_on"), date(rs, "fulfilment_date"), repay,
                rs.getString("reasons"), date(rs, "evaluated_on"), rs.getBigDecimal("owed_if_declared_kzt"));
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    // getDate goes through java.sql.Date, a Calendar and the default time zone for every value, and a recomputation
    // reads some 150,000 dates; getObject(LocalDate) parses the stored date directly, without a zone.
    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    public static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
