package kz.agyn.registry.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kz.agyn.AgynTest;
import kz.agyn.audit.AuditLog;
import kz.agyn.reference.ReferenceData;
import kz.agyn.registry.Access;
import kz.agyn.registry.RegistryException;
import kz.agyn.registry.internal.RegistryRepository;
import kz.agyn.registry.keys.internal.RekeyRepository;
import kz.agyn.registry.obligation.ObligationService;
import kz.agyn.registry.scholars.NewScholar;
import kz.agyn.registry.scholars.ScholarService;
import kz.agyn.registry.scholars.ScholarSummary;
import kz.agyn.registry.scholars.ScholarView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The re-key job after a rotation: rows made under the old key end under the current one, are found again by
 * IIN and name and show the same data, keep their pseudonyms; a second run does nothing; a cancel between two
 * batches leaves every row readable and a later run finishes; a row under a key not loaded is left alone and
 * counted; only ADMIN may start or read the job; the audit log has the job without key material.
 */
class RekeyJobTest extends AgynTest {

    static final RequestPostProcessor ADMIN_USER = user("rekey-admin").roles("ADMIN");

    @Autowired RegistryKeys keys;
    @Autowired RegistryRepository repository;
    @Autowired AuditLog audit;
    @Autowired ObligationService obligations;
    @Autowired ReferenceData reference;
    @Autowired ScholarService scholars;
    @Autowired RegistryRekeyJobs jobs;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    RotatedKeys rotation;

    @BeforeEach
    void rotate() {
        rotation = new RotatedKeys(keys, repository, audit, obligations, reference, scholars, jobs, 2);
    }

    @AfterEach
    void restore() {
        rotation.close();
    }

    @Test
    void everyRowEndsUnderTheCurrentKeyFoundAndReadAsBeforeWithItsPseudonym() {
        List<RotatedKeys.Old> old = rotation.scholars(5);
        Map<Long, String> pseudonyms = pseudonyms(old);
        PersonalDataCipher both = rotation.rotatedCipher();
        String lastBefore = both.decrypt("scholar.last_name", column(old.get(0).id(), "last_name_enc"));

        RegistryKeyState before = jobs.state();
        assertThat(before.rowsUnderOtherKeys()).isGreaterThanOrEqualTo(5);
        assertThat(before.rowsByKeyId()).containsKey(rotation.old.currentKeyId());
        assertThat(before.loadedKeyIds()).containsExactly(keys.currentKeyId(), rotation.old.currentKeyId());
        // Before the job the application, which knows the current key only, cannot read these rows.
        assertThatThrownBy(() -> scholars.view(old.get(0).id(), Access.PERSONAL))
                .isInstanceOf(PersonalDataException.class);

        RegistryRekeyStatus done = jobs.run(Access.PERSONAL, "rekey-tester");

        assertThat(done.status()).isEqualTo(RegistryRekeyState.DONE);
        assertThat(done.rekeyed()).isEqualTo(done.total()).isGreaterThanOrEqualTo(5);
        assertThat(done.unreadable()).isZero();
        assertThat(done.toKeyId()).isEqualTo(keys.currentKeyId());
        for (RotatedKeys.Old o : old) {
            for (String c : RekeyRepository.ENCRYPTED) {
                assertThat(PersonalDataCipher.keyIdOf(column(o.id(), c))).as(c).isEqualTo(keys.currentKeyId());
            }
            assertThat(scholars.search(o.iin(), null, Access.PERSONAL)).extracting(ScholarSummary::id)
                    .containsExactly(o.id());
            ScholarView card = scholars.view(o.id(), Access.PERSONAL);
            assertThat(card.iin()).isEqualTo(o.iin());
            assertThat(card.lastName()).isEqualTo(lastBefore).isEqualTo(RotatedKeys.LAST);
            assertThat(card.firstName()).isEqualTo(RotatedKeys.FIRST);
            assertThat(card.patronymic()).isEqualTo("Серікқызы");
            assertThat(card.nameLatin()).isEqualTo("Rekeibayeva Aliya");
            assertThat(card.email()).isEqualTo(RotatedKeys.EMAIL);
            assertThat(card.phone()).isEqualTo(RotatedKeys.PHONE);
            // Pseudonyms are kept (docs/decisions/0010): the analyst's card and search show the same one.
            assertThat(card.pseudonym()).isEqualTo(pseudonyms.get(o.id()));
            assertThat(scholars.search(null, pseudonyms.get(o.id()), Access.PSEUDONYMISED))
                    .extracting(ScholarSummary::id).containsExactly(o.id());
        }
        assertThat(scholars.search(null, RotatedKeys.LAST + " " + RotatedKeys.FIRST, Access.PERSONAL))
                .extracting(ScholarSummary::id).containsAll(old.stream().map(RotatedKeys.Old::id).toList());
        assertThat(jobs.state().rowsUnderOtherKeys()).isZero();
        assertThat(jobs.state().rowsByKeyId()).isEmpty();

        RegistryRekeyStatus again = jobs.run(Access.PERSONAL, "rekey-tester");
        assertThat(again.status()).isEqualTo(RegistryRekeyState.DONE);
        assertThat(again.total()).isZero();
        assertThat(again.rekeyed()).isZero();

        List<String> details = jdbc.sql("SELECT detail FROM audit_event WHERE action = 'REKEY' AND detail LIKE "
                + "'by rekey-tester%' ORDER BY id").query(String.class).list();
        assertThat(details).hasSizeGreaterThanOrEqualTo(2);
        assertThat(details.get(details.size() - 2)).contains("DONE", keys.currentKeyId(), rotation.old.currentKeyId(),
                done.rekeyed() + " of " + done.total());
        assertThat(String.join("\n", details)).doesNotContain(old.get(0).iin()).doesNotContain(RotatedKeys.LAST);
    }

