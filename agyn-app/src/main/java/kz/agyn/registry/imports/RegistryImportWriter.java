package kz.agyn.registry.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import kz.agyn.platform.copy.CopyText;
import kz.agyn.platform.copy.CopyWriter;
import kz.agyn.registry.imports.AwardParser.AwardIn;
import kz.agyn.registry.imports.JobParser.JobIn;
import kz.agyn.registry.imports.RegistryImportChecks.Checked;
import kz.agyn.registry.imports.ScholarParser.ScholarIn;
import kz.agyn.registry.imports.internal.RegistryImportRepository;
import kz.agyn.registry.internal.EncryptedText;
import kz.agyn.registry.keys.BlindIndex;
import kz.agyn.registry.keys.PersonalDataCipher;
import kz.agyn.registry.keys.Pseudonym;
import kz.agyn.registry.obligation.ObligationService;
import kz.agyn.registry.obligation.RuleBook;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Writes checked rows with COPY, on the caller's transaction's connection: scholars, awards, jobs, and the
 * deferrals and return decisions the awards file states. Personal data and free text are encrypted first, on
 * every core: nine AES-GCM encryptions and four keyed hashes per scholar are most of an import's work, and each
 * row's are independent of the others'.
 */
@Component
class RegistryImportWriter {

    private final DataSource dataSource;
    private final RegistryImportRepository registry;
    private final ObligationService obligations;
    private final PersonalDataCipher cipher;
    private final BlindIndex index;
    private final Pseudonym pseudonym;

