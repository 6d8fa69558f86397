package kz.agyn.demo.registry;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** The import format of {@code docs/formats/registry.md}: UTF-8 without BOM, comma, LF, RFC 4180 quoting. */
final class RegistryCsv {

    static final String SCHOLARS = "scholars.csv";
    static final String AWARDS = "awards.csv";
    static final String EMPLOYMENTS = "employments.csv";

    static final String SCHOLARS_HEADER = "scholar_ref,iin,last_name_kk,first_name_kk,patronymic_kk,last_name_ru,"
            + "first_name_ru,patronymic_ru,last_name_latin,first_name_latin,patronymic_latin,birth_date,sex,email,"
            + "phone,synthetic";
    static final String AWARDS_HEADER = "award_ref,scholar_ref,programme,call_year,awarded_on,degree_level,isced_f,"
            + "host_country,host_university,funding_kzt,security_kind,security_ref,study_start,planned_end,"
            + "actual_end,deferred_until,deferral_reason,returned_on,synthetic,foreign_grant,honours,spent_kzt";
    static final String EMPLOYMENTS_HEADER = "scholar_ref,seq,employer_name,employer_bin,sector,country,kato,isco_08,"
            + "salary_band,start_date,end_date,evidence,synthetic";

    private RegistryCsv() {
    }

    static void write(SyntheticRegistry registry, Path directory) throws IOException {
        Files.createDirectories(directory);
        try (BufferedWriter out = Files.newBufferedWriter(directory.resolve(SCHOLARS), StandardCharsets.UTF_8)) {
            out.write(SCHOLARS_HEADER);
            out.write('\n');
            StringBuilder line = new StringBuilder(256);
            for (SyntheticScholar s : registry.scholars()) {
                line.setLength(0);
                row(line, s.ref(), s.iin().value(), s.kazakh().last(), s.kazakh().first(), s.kazakh().patronymic(),
                        s.russian().last(), s.russian().first(), s.russian().patronymic(), s.latin().last(),
                        s.latin().first(), s.latin().patronymic(), s.birthDate(), s.sex(), s.email(), s.phone(),
                        s.synthetic());
                out.append(line);
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(directory.resolve(AWARDS), StandardCharsets.UTF_8)) {
            out.write(AWARDS_HEADER);
            out.write('\n');
            StringBuilder line = new StringBuilder(256);
            for (SyntheticAward a : registry.awards()) {
                line.setLength(0);
                row(line, a.ref(), a.scholarRef(), a.programme(), a.callYear(), a.awardedOn(), a.level(),
                        a.iscedField(), a.hostCountry(), a.hostUniversity(), a.fundingKzt(), a.securityKind(),
                        a.securityRef(), a.studyStart(), a.plannedEnd(), a.actualEnd(), a.deferredUntil(),
                        a.deferralReason(), a.returnedOn(), a.synthetic(), a.foreignGrant(), a.honours(),
                        a.spentKzt());
                out.append(line);
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(directory.resolve(EMPLOYMENTS), StandardCharsets.UTF_8)) {
            out.write(EMPLOYMENTS_HEADER);
            out.write('\n');
            StringBuilder line = new StringBuilder(192);
            for (SyntheticEmployment e : registry.employments()) {
                line.setLength(0);
                row(line, e.scholarRef(), e.seq(), e.employerName(), e.employerBin(), e.sector(), e.country(),
                        e.kato(), e.isco(), e.salaryBand(), e.start(), e.end(), e.evidence(), e.synthetic());
                out.append(line);
            }
        }
    }

    private static void row(StringBuilder line, Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            field(line, fields[i]);
        }
        line.append('\n');
    }

    private static void field(StringBuilder line, Object value) {
        if (value == null) {
            return;
        }
        // LocalDate.toString is ISO-8601 (uuuu-MM-dd) for the years generated here.
        String text = value instanceof LocalDate d ? d.toString() : value.toString();
        boolean quote = false;
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (quote) {
            line.append('"').append(text.replace("\"", "\"\"")).append('"');
        } else {
            line.append(text);
        }
    }
}
