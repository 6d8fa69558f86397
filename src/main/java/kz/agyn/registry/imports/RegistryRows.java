package kz.agyn.registry.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import kz.agyn.kernel.Iin;
import kz.agyn.kernel.IinCheck;
import kz.agyn.kernel.Sex;
import kz.agyn.reference.Region;
import kz.agyn.registry.imports.RegistryImport.Kind;
import kz.agyn.registry.obligation.ObligationService;
import kz.agyn.registry.obligation.Sector;
import kz.agyn.registry.scholars.DegreeLevel;
import kz.agyn.registry.scholars.Evidence;
import kz.agyn.registry.scholars.SalaryBand;
import kz.agyn.registry.scholars.SecurityKind;
import kz.agyn.tabular.Location;
import kz.agyn.tabular.Row;
import kz.agyn.tabular.TableReader;
import kz.agyn.tabular.TableReaders;
import kz.agyn.tabular.TabularException;
import org.springframework.context.MessageSource;

/**
 * The registry's bulk files read and their rows checked, apart from the database: what a row must hold, in which
 * form, against which codes (gathered once per import, {@link Codes}), with every problem located by file, row
 * and column. {@link RegistryImport} adds what only the registry can tell (references and IINs already there)
 * and writes; the fuzz target drives these readers with any bytes.
 */
final class RegistryRows {

    static final int MAX_LISTED = 200;
    private static final Pattern REF = Pattern.compile("[A-Za-z0-9._/-]{1,40}");
    private static final Pattern BIN = Pattern.compile("\\d{12}");
    private static final Set<String> DEGREES = names(DegreeLevel.values());
    private static final Set<String> SECURITY_KINDS = names(SecurityKind.values());
    private static final Set<String> BANDS = names(SalaryBand.values());
    private static final Set<String> EVIDENCE = names(Evidence.values());
    /** The sectors as stored; a file may also say {@code RESEARCH} for {@link Sector#RESEARCH_HE}. */
    private static final Set<String> SECTORS = names(Sector.values());

    private RegistryRows() {
    }

    /** A scholar's row, checked; {@code at} is its file, sheet and row. */
    record ScholarIn(Location at, String ref, Iin iin, String sex, int birthYear, String lastKk, String firstKk,
                     String patronymicKk, String nameRu, String nameLatin, String email, String phone,
                     boolean synthetic) {
    }

    /** An award's row, checked; {@code at} is its file, sheet and row. */
    record AwardIn(Location at, String ref, String scholarRef, String programme, int callYear, LocalDate awardedOn,
                   DegreeLevel degree, String field, String country, String university, BigDecimal funding,
                   SecurityKind securityKind, String securityRef, LocalDate start, LocalDate planned,
                   LocalDate actual, LocalDate deferredUntil, String deferralReason, LocalDate returnedOn,
                   boolean synthetic) {
    }

    /** A job's row, checked; {@code at} is its file, sheet and row. */
    record JobIn(Location at, String scholarRef, int seq, String employer, String bin, Sector sector, String country,
                 String kato, String isco, SalaryBand band, LocalDate start, LocalDate end, Evidence evidence,
                 boolean synthetic) {
    }

    /**
     * The reference codes rows are checked against, gathered once per import: per row they meant a linear scan of
     * the ISCO list and of the region history for each of some 60,000 jobs, and a query per non-Bolashak award.
     * {@code countries} are ISO 3166 alpha-2 codes, upper case.
     */
    record Codes(Set<String> programmes, Set<String> isco, List<Region> regions, LocalDate regionsFrom,
                 Set<String> countries) {
    }

    interface RowSink {
        void accept(Map<String, Integer> columns, Row row);
    }

