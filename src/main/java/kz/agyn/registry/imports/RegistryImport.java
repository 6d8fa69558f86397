package kz.agyn.registry.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditLog;
import kz.agyn.reference.Country;
import kz.agyn.reference.Occupation;
import kz.agyn.reference.ReferenceData;
import kz.agyn.reference.Region;
import kz.agyn.registry.Access;
import kz.agyn.registry.RegistryAudit;
import kz.agyn.registry.RegistryException;
import kz.agyn.registry.imports.RegistryRows.AwardIn;
import kz.agyn.registry.imports.RegistryRows.Codes;
import kz.agyn.registry.imports.RegistryRows.JobIn;
import kz.agyn.registry.imports.RegistryRows.Problems;
import kz.agyn.registry.imports.RegistryRows.ScholarIn;
import kz.agyn.registry.internal.EncryptedText;
import kz.agyn.registry.keys.BlindIndex;
import kz.agyn.registry.keys.PersonalDataCipher;
import kz.agyn.registry.keys.Pseudonym;
import kz.agyn.registry.obligation.ObligationService;
import kz.agyn.registry.obligation.RuleBook;
import kz.agyn.tabular.Location;
import kz.agyn.tabular.TableReader;
import kz.agyn.tabular.TableReaders;
import kz.agyn.tabular.TabularException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk import of the registry from the three files of docs/formats/registry.md (CSV or XLSX): every row is
 * checked first and the report lists every problem with file, row and column; only a clean set is written, in
 * one transaction, with COPY; rows already present are skipped, so a second import of the same files changes
 * nothing. After the write every obligation is evaluated again, new awards included.
 */
@Service
public class RegistryImport {

    /** Which of the three files a file is. */
    public enum Kind { SCHOLARS, AWARDS, EMPLOYMENTS }

    /** A file to import, with the name the user knows it by. */
    public record Input(Kind kind, String fileName, Path file) {
    }

    private static final Logger log = LoggerFactory.getLogger(RegistryImport.class);
    private static final HexFormat HEX = HexFormat.of();

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final PersonalDataCipher cipher;
    private final BlindIndex index;
    private final Pseudonym pseudonym;
    private final ReferenceData reference;
    private final ObligationService obligations;
    private final AuditLog audit;
    private final MessageSource messages;
    private final ReentrantLock oneAtATime = new ReentrantLock(true);