    @Test
    void aJobsEmployerAndEvidenceAreEncryptedAgainToo() {
        RotatedKeys.Old old = rotation.scholars(1).get(0);
        long job = rotation.job(old.id(), "Рекей ЖШС", "certificate no. 12");
        assertThat(PersonalDataCipher.keyIdOf(jdbc.sql("SELECT employer_enc FROM reg_employment WHERE id = ?")
                .param(job).query(byte[].class).single())).isEqualTo(rotation.old.currentKeyId());
        long before = jobs.state().rowsUnderOtherKeys();
        assertThat(before).isGreaterThanOrEqualTo(2);

        RegistryRekeyStatus done = jobs.run(Access.PERSONAL, "rekey-tester");

        assertThat(done.status()).isEqualTo(RegistryRekeyState.DONE);
        assertThat(done.rekeyed()).isEqualTo(before);
        assertThat(jobs.state().rowsUnderOtherKeys()).isZero();
        Map<String, Object> row = jdbc.sql("SELECT employer_enc, evidence_enc FROM reg_employment WHERE id = ?")
                .param(job).query().singleRow();
        assertThat(PersonalDataCipher.keyIdOf((byte[]) row.get("employer_enc"))).isEqualTo(keys.currentKeyId());
        assertThat(PersonalDataCipher.keyIdOf((byte[]) row.get("evidence_enc"))).isEqualTo(keys.currentKeyId());
        ScholarView card = scholars.view(old.id(), Access.PERSONAL);
        assertThat(card.employments()).extracting(ScholarView.EmploymentView::employer).containsExactly("Рекей ЖШС");
        assertThat(card.employments()).extracting(ScholarView.EmploymentView::evidence)
                .containsExactly("certificate no. 12");
    }

    @Test
    void aCancelBetweenBatchesLeavesEveryRowReadableAndTheNextRunFinishes() {
        List<RotatedKeys.Old> old = rotation.scholars(6);
        jobs.listener((id, done) -> jobs.cancel());

        RegistryRekeyStatus cancelled = jobs.run(Access.PERSONAL, "rekey-tester");

        assertThat(cancelled.status()).isEqualTo(RegistryRekeyState.CANCELLED);
        assertThat(cancelled.rekeyed()).isEqualTo(2);
        assertThat(cancelled.cancelRequested()).isTrue();
        PersonalDataCipher both = rotation.rotatedCipher();
        int underOld = 0;
        for (RotatedKeys.Old o : old) {
            byte[] iin = column(o.id(), "iin_enc");
            assertThat(both.decrypt("scholar.iin", iin)).isEqualTo(o.iin());
            assertThat(both.decrypt("scholar.email", column(o.id(), "email_enc"))).isEqualTo(RotatedKeys.EMAIL);
            underOld += PersonalDataCipher.keyIdOf(iin).equals(rotation.old.currentKeyId()) ? 1 : 0;
        }
        assertThat(underOld).isEqualTo(4);
        assertThat(jobs.state().rowsUnderOtherKeys()).isEqualTo(4);
        assertThat(jobs.state().job().status()).isEqualTo(RegistryRekeyState.CANCELLED);

        jobs.listener(null);
        RegistryRekeyStatus rest = jobs.run(Access.PERSONAL, "rekey-tester");
        assertThat(rest.status()).isEqualTo(RegistryRekeyState.DONE);
        assertThat(rest.total()).isEqualTo(4);
        assertThat(rest.rekeyed()).isEqualTo(4);
        assertThat(jobs.state().rowsUnderOtherKeys()).isZero();
    }

    @Test
    void aRowUnderAKeyNotLoadedIsLeftAsItIsAndCounted() {
        RotatedKeys other = new RotatedKeys(keys, repository, audit, obligations, reference, scholars, jobs, 2);
        // "other" made its rows under a key the job below is not given.
        List<RotatedKeys.Old> lost = other.scholars(1);
        jobs.forTests(rotation.rotated, 2);
        rotation.scholars(1);

        RegistryRekeyStatus done = jobs.run(Access.PERSONAL, "rekey-tester");
        assertThat(done.status()).isEqualTo(RegistryRekeyState.DONE);
        assertThat(done.unreadable()).isEqualTo(1);
        assertThat(done.rekeyed()).isEqualTo(1);
        assertThat(PersonalDataCipher.keyIdOf(column(lost.get(0).id(), "iin_enc")))
                .isEqualTo(other.old.currentKeyId());
        assertThat(jobs.state().rowsByKeyId()).containsOnlyKeys(other.old.currentKeyId());

        jobs.forTests(other.rotated, 2);
        other.close();
        assertThat(jobs.state().rowsUnderOtherKeys()).isZero();
        jobs.forTests(rotation.rotated, 2);
    }