    RegistryImportWriter(DataSource dataSource, RegistryImportRepository registry, ObligationService obligations,
                         PersonalDataCipher cipher, BlindIndex index, Pseudonym pseudonym) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.obligations = obligations;
        this.cipher = cipher;
        this.index = index;
        this.pseudonym = pseudonym;
    }

    /** Writes the new rows, in the caller's transaction; returns the milliseconds spent encrypting. */
    long write(Checked rows, String by, RegistryImportProgress progress) {
        List<ScholarIn> scholars = rows.scholars();
        List<AwardIn> awards = rows.awards();
        List<JobIn> jobs = rows.jobs();
        Map<String, Long> ids = new HashMap<>(rows.registryScholars());
        // Read before any COPY starts: while a COPY is open the connection answers no other query.
        RuleBook book = obligations.ruleBook();
        List<Long> scholarIds = registry.nextScholarIds(scholars.size());
        List<Long> awardIds = registry.nextAwardIds(awards.size());
        for (int i = 0; i < scholars.size(); i++) {
            ids.put(scholars.get(i).ref(), scholarIds.get(i));
        }
        long encrypting = System.nanoTime();
        CopyText[] scholarRows = scholarRows(scholars, rows.iinHashes(), scholarIds, progress);
        // Employers, BINs and evidence are encrypted like names (EncryptedText), on every core as well.
        byte[][][] jobTexts = new byte[jobs.size()][][];
        IntStream.range(0, jobs.size()).parallel().forEach(i -> {
            JobIn j = jobs.get(i);
            jobTexts[i] = new byte[][] {seal(EncryptedText.EMPLOYER, j.employer()),
                seal(EncryptedText.EMPLOYER_BIN, j.bin()), seal(EncryptedText.EVIDENCE, name(j.evidence()))};
        });
        long encrypted = System.nanoTime();
        progress.check();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        List<CopyWriter> writers = new ArrayList<>();
        try {
            CopyWriter w = open(connection, writers, "COPY reg_scholar (id, external_ref, iin_hash, iin_enc, "
                    + "last_name_enc, first_name_enc, patronymic_enc, name_ru_enc, name_latin_enc, email_enc, "
                    + "phone_enc, last_name_hash, first_name_hash, pseudonym, birth_year, sex, synthetic, "
                    + "name_keys_version) FROM STDIN");
            for (CopyText row : scholarRows) {
                w.row().rows(row);
            }
            w.finish();
            w = open(connection, writers,
                    "COPY reg_scholar_name_key (scholar_id, slot, last_key, first_key) FROM STDIN");
            for (CopyText keys : nameKeyRows(scholars, scholarIds)) {
                w.row().rows(keys);
            }
            w.finish();
            Map<String, Long> awardIdsByRef = new HashMap<>();
            w = open(connection, writers, "COPY reg_award (id, external_ref, scholar_id, programme, "
                    + "rule_version, call_year, degree, field, university, country, funding_kzt, guarantee_kind, "
                    + "guarantee_ref_enc, awarded_on, study_start, planned_end, actual_end, synthetic, foreign_grant, "
                    + "honours, spent_kzt) FROM STDIN");
            for (int i = 0; i < awards.size(); i++) {
                AwardIn a = awards.get(i);
                long id = awardIds.get(i);
                written(progress, i);
                awardIdsByRef.put(a.ref(), id);
                LocalDate on = a.awardedOn() != null ? a.awardedOn() : a.start();
                int version = book.inForceOn(a.programme(), on).version();
                w.row().number(id).text(a.ref()).number(ids.get(a.scholarRef())).text(a.programme())
                        .number(version).number(a.callYear()).text(name(a.degree())).text(a.field())
                        .text(a.university()).text(a.country()).decimal(a.funding()).text(name(a.securityKind()))
                        .bytea(seal(EncryptedText.GUARANTEE_REF, a.securityRef())).date(a.awardedOn())
                        .date(a.start()).date(a.planned()).date(a.actual()).bool(a.synthetic()).bool(a.foreignGrant())
                        .bool(a.honours()).decimal(a.spent()).end();
            }
            w.finish();
            w = open(connection, writers, "COPY reg_employment (scholar_id, seq, employer_enc, "
                    + "employer_bin_enc, sector, region, country, isco, start_date, end_date, salary_band, "
                    + "evidence_enc, synthetic, created_by) FROM STDIN");
            for (int i = 0; i < jobs.size(); i++) {
                JobIn j = jobs.get(i);
                written(progress, i);
                w.row().number(ids.get(j.scholarRef())).number(j.seq()).bytea(jobTexts[i][0]).bytea(jobTexts[i][1])
                        .text(name(j.sector())).text(j.kato()).text(j.country()).text(j.isco()).date(j.start())
                        .date(j.end()).text(name(j.band())).bytea(jobTexts[i][2]).bool(j.synthetic()).text(by)
                        .end();
            }
            w.finish();
            progress.check();
            w = open(connection, writers,
                    "COPY reg_deferral (award_id, from_date, to_date, reason_enc, approved_by) FROM STDIN");
            for (AwardIn a : awards) {
                if (a.deferredUntil() != null) {
                    LocalDate from = (a.actual() != null ? a.actual() : a.planned()).plusDays(1);
                    w.row().number(awardIdsByRef.get(a.ref())).date(from).date(a.deferredUntil())
                            .bytea(seal(EncryptedText.DEFERRAL_REASON, a.deferralReason())).text(by).end();
                }
            }
            w.finish();
            w = open(connection, writers,
                    "COPY reg_decision (award_id, kind, on_date, reason_enc, decided_by) FROM STDIN");
            for (AwardIn a : awards) {
                if (a.returnedOn() != null) {
                    w.row().number(awardIdsByRef.get(a.ref())).text("RETURN_CONFIRMED").date(a.returnedOn())
                            .bytea(seal(EncryptedText.DECISION_REASON, "import")).text(by).end();
                }
            }
            w.finish();
            return (encrypted - encrypting) / 1_000_000;
        } catch (SQLException e) {
            writers.forEach(CopyWriter::close);
            throw new IllegalStateException("COPY into the registry failed", e);
        } catch (RuntimeException e) {
            writers.forEach(CopyWriter::close);
            throw e;
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static CopyWriter open(Connection connection, List<CopyWriter> opened, String sql) throws SQLException {
        CopyWriter w = CopyWriter.open(connection, sql);
        opened.add(w);
        return w;
    }

    /** The scholars' COPY rows, a block each, encrypted and hashed on every core. */
    private CopyText[] scholarRows(List<ScholarIn> scholars, List<byte[]> iinHashes, List<Long> ids,
                                   RegistryImportProgress progress) {
        CopyText[] rows = new CopyText[scholars.size()];
        IntStream.range(0, rows.length).parallel().forEach(i -> {
            written(progress, i);
            ScholarIn s = scholars.get(i);
            byte[] hash = iinHashes.get(i);
            rows[i] = new CopyText(1024).number(ids.get(i)).text(s.ref()).bytea(hash)
                    .bytea(enc("iin", s.iin().value())).bytea(enc("last_name", s.lastKk()))
                    .bytea(enc("first_name", s.firstKk())).bytea(enc("patronymic", s.patronymicKk()))
                    .bytea(enc("name_ru", s.nameRu())).bytea(enc("name_latin", s.nameLatin()))
                    .bytea(enc("email", s.email())).bytea(enc("phone", s.phone())).bytea(index.name(s.lastKk()))
                    .bytea(index.name(s.firstKk())).text(pseudonym.of(hash)).number(s.birthYear()).text(s.sex())
                    .bool(s.synthetic()).number(BlindIndex.NAME_KEYS_VERSION).end();
        });
        return rows;
    }

    /** The scholars' name search keys ({@link BlindIndex#nameKeys}), a block of three rows each, on every core. */
    private CopyText[] nameKeyRows(List<ScholarIn> scholars, List<Long> ids) {
        CopyText[] rows = new CopyText[scholars.size()];
        IntStream.range(0, rows.length).parallel().forEach(i -> {
            ScholarIn s = scholars.get(i);
            List<byte[][]> keys = index.nameKeys(s.lastKk(), s.firstKk(), s.nameRu(), s.nameLatin());
            CopyText block = new CopyText(3 * 160);
            for (int slot = 0; slot < keys.size(); slot++) {
                block.number(ids.get(i)).number(slot).bytea(keys.get(slot)[0]).bytea(keys.get(slot)[1]).end();
            }
            rows[i] = block;
        });
        return rows;
    }

    /** Counts a row towards the bar, and looks for a cancel now and then rather than at every row. */
    private static void written(RegistryImportProgress progress, int i) {
        progress.advance(1);
        if (i % 512 == 0) {
            progress.check();
        }
    }

    private byte[] enc(String field, String value) {
        return value == null ? null : cipher.encrypt("scholar." + field, value);
    }

    private byte[] seal(EncryptedText column, String value) {
        return value == null ? null : cipher.encrypt(column.field(), value);
    }

    private static String name(Enum<?> code) {
        return code == null ? null : code.name();
    }
}