    public RegistryImport(JdbcTemplate jdbc, DataSource dataSource, TransactionTemplate transactions,
                          PersonalDataCipher cipher, BlindIndex index, Pseudonym pseudonym, ReferenceData reference,
                          ObligationService obligations, AuditLog audit, MessageSource messages) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.cipher = cipher;
        this.index = index;
        this.pseudonym = pseudonym;
        this.reference = reference;
        this.obligations = obligations;
        this.audit = audit;
        this.messages = messages;
    }

    private Codes codes() {
        List<Region> regions = reference.regionHistory();
        LocalDate from = regions.stream().map(Region::validFrom).min(LocalDate::compareTo).orElse(LocalDate.MIN);
        Set<String> isco = new HashSet<>();
        for (Occupation o : reference.occupations()) {
            isco.add(o.code());
        }
        Set<String> countries = new HashSet<>();
        for (Country c : reference.countries()) {
            countries.add(c.iso2().toUpperCase(Locale.ROOT));
        }
        return new Codes(Set.copyOf(jdbc.queryForList("SELECT code FROM reg_programme", String.class)), isco,
                regions, from, countries);
    }

    /** Checks the files and, when {@code write} and nothing is wrong, imports them. */
    public RegistryImportReport run(List<Input> inputs, boolean write, Access access, String by, Locale locale) {
        return run(inputs, write, access, by, locale, new RegistryImportProgress());
    }

    /**
     * As {@link #run(List, boolean, Access, String, Locale)}, reporting to {@code progress} and stopping when it is
     * cancelled: a cancelled import writes nothing and reports status CANCELLED.
     */
    public RegistryImportReport run(List<Input> inputs, boolean write, Access access, String by, Locale locale,
                                    RegistryImportProgress progress) {
        if (!access.mayEdit()) {
            throw new RegistryException(RegistryException.Kind.NOT_FOUND, "registry.access.denied");
        }
        long started = System.nanoTime();
        try {
            // One import at a time: each checks against the registry as it is, and a second one writing meanwhile
            // would make those checks stale.
            while (!oneAtATime.tryLock(200, TimeUnit.MILLISECONDS)) {
                progress.check();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            progress.finish();
            return cancelled(started);
        } catch (RegistryImportProgress.Cancelled e) {
            progress.finish();
            return cancelled(started);
        }
        try {
            return checkAndWrite(inputs, write, by, locale, progress, started);
        } catch (RegistryImportProgress.Cancelled e) {
            log.info("Registry import cancelled during {}; nothing was written", progress.phase());
            return cancelled(started);
        } finally {
            oneAtATime.unlock();
            progress.finish();
        }
    }

    private static RegistryImportReport cancelled(long started) {
        return new RegistryImportReport(RegistryImportReport.CANCELLED, 0, 0, 0, 0, 0, List.of(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private RegistryImportReport checkAndWrite(List<Input> inputs, boolean write, String by, Locale locale,
                                               RegistryImportProgress progress, long started) {
        long bytes = 0;
        for (Input in : inputs) {
            try {
                bytes += Files.size(in.file());
            } catch (IOException e) {
                // An unreadable file is reported when it is read; the bar only loses its length.
            }
        }
        progress.begin(RegistryImportProgress.Phase.READING, bytes);
        Problems problems = new Problems(messages, locale);
        Map<String, Long> knownScholars = new HashMap<>();
        jdbc.query("SELECT external_ref, id FROM reg_scholar WHERE external_ref IS NOT NULL",
                rs -> {
                    knownScholars.put(rs.getString(1), rs.getLong(2));
                });
        Set<String> knownAwards = new HashSet<>(jdbc.queryForList(
                "SELECT external_ref FROM reg_award WHERE external_ref IS NOT NULL", String.class));
        List<ScholarIn> scholars = new ArrayList<>();
        List<AwardIn> awards = new ArrayList<>();
        List<JobIn> jobs = new ArrayList<>();
        int[] existing = {0};
        Set<String> fileScholars = new HashSet<>();
        Codes codes = codes();
        long[] before = {0};
        for (Kind kind : Kind.values()) {
            for (Input in : inputs) {
                if (in.kind() != kind) {
                    continue;
                }
                RegistryRows.read(in, problems, progress, before[0], (cols, row) -> {
                    switch (kind) {
                        case SCHOLARS -> {
                            ScholarIn s = RegistryRows.scholar(cols, row, problems, fileScholars);
                            if (s != null) {
                                if (knownScholars.containsKey(s.ref())) {
                                    existing[0]++;
                                } else {
                                    scholars.add(s);
                                }
                            }
                        }
                        case AWARDS -> {
                            AwardIn a = RegistryRows.award(cols, row, problems, fileScholars, knownScholars.keySet(), codes);
                            if (a != null) {
                                if (knownAwards.contains(a.ref())) {
                                    existing[0]++;
                                } else {
                                    awards.add(a);
                                }
                            }
                        }
                        case EMPLOYMENTS -> {
                            JobIn j = RegistryRows.job(cols, row, problems, fileScholars, knownScholars.keySet(), codes);
                            if (j != null) {
                                jobs.add(j);
                            }
                        }
                    }
                });
                try {
                    before[0] += Files.size(in.file());
                } catch (IOException e) {
                    // as above: only the bar's length
                }
                progress.at(before[0]);
            }
        }
        progress.check();
        progress.begin(RegistryImportProgress.Phase.CHECKING, scholars.size() + awards.size() + jobs.size());
        List<byte[]> iinHashes = checkIinsUnique(scholars, problems);
        progress.advance(scholars.size());
        checkAwardRefsUnique(awards, problems);
        progress.advance(awards.size());
        progress.check();
        Set<Long> jobKeys = new HashSet<>();
        jdbc.query("SELECT scholar_id, seq FROM reg_employment WHERE seq IS NOT NULL",
                rs -> {
                    jobKeys.add(rs.getLong(1) * 100_000 + rs.getInt(2));
                });
        List<JobIn> newJobs = new ArrayList<>();
        Set<String> seenSeq = new HashSet<>();
        for (JobIn j : jobs) {
            if (!seenSeq.add(j.scholarRef() + "#" + j.seq())) {
                problems.add(j.at(), "seq", "registry.import.duplicateSeq", j.seq());
                continue;
            }
            Long id = knownScholars.get(j.scholarRef());
            if (id != null && jobKeys.contains(id * 100_000 + j.seq())) {
                existing[0]++;
            } else {
                newJobs.add(j);
            }
        }
        progress.advance(jobs.size());
        if (inputs.isEmpty()) {
            problems.add(new Location("", null, 0, 0), null, "registry.import.noFiles");
        }
        progress.check();
        String status;
        if (problems.count > 0) {
            status = "INVALID";
        } else if (!write) {
            status = "VALID";
        } else {
            long checked = System.nanoTime();
            long[] times = new long[2];
            // The rows and the obligations they change are written together: a cancel, or a failure, at any point
            // before the commit leaves the registry as it was.
            transactions.executeWithoutResult(tx -> {
                progress.begin(RegistryImportProgress.Phase.WRITING,
                        scholars.size() + awards.size() + newJobs.size());
                times[0] = store(scholars, iinHashes, awards, newJobs, knownScholars, by, progress);
                times[1] = System.nanoTime();
                progress.check();
                progress.begin(RegistryImportProgress.Phase.OBLIGATIONS, 0);
                obligations.recomputeAll();
                progress.commit();
            });
            long encryptMillis = times[0];
            long stored = times[1];
            // Counts and times only: where an import's time goes, for whoever has to make it faster.
            log.info("Registry import: {} scholars, {} awards, {} jobs; read and checked in {} ms, encrypted in {} ms, "
                    + "written in {} ms, obligations evaluated in {} ms", scholars.size(), awards.size(),
                    newJobs.size(), (checked - started) / 1_000_000, encryptMillis,
                    (stored - checked) / 1_000_000 - encryptMillis, (System.nanoTime() - stored) / 1_000_000);
            audit.record(AuditAction.IMPORT, RegistryAudit.SCHOLAR, null, scholars.size(),
                    scholars.size() + " scholars, " + awards.size() + " awards, " + newJobs.size() + " jobs");
            status = "IMPORTED";
        }
        return new RegistryImportReport(status, scholars.size(), awards.size(), newJobs.size(), existing[0],
                problems.count, problems.list, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Which of the three files {@code file} is, from its header (each has a column the other two lack), or else
     * from its name (scholars…, awards…, employments… or jobs…); empty when neither tells.
     */
    public static Optional<Kind> kindOf(Path file, String name) {
        try (TableReader reader = TableReaders.open(file, name, null)) {
            Set<String> columns = new HashSet<>();
            for (String c : reader.columns()) {
                columns.add(c.strip().toLowerCase(Locale.ROOT));
            }
            if (columns.contains("award_ref")) {
                return Optional.of(Kind.AWARDS);
            }
            if (columns.contains("employer_name") || columns.contains("seq")) {
                return Optional.of(Kind.EMPLOYMENTS);
            }
            if (columns.contains("iin")) {
                return Optional.of(Kind.SCHOLARS);
            }
        } catch (TabularException | IOException e) {
            // An unreadable header is reported by the import itself; the name may still tell the kind.
        }
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("scholar")) {
            return Optional.of(Kind.SCHOLARS);
        }
        if (n.startsWith("award")) {
            return Optional.of(Kind.AWARDS);
        }
        if (n.startsWith("employment") || n.startsWith("job")) {
            return Optional.of(Kind.EMPLOYMENTS);
        }
        return Optional.empty();
    }

    /** Reports IINs repeated in the file or already registered; returns the IINs' blind-index hashes, in order. */
    private List<byte[]> checkIinsUnique(List<ScholarIn> scholars, Problems problems) {
        Set<String> seen = new HashSet<>();
        for (ScholarIn s : scholars) {
            if (!seen.add(s.iin().value())) {
                problems.add(s.at(), "iin", "registry.import.duplicateIin", s.ref());
            }
        }
        if (scholars.isEmpty()) {
            return List.of();
        }
        Set<String> existing = new HashSet<>();
        jdbc.query("SELECT encode(iin_hash, 'hex') FROM reg_scholar", rs -> {
            existing.add(rs.getString(1));
        });
        // People erased on request: their records keep only the pseudonym, a keyed function of the IIN. The
        // operator's record number is erased with the rest, so a file that still lists them is told so rather
        // than recording them again.
        Set<String> erased = new HashSet<>(jdbc.queryForList(
                "SELECT pseudonym FROM reg_scholar WHERE anonymised_at IS NOT NULL", String.class));
        List<byte[]> hashes = new ArrayList<>(scholars.size());
        for (ScholarIn s : scholars) {
            // Current key first; the others are retired keys whose rows the re-key job has not reached yet.
            List<byte[]> candidates = index.iinCandidates(s.iin());
            hashes.add(candidates.get(0));
            if (candidates.stream().anyMatch(h -> existing.contains(HEX.formatHex(h)))) {
                problems.add(s.at(), "iin", "registry.import.iinExists", s.ref());
            } else if (!erased.isEmpty() && erased.contains(pseudonym.of(candidates.get(0)))) {
                problems.add(s.at(), "iin", "registry.import.erased", s.ref());
            }
        }
        return hashes;
    }

    private static void checkAwardRefsUnique(List<AwardIn> awards, Problems problems) {
        Set<String> seen = new HashSet<>();
        for (AwardIn a : awards) {
            if (!seen.add(a.ref())) {
                problems.add(a.at(), "award_ref", "registry.import.duplicateRef", a.ref());
            }
        }
    }

    /** Writes the new rows; returns the milliseconds spent encrypting. */
    private long store(List<ScholarIn> scholars, List<byte[]> iinHashes, List<AwardIn> awards, List<JobIn> jobs,
                       Map<String, Long> known, String by, RegistryImportProgress progress) {
        Map<String, Long> ids = new HashMap<>(known);
        // Read before any COPY starts: while a COPY is open the connection answers no other query.
        RuleBook book = obligations.ruleBook();
        List<Long> scholarIds = jdbc.queryForList("SELECT nextval('reg_scholar_id_seq') FROM generate_series(1, ?)",
                Long.class, scholars.size());
        List<Long> awardIds = jdbc.queryForList("SELECT nextval('reg_award_id_seq') FROM generate_series(1, ?)",
                Long.class, awards.size());
        for (int i = 0; i < scholars.size(); i++) {
            ids.put(scholars.get(i).ref(), scholarIds.get(i));
        }
        long encrypting = System.nanoTime();
        String[] scholarRows = scholarRows(scholars, iinHashes, scholarIds, progress);
        // Employers, BINs and evidence are encrypted like names (EncryptedText), on every core as well.
        byte[][][] jobTexts = new byte[jobs.size()][][];
        IntStream.range(0, jobs.size()).parallel().forEach(i -> {
            JobIn j = jobs.get(i);
            jobTexts[i] = new byte[][] {seal(EncryptedText.EMPLOYER, j.employer()),
                seal(EncryptedText.EMPLOYER_BIN, j.bin()), seal(EncryptedText.EVIDENCE,
                    j.evidence() == null ? null : j.evidence().name())};
        });
        long encrypted = System.nanoTime();
        progress.check();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        List<CopyWriter> writers = new ArrayList<>();
        try {
            CopyWriter w = new CopyWriter(connection, writers, "COPY reg_scholar (id, external_ref, iin_hash, iin_enc, "
                    + "last_name_enc, first_name_enc, patronymic_enc, name_ru_enc, name_latin_enc, email_enc, "
                    + "phone_enc, last_name_hash, first_name_hash, pseudonym, birth_year, sex, synthetic) FROM STDIN");
            for (String row : scholarRows) {
                w.row(row);
            }
            w.finish();
            Map<String, Long> awardIdsByRef = new HashMap<>();
            w = new CopyWriter(connection, writers, "COPY reg_award (id, external_ref, scholar_id, programme, "
                    + "rule_version, call_year, degree, field, university, country, funding_kzt, guarantee_kind, "
                    + "guarantee_ref_enc, awarded_on, study_start, planned_end, actual_end, synthetic) FROM STDIN");
            for (int i = 0; i < awards.size(); i++) {
                AwardIn a = awards.get(i);
                long id = awardIds.get(i);
                written(progress, i);
                awardIdsByRef.put(a.ref(), id);
                LocalDate on = a.awardedOn() != null ? a.awardedOn() : a.start();
                int version = book.inForceOn(a.programme(), on).version();
                w.row().cell(id).cell(a.ref()).cell(ids.get(a.scholarRef())).cell(a.programme()).cell(version)
                        .cell(a.callYear()).cell(a.degree()).cell(a.field()).cell(a.university()).cell(a.country())
                        .cell(a.funding().toPlainString()).cell(a.securityKind())
                        .bytes(seal(EncryptedText.GUARANTEE_REF, a.securityRef()))
                        .cell(a.awardedOn()).cell(a.start()).cell(a.planned()).cell(a.actual()).last(a.synthetic());
            }
            w.finish();
            w = new CopyWriter(connection, writers, "COPY reg_employment (scholar_id, seq, employer_enc, "
                    + "employer_bin_enc, sector, region, country, isco, start_date, end_date, salary_band, "
                    + "evidence_enc, synthetic, created_by) FROM STDIN");
            for (int i = 0; i < jobs.size(); i++) {
                JobIn j = jobs.get(i);
                written(progress, i);
                w.row().cell(ids.get(j.scholarRef())).cell(j.seq()).bytes(jobTexts[i][0]).bytes(jobTexts[i][1])
                        .cell(j.sector()).cell(j.kato()).cell(j.country()).cell(j.isco()).cell(j.start())
                        .cell(j.end()).cell(j.band()).bytes(jobTexts[i][2]).cell(j.synthetic()).last(by);
            }
            w.finish();
            progress.check();
            CopyWriter deferrals = new CopyWriter(connection, writers,
                    "COPY reg_deferral (award_id, from_date, to_date, reason_enc, approved_by) FROM STDIN");
            for (AwardIn a : awards) {
                if (a.deferredUntil() != null) {
                    LocalDate from = (a.actual() != null ? a.actual() : a.planned()).plusDays(1);
                    deferrals.row().cell(awardIdsByRef.get(a.ref())).cell(from).cell(a.deferredUntil())
                            .bytes(seal(EncryptedText.DEFERRAL_REASON, a.deferralReason())).last(by);
                }
            }
            deferrals.finish();
            CopyWriter returns = new CopyWriter(connection, writers,
                    "COPY reg_decision (award_id, kind, on_date, reason_enc, decided_by) FROM STDIN");
            for (AwardIn a : awards) {
                if (a.returnedOn() != null) {
                    returns.row().cell(awardIdsByRef.get(a.ref())).cell("RETURN_CONFIRMED").cell(a.returnedOn())
                            .bytes(seal(EncryptedText.DECISION_REASON, "import")).last(by);
                }
            }
            returns.finish();
            return (encrypted - encrypting) / 1_000_000;
        } catch (SQLException e) {
            abort(writers);
            throw new IllegalStateException("COPY into the registry failed", e);
        } catch (RuntimeException e) {
            abort(writers);
            throw e;
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Counts a row towards the bar, and looks for a cancel now and then rather than at every row. */
    private static void written(RegistryImportProgress progress, int i) {
        progress.advance(1);
        if (i % 512 == 0) {
            progress.check();
        }
    }

    private static void abort(List<CopyWriter> writers) {
        for (CopyWriter w : writers) {
            w.abort();
        }
    }

    /**
     * The scholars' COPY rows. Nine AES-GCM encryptions and four keyed hashes per scholar are most of an import's
     * work, and each row's are independent of the others', so they run on every core.
     */
    private String[] scholarRows(List<ScholarIn> scholars, List<byte[]> iinHashes, List<Long> ids,
                                 RegistryImportProgress progress) {
        String[] rows = new String[scholars.size()];
        IntStream.range(0, rows.length).parallel().forEach(i -> {
            written(progress, i);
            ScholarIn s = scholars.get(i);
            byte[] hash = iinHashes.get(i);
            CopyRow r = new CopyRow(new StringBuilder(1024));
            r.cell(ids.get(i)).cell(s.ref()).bytes(hash).bytes(enc("iin", s.iin().value()))
                    .bytes(enc("last_name", s.lastKk())).bytes(enc("first_name", s.firstKk()))
                    .bytes(enc("patronymic", s.patronymicKk())).bytes(enc("name_ru", s.nameRu()))
                    .bytes(enc("name_latin", s.nameLatin())).bytes(enc("email", s.email()))
                    .bytes(enc("phone", s.phone())).bytes(index.name(s.lastKk())).bytes(index.name(s.firstKk()))
                    .cell(pseudonym.of(hash)).cell(s.birthYear()).cell(s.sex()).last(s.synthetic());
            rows[i] = r.sb.toString();
        });
        return rows;
    }

    private byte[] enc(String field, String value) {
        return value == null ? null : cipher.encrypt("scholar." + field, value);
    }

    private byte[] seal(EncryptedText column, String value) {
        return value == null ? null : cipher.encrypt(column.field(), value);
    }

    /** One COPY text row: tabs between cells, \N for null, backslash escapes for text, bytea as hex. */
    private static final class CopyRow {
        final StringBuilder sb;

        CopyRow(StringBuilder sb) {
            this.sb = sb;
        }

        CopyRow cell(Object value) {
            append(value);
            sb.append('\t');
            return this;
        }

        CopyRow bytes(byte[] value) {
            if (value == null) {
                sb.append("\\N");
            } else {
                sb.append("\\\\x").append(HEX.formatHex(value));
            }
            sb.append('\t');
            return this;
        }

        void last(Object value) {
            append(value);
            sb.append('\n');
        }

        private void append(Object value) {
            if (value == null) {
                sb.append("\\N");
                return;
            }
            String s = value.toString();
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '\\' -> sb.append("\\\\");
                    case '\t' -> sb.append("\\t");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    default -> sb.append(ch);
                }
            }
        }
    }

    /** A COPY FROM STDIN, fed in blocks of about 64 KiB. */
    private static final class CopyWriter {
        private final CopyIn copy;
        private final StringBuilder sb = new StringBuilder(1 << 17);
        private final CopyRow row = new CopyRow(sb);

        CopyWriter(Connection connection, List<CopyWriter> opened, String sql) throws SQLException {
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            opened.add(this);
        }

        /** Ends an unfinished COPY, so that the connection can roll the transaction back. */
        void abort() {
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            } catch (SQLException e) {
                // the rollback that follows, or closing the connection, discards the COPY all the same
            }
        }

        /** The next row, to be filled cell by cell and closed with {@link CopyRow#last}. */
        CopyRow row() throws SQLException {
            if (sb.length() > 1 << 16) {
                flush();
            }
            return row;
        }

        /** A row already in COPY form, newline included. */
        void row(String line) throws SQLException {
            if (sb.length() > 1 << 16) {
                flush();
            }
            sb.append(line);
        }

        void finish() throws SQLException {
            flush();
            copy.endCopy();
        }

        private void flush() throws SQLException {
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            sb.setLength(0);
        }
    }


}