    static void read(RegistryImport.Input in, Problems problems, RegistryImportProgress progress, long before, RowSink sink) {
        try (TableReader reader = TableReaders.open(in.file(), in.fileName(), null)) {
            Map<String, Integer> cols = new HashMap<>();
            List<String> header = reader.columns();
            for (int i = 0; i < header.size(); i++) {
                cols.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
            }
            boolean complete = true;
            for (String required : required(in.kind())) {
                if (!cols.containsKey(required)) {
                    problems.add(new Location(in.fileName(), reader.sheet(), 1, 0), required,
                            "registry.import.columnMissing", required);
                    complete = false;
                }
            }
            // Without its columns a file's rows would only repeat the same problem; the other files are still
            // read, so that one report lists everything to mend.
            if (!complete) {
                return;
            }
            Row row;
            long n = 0;
            while ((row = reader.next()) != null) {
                if (!row.blank()) {
                    sink.accept(cols, row);
                    progress.row();
                }
                if (++n % 512 == 0) {
                    progress.check();
                    long read = reader.bytesRead();
                    if (read >= 0) {
                        progress.at(before + read);
                    }
                }
            }
        } catch (TabularException e) {
            problems.add(e.location(), null, e.code(), e.args());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> required(Kind kind) {
        return switch (kind) {
            case SCHOLARS -> List.of("scholar_ref", "iin", "last_name_kk", "first_name_kk");
            case AWARDS -> List.of("award_ref", "scholar_ref", "call_year", "degree_level", "isced_f",
                    "host_country", "host_university", "funding_kzt", "study_start", "planned_end");
            case EMPLOYMENTS -> List.of("scholar_ref", "seq", "employer_name", "sector", "country", "start_date");
        };
    }

    static ScholarIn scholar(Map<String, Integer> cols, Row row, Problems p, Set<String> fileScholars) {
        Cells c = new Cells(cols, row, p, null);
        String ref = c.ref("scholar_ref");
        String iinText = c.required("iin");
        IinCheck check = iinText == null ? null : Iin.check(iinText);
        if (check != null && !check.valid()) {
            c.problem("iin", "iin.reason." + check.reason().name());
        }
        LocalDate birth = c.date("birth_date", false);
        if (birth != null && check != null && check.valid() && !birth.equals(check.birthDate())) {
            c.problem("birth_date", "registry.scholar.birthDateMismatch");
        }
        String sexText = c.optional("sex");
        String sex = check != null && check.valid() ? (check.sex() == Sex.MALE ? "M" : "F") : null;
        if (sexText != null && sex != null && !sexText.toUpperCase(Locale.ROOT).startsWith(sex)) {
            c.problem("sex", "registry.scholar.sexMismatch");
        }
        String last = c.name("last_name_kk", true);
        String first = c.name("first_name_kk", true);
        String patronymic = c.name("patronymic_kk", false);
        String nameRu = c.joined("last_name_ru", "first_name_ru", "patronymic_ru");
        String nameLatin = c.joined("last_name_latin", "first_name_latin", "patronymic_latin");
        String email = c.optional("email");
        String phone = c.optional("phone");
        boolean synthetic = c.bool("synthetic");
        if (ref != null && !fileScholars.add(ref)) {
            c.problem("scholar_ref", "registry.import.duplicateRef", ref);
            return null;
        }
        if (c.bad) {
            return null;
        }
        return new ScholarIn(c.at(), ref, Iin.parse(iinText), sex, check.birthDate().getYear(), last, first, patronymic,
                nameRu, nameLatin, email, phone, synthetic);
    }

    static AwardIn award(Map<String, Integer> cols, Row row, Problems p, Set<String> fileScholars,
                          Set<String> dbScholars, Codes codes) {
        Cells c = new Cells(cols, row, p, codes);
        String ref = c.ref("award_ref");
        String scholarRef = c.scholarRef(fileScholars, dbScholars);
        String programme = c.optional("programme");
        programme = programme == null ? ObligationService.BOLASHAK : programme.toUpperCase(Locale.ROOT);
        if (!ObligationService.BOLASHAK.equals(programme) && !codes.programmes().contains(programme)) {
            c.problem("programme", "registry.rules.unknownProgramme", programme);
        }
        Integer callYear = c.integer("call_year", 1993, 2100);
        LocalDate awardedOn = c.date("awarded_on", false);
        String degree = c.code("degree_level", DEGREES);
        String field = c.required("isced_f");
        if (field != null && !field.matches("\\d{2,4}")) {
            c.problem("isced_f", "registry.award.badField", field);
        }
        String country = c.country("host_country");
        String university = c.required("host_university");
        Integer funding = c.integer("funding_kzt", 0, Integer.MAX_VALUE);
        String securityKind = c.optional("security_kind");
        if (securityKind != null && !SECURITY_KINDS.contains(securityKind)) {
            c.problem("security_kind", "registry.import.badCode", securityKind);
        }
        String securityRef = c.optional("security_ref");
        LocalDate start = c.date("study_start", true);
        LocalDate planned = c.date("planned_end", true);
        LocalDate actual = c.date("actual_end", false);
        LocalDate deferred = c.date("deferred_until", false);
        String deferralReason = c.optional("deferral_reason");
        LocalDate returned = c.date("returned_on", false);
        c.order("planned_end", start, planned, false);
        c.order("actual_end", start, actual, true);
        c.order("returned_on", start, returned, true);
        c.order("deferred_until", actual != null ? actual : planned, deferred, true);
        boolean synthetic = c.bool("synthetic");
        if (c.bad) {
            return null;
        }
        return new AwardIn(c.at(), ref, scholarRef, programme, callYear, awardedOn, DegreeLevel.valueOf(degree), field,
                country, university, BigDecimal.valueOf(funding),
                securityKind == null ? null : SecurityKind.valueOf(securityKind), securityRef, start, planned, actual, deferred,
                deferralReason == null ? "FURTHER_STUDY" : deferralReason, returned, synthetic);
    }

    static JobIn job(Map<String, Integer> cols, Row row, Problems p, Set<String> fileScholars,
                      Set<String> dbScholars, Codes codes) {
        Cells c = new Cells(cols, row, p, codes);
        String scholarRef = c.scholarRef(fileScholars, dbScholars);
        Integer seq = c.integer("seq", 1, 99_999);
        String employer = c.required("employer_name");
        String bin = c.optional("employer_bin");
        if (bin != null && (!BIN.matcher(bin).matches() || Iin.checkDigit(bin.substring(0, 11)) != bin.charAt(11) - '0')) {
            c.problem("employer_bin", "registry.employment.badBin");
        }
        String sectorText = c.required("sector");
        String sector = "RESEARCH".equals(sectorText) ? Sector.RESEARCH_HE.name() : sectorText;
        if (sector != null && !SECTORS.contains(sector)) {
            c.problem("sector", "registry.employment.badSector", sectorText);
        }
        String country = c.country("country");
        LocalDate start = c.date("start_date", true);
        LocalDate end = c.date("end_date", false);
        c.order("end_date", start, end, true);
        String kato = c.optional("kato");
        if ("KZ".equals(country) && start != null) {
            if (kato == null) {
                c.problem("kato", "registry.employment.regionRequired");
            } else if (!regionValid(codes, kato, start)) {
                c.problem("kato", "registry.import.regionNotOnDate", kato, start.toString());
            }
        }
        String isco = c.optional("isco_08");
        if (isco != null && !codes.isco().contains(isco)) {
            c.problem("isco_08", "registry.employment.badIsco", isco);
        }
        String band = c.optional("salary_band");
        if (band != null && !BANDS.contains(band)) {
            c.problem("salary_band", "registry.import.badCode", band);
        }
        String evidence = c.optional("evidence");
        if (evidence != null && !EVIDENCE.contains(evidence)) {
            c.problem("evidence", "registry.import.badCode", evidence);
        }
        boolean synthetic = c.bool("synthetic");
        if (c.bad) {
            return null;
        }
        return new JobIn(c.at(), scholarRef, seq, employer, bin, Sector.valueOf(sector), country,
                "KZ".equals(country) ? kato : null, isco, band == null ? null : SalaryBand.valueOf(band), start, end,
                evidence == null ? null : Evidence.valueOf(evidence), synthetic);
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }

    /** KATO units as on the day; before the reference data begin (1997), the earliest units stand in. */
    private static boolean regionValid(Codes codes, String kato, LocalDate on) {
        LocalDate day = on.isBefore(codes.regionsFrom()) ? codes.regionsFrom() : on;
        for (Region r : codes.regions()) {
            if (r.kato().equals(kato) && r.validOn(day)) {
                return true;
            }
        }
        return false;
    }

    /** Problems found so far; the first {@value #MAX_LISTED} are kept with their message. */
    static final class Problems {
        final MessageSource messages;
        final Locale locale;
        final List<RegistryImportReport.Problem> list = new ArrayList<>();
        long count;

        Problems(MessageSource messages, Locale locale) {
            this.messages = messages;
            this.locale = locale;
        }

        void add(Location at, String column, String code, Object... args) {
            count++;
            if (list.size() < MAX_LISTED) {
                list.add(new RegistryImportReport.Problem(at.file(), at.sheet(), at.row(), column, code,
                        messages.getMessage(code, args, code, locale)));
            }
        }
    }

    /** The cells of one row, read by column name, each read checked and reported where it fails. */
    private static final class Cells {
        final Map<String, Integer> columns;
        final Row row;
        final Problems problems;
        final Codes codes;
        boolean bad;

        Cells(Map<String, Integer> columns, Row row, Problems problems, Codes codes) {
            this.columns = columns;
            this.row = row;
            this.problems = problems;
            this.codes = codes;
        }

        /** The row's place: file, sheet and row, no column. */
        Location at() {
            Location l = row.location();
            return new Location(l.file(), l.sheet(), l.row(), 0);
        }

        void problem(String column, String code, Object... args) {
            bad = true;
            Integer i = columns.get(column);
            Location l = row.location();
            problems.add(new Location(l.file(), l.sheet(), l.row(), i == null ? 0 : i + 1), column, code, args);
        }

        String optional(String column) {
            Integer i = columns.get(column);
            if (i == null) {
                return null;
            }
            String v = row.cell(i);
            return v == null || v.isBlank() ? null : v.strip();
        }

        String required(String column) {
            String v = optional(column);
            if (v == null) {
                problem(column, "registry.field.required", column);
            } else if (v.length() > 200) {
                problem(column, "registry.field.tooLong", column, 200);
                return null;
            }
            return v;
        }

        String ref(String column) {
            String v = required(column);
            if (v != null && !REF.matcher(v).matches()) {
                problem(column, "registry.import.badRef");
                return null;
            }
            return v;
        }

        String name(String column, boolean required) {
            String v = required ? required(column) : optional(column);
            if (v != null && v.length() > 100) {
                problem(column, "registry.field.tooLong", column, 100);
            }
            return v;
        }

        String joined(String... cols) {
            StringBuilder sb = new StringBuilder();
            for (String c : cols) {
                String v = optional(c);
                if (v != null) {
                    sb.append(sb.isEmpty() ? "" : " ").append(v);
                }
            }
            return sb.isEmpty() ? null : sb.toString();
        }

        String scholarRef(Set<String> inFile, Set<String> inDb) {
            String ref = ref("scholar_ref");
            if (ref != null && !inFile.contains(ref) && !inDb.contains(ref)) {
                problem("scholar_ref", "registry.import.unknownScholar", ref);
            }
            return ref;
        }

        String code(String column, Set<String> allowed) {
            String v = required(column);
            if (v != null && !allowed.contains(v.toUpperCase(Locale.ROOT))) {
                problem(column, "registry.import.badCode", v);
                return null;
            }
            return v == null ? null : v.toUpperCase(Locale.ROOT);
        }

        String country(String column) {
            String v = required(column);
            if (v != null && !codes.countries().contains(v.toUpperCase(Locale.ROOT))) {
                problem(column, "registry.field.badCountry", column, v);
                return null;
            }
            return v == null ? null : v.toUpperCase(Locale.ROOT);
        }

        Integer integer(String column, int min, int max) {
            String v = required(column);
            if (v == null) {
                return null;
            }
            try {
                int n = Integer.parseInt(v);
                if (n < min || n > max) {
                    problem(column, "registry.import.outOfRange", v);
                    return null;
                }
                return n;
            } catch (NumberFormatException e) {
                problem(column, "registry.import.notANumber", v.length() > 20 ? v.substring(0, 20) + "…" : v);
                return null;
            }
        }

        LocalDate date(String column, boolean required) {
            String v = required ? required(column) : optional(column);
            if (v == null) {
                return null;
            }
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                problem(column, "registry.import.badDate", v.length() > 20 ? v.substring(0, 20) + "…" : v);
                return null;
            }
        }

        void order(String column, LocalDate earlier, LocalDate later, boolean mayEqual) {
            if (earlier != null && later != null && (later.isBefore(earlier) || (!mayEqual && later.equals(earlier)))) {
                problem(column, "registry.import.dateOrder", column);
            }
        }

        boolean bool(String column) {
            String v = optional(column);
            if (v == null) {
                return false;
            }
            if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                problem(column, "registry.import.badBoolean", v.length() > 10 ? v.substring(0, 10) : v);
                return false;
            }
            return Boolean.parseBoolean(v.toLowerCase(Locale.ROOT));
        }
    }
}