    @Test
    void anIinRecordedUnderBothKeysIsRefusedAfterTheRotationAndLeftToAnOfficerByTheJob() {
        RotatedKeys.Old old = rotation.scholars(1).get(0);
        ScholarService after = rotation.afterRotation(repository, audit, obligations, reference);
        NewScholar again = new NewScholar(old.iin(), "Екінші", "Жазба", null, null, null, null, null, null, null,
                false);
        // Configured as after a rotation, a new record of the same IIN is refused although its hash differs.
        assertThatThrownBy(() -> after.create(again, Access.PERSONAL)).isInstanceOf(RegistryException.class)
                .hasMessageContaining("registry.scholar.exists");
        // The application's own service knows the current key only, as one configured before the retired key was
        // added would: it lets the duplicate in, and the job must not overwrite either row.
        long twin = scholars.create(again, Access.PERSONAL);

        RegistryRekeyStatus done = jobs.run(Access.PERSONAL, "rekey-tester");
        assertThat(done.duplicates()).isEqualTo(1);
        assertThat(done.rekeyed()).isZero();
        assertThat(PersonalDataCipher.keyIdOf(column(old.id(), "iin_enc"))).isEqualTo(rotation.old.currentKeyId());
        assertThat(scholars.view(twin, Access.PERSONAL).lastName()).isEqualTo("Екінші");

        scholars.anonymise(old.id(), Access.PERSONAL);
        assertThat(jobs.state().rowsUnderOtherKeys()).isZero();
    }

    @Test
    void onlyAnAdminMayStartFollowOrCancelIt() throws Exception {
        for (RequestPostProcessor who : List.of(user("rekey-officer").roles("REGISTRY_OFFICER"),
                user("rekey-analyst").roles("ANALYST"), user("rekey-viewer").roles("VIEWER"))) {
            mvc.perform(get("/api/v1/registry/rekey").with(who)).andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/registry/rekey").with(csrf()).with(who)).andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/registry/rekey/cancel").with(csrf()).with(who))
                    .andExpect(status().isForbidden());
        }
        rotation.scholars(3);
        mvc.perform(get("/api/v1/registry/rekey").with(ADMIN_USER)).andExpect(status().isOk())
                .andExpect(jsonPath("$.currentKeyId").value(keys.currentKeyId()))
                .andExpect(jsonPath("$.rowsByKeyId['" + rotation.old.currentKeyId() + "']").value(3));

        mvc.perform(post("/api/v1/registry/rekey").with(csrf()).with(ADMIN_USER))
                .andExpect(status().isAccepted());
        RegistryRekeyStatus started = jobs.status().orElseThrow();
        RegistryRekeyStatus ended = jobs.await(started.id(), Duration.ofMinutes(1)).orElseThrow();
        assertThat(ended.status()).isEqualTo(RegistryRekeyState.DONE);
        assertThat(ended.by()).isEqualTo("rekey-admin");
        mvc.perform(get("/api/v1/registry/rekey").with(ADMIN_USER)).andExpect(status().isOk())
                .andExpect(jsonPath("$.rowsUnderOtherKeys").value(0))
                .andExpect(jsonPath("$.job.status").value("DONE"))
                .andExpect(jsonPath("$.job.rekeyed").value(3));
        mvc.perform(post("/api/v1/registry/rekey/cancel").with(csrf()).with(ADMIN_USER)).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT actor FROM audit_event WHERE action = 'REKEY' ORDER BY id DESC LIMIT 1")
                .query(String.class).single()).isEqualTo("rekey-admin");
    }

    @Test
    void aSecondJobIsRefusedWhileOneRuns() {
        rotation.scholars(3);
        jobs.listener((id, done) -> assertThatThrownBy(() -> jobs.run(Access.PERSONAL, "second"))
                .isInstanceOf(RegistryException.class).hasMessageContaining("registry.rekey.running"));
        assertThat(jobs.run(Access.PERSONAL, "rekey-tester").status()).isEqualTo(RegistryRekeyState.DONE);
        assertThatThrownBy(() -> jobs.run(Access.PSEUDONYMISED, "analyst")).isInstanceOf(RegistryException.class);
    }

    private Map<Long, String> pseudonyms(List<RotatedKeys.Old> old) {
        Map<Long, String> out = new HashMap<>();
        for (RotatedKeys.Old o : old) {
            out.put(o.id(), jdbc.sql("SELECT pseudonym FROM reg_scholar WHERE id = ?").param(o.id())
                    .query(String.class).single());
        }
        return out;
    }

    private byte[] column(long id, String column) {
        return jdbc.sql("SELECT " + column + " FROM reg_scholar WHERE id = ?").param(id).query(byte[].class).single();
    }
}
