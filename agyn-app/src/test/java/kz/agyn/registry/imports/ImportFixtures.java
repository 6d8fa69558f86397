package kz.agyn.registry.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import kz.agyn.kernel.Sex;
import kz.agyn.registry.TestScholars;
import kz.agyn.registry.scholars.ScholarService;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small clean set of the three bulk files for import tests: {@code n} scholars under a reference prefix no other
 * test uses, with fresh IINs, one award and one job each.
 */
public record ImportFixtures(String prefix, String scholars, String awards, String jobs, List<String> iins) {

    public static final String SCHOLARS_HEADER = "scholar_ref,iin,last_name_kk,first_name_kk,patronymic_kk,"
            + "last_name_ru,first_name_ru,patronymic_ru,last_name_latin,first_name_latin,patronymic_latin,birth_date,"
            + "sex,email,phone,synthetic\n";
    public static final String AWARDS_HEADER = "award_ref,scholar_ref,programme,call_year,awarded_on,degree_level,"
            + "isced_f,host_country,host_university,funding_kzt,security_kind,security_ref,study_start,planned_end,"
            + "actual_end,deferred_until,deferral_reason,returned_on,synthetic\n";
    public static final String JOBS_HEADER = "scholar_ref,seq,employer_name,employer_bin,sector,country,kato,isco_08,"
            + "salary_band,start_date,end_date,evidence,synthetic\n";
    public static final String LAST_NAME = "Прогрессова";

    public static ImportFixtures of(ScholarService service, String tag, int n) {
        String prefix = tag + "-" + (System.nanoTime() % 1_000_000);
        TestScholars fresh = new TestScholars(service);
        StringBuilder s = new StringBuilder(SCHOLARS_HEADER);
        StringBuilder a = new StringBuilder(AWARDS_HEADER);
        StringBuilder j = new StringBuilder(JOBS_HEADER);
        List<String> iins = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String ref = prefix + "-" + i;
            String iin = fresh.freshIin(LocalDate.of(1993, 4, 17), Sex.FEMALE);
            iins.add(iin);
            s.append(ref).append(',').append(iin).append(',').append(LAST_NAME).append(",Әсем,,Прогрессова,Асем,,")
                    .append("Progressova,Assem,,1993-04-17,FEMALE,,,false\n");
            a.append(ref).append("-A,").append(ref).append(",BOLASHAK,2015,2015-05-20,MASTER,06,GB,")
                    .append("University of Leeds,12000000,PLEDGE,P-").append(i)
                    .append(",2015-09-01,2016-08-31,2016-08-31,,,2016-09-15,false\n");
            j.append(ref).append(",1,Test employer,,PRIVATE,KZ,750000000,25,B3,2016-10-01,,SELF_REPORT,false\n");
        }
        return new ImportFixtures(prefix, s.toString(), a.toString(), j.toString(), iins);
    }

    /** Writes the three files into {@code dir}; returns their paths (scholars, awards, employments). */
    public List<Path> write(Path dir) throws IOException {
        return List.of(Files.writeString(dir.resolve("scholars.csv"), scholars, StandardCharsets.UTF_8),
                Files.writeString(dir.resolve("awards.csv"), awards, StandardCharsets.UTF_8),
                Files.writeString(dir.resolve("employments.csv"), jobs, StandardCharsets.UTF_8));
    }

    /** Scholars, awards, jobs and obligations of this set in the registry. */
    public long stored(JdbcClient jdbc) {
        String like = prefix + "-%";
        return jdbc.sql("SELECT count(*) FROM reg_scholar WHERE external_ref LIKE ?").param(like).query(Long.class)
                .single()
                + jdbc.sql("SELECT count(*) FROM reg_award WHERE external_ref LIKE ?").param(like).query(Long.class)
                .single()
                + jdbc.sql("""
                        SELECT count(*) FROM reg_employment e JOIN reg_scholar s ON s.id = e.scholar_id
                        WHERE s.external_ref LIKE ?""").param(like).query(Long.class).single()
                + jdbc.sql("""
                        SELECT count(*) FROM reg_obligation o JOIN reg_award a ON a.id = o.award_id
                        WHERE a.external_ref LIKE ?""").param(like).query(Long.class).single();
    }
}
