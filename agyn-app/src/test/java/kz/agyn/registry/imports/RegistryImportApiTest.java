package kz.agyn.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import kz.agyn.AgynTest;
import kz.agyn.kernel.Iin;
import kz.agyn.kernel.Sex;
import kz.agyn.registry.internal.EncryptedText;
import kz.agyn.registry.keys.PersonalDataCipher;
import kz.agyn.registry.scholars.RegistryApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The bulk import through {@code POST /api/v1/registry/imports}: checked without writing, then written once, a
 * second import of the same files changes nothing, a bad row is located without echoing the IIN, and analysts may
 * not import.
 */
class RegistryImportApiTest extends AgynTest {

    private static final String IIN = Iin.of(LocalDate.of(1991, 2, 3), Sex.MALE, 4301).orElseThrow().value();

    private static final String SCHOLARS = """
            scholar_ref,iin,last_name_kk,first_name_kk,patronymic_kk,last_name_ru,first_name_ru,patronymic_ru,\
            last_name_latin,first_name_latin,patronymic_latin,birth_date,sex,email,phone,synthetic
            TST-IMP-1,%s,Сейітов,Арман,,Сеитов,Арман,,Seiıtov,Arman,,1991-02-03,MALE,,,false
            """.formatted(IIN);
    private static final String AWARDS = """
            award_ref,scholar_ref,programme,call_year,awarded_on,degree_level,isced_f,host_country,host_university,\
            funding_kzt,security_kind,security_ref,study_start,planned_end,actual_end,deferred_until,deferral_reason,\
            returned_on,synthetic
            TST-IMP-1-1,TST-IMP-1,BOLASHAK,2015,2015-06-01,MASTER,06,GB,University of Edinburgh,9000000,PLEDGE,P-1,\
            2015-09-01,2016-08-31,2016-08-31,,,2016-09-20,false
            """;
    private static final String JOBS = """
            scholar_ref,seq,employer_name,employer_bin,sector,country,kato,isco_08,salary_band,start_date,end_date,\
            evidence,synthetic
            TST-IMP-1,1,"ТОО «Тест, 1»",,PRIVATE,KZ,750000000,25,B3,2016-10-01,,SELF_REPORT,false
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalDataCipher cipher;

    private static MockMultipartHttpServletRequestBuilder upload(String scholars, String awards, String jobs,
                                                                 boolean accept) {
        MockMultipartHttpServletRequestBuilder r = multipart("/api/v1/registry/imports")
                .file(part("scholars", scholars)).file(part("awards", awards)).file(part("employments", jobs));
        r.param("accept", Boolean.toString(accept));
        return r;
    }

    private static MockMultipartFile part(String name, String text) {
        return new MockMultipartFile(name, name + ".csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private long scholarsWithRef() {
        return jdbc.sql("SELECT count(*) FROM reg_scholar WHERE external_ref = 'TST-IMP-1'").query(Long.class).single();
    }

    @Test
    void checkThenImportOnceThenNothingChanges() throws Exception {
        mvc.perform(upload(SCHOLARS, AWARDS, JOBS, false).with(csrf()).with(RegistryApiTest.OFFICER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("VALID"))
                .andExpect(jsonPath("$.scholars").value(1)).andExpect(jsonPath("$.employments").value(1));
        assertThat(scholarsWithRef()).isZero();

        mvc.perform(upload(SCHOLARS, AWARDS, JOBS, true).with(csrf()).with(RegistryApiTest.OFFICER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IMPORTED"))
                .andExpect(jsonPath("$.awards").value(1));
        assertThat(scholarsWithRef()).isOne();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM reg_obligation o JOIN reg_award a ON a.id = o.award_id
                        WHERE a.external_ref = 'TST-IMP-1-1'""").query(Long.class).single()).isOne();
        // The employer is stored encrypted, like the names (EncryptedText).
        byte[] employer = jdbc.sql("""
                        SELECT employer_enc FROM reg_employment e JOIN reg_scholar s ON s.id = e.scholar_id
                        WHERE s.external_ref = 'TST-IMP-1'""").query(byte[].class).single();
        assertThat(new String(employer, StandardCharsets.UTF_8)).doesNotContain("Тест");
        assertThat(cipher.decrypt(EncryptedText.EMPLOYER.field(), employer)).isEqualTo("ТОО «Тест, 1»");

        mvc.perform(upload(SCHOLARS, AWARDS, JOBS, true).with(csrf()).with(RegistryApiTest.OFFICER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IMPORTED"))
                .andExpect(jsonPath("$.scholars").value(0)).andExpect(jsonPath("$.existing").value(3));
        assertThat(scholarsWithRef()).isOne();
    }

    @Test
    void aBadRowIsLocatedAndNothingIsWritten() throws Exception {
        String badIin = IIN.substring(0, 11) + (char) ('0' + (IIN.charAt(11) - '0' + 1) % 10);
        String body = mvc.perform(upload(SCHOLARS.replace(IIN, badIin).replace("TST-IMP-1", "TST-IMP-2"),
                        AWARDS.replace("TST-IMP-1", "TST-IMP-2"), JOBS.replace("TST-IMP-1", "TST-IMP-2"), true)
                        .with(csrf()).with(RegistryApiTest.OFFICER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("INVALID"))
                .andExpect(jsonPath("$.problems[0].file").value("scholars.csv"))
                .andExpect(jsonPath("$.problems[0].row").value(2))
                .andExpect(jsonPath("$.problems[0].column").value("iin"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).doesNotContain(badIin);
        assertThat(jdbc.sql("SELECT count(*) FROM reg_scholar WHERE external_ref = 'TST-IMP-2'").query(Long.class)
                .single()).isZero();
    }

    @Test
    void analystsMayNotImport() throws Exception {
        mvc.perform(upload(SCHOLARS, AWARDS, JOBS, false).with(csrf()).with(RegistryApiTest.ANALYST))
                .andExpect(status().isForbidden());
    }
}
