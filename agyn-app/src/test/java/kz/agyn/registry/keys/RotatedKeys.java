package kz.agyn.registry.keys;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import kz.agyn.audit.AuditLog;
import kz.agyn.kernel.Sex;
import kz.agyn.reference.ReferenceData;
import kz.agyn.registry.Access;
import kz.agyn.registry.TestScholars;
import kz.agyn.registry.internal.RegistryRepository;
import kz.agyn.registry.obligation.ObligationService;
import kz.agyn.registry.scholars.NewEmployment;
import kz.agyn.registry.scholars.NewScholar;
import kz.agyn.registry.scholars.ScholarService;

/**
 * A key rotation simulated inside the tests' one application, whose key is fixed: scholars are recorded through a
 * {@link ScholarService} of their own that encrypts and hashes under an "old" key, and the re-key job is given
 * the application's key as current with the old one retired, as an operator's configuration would after a
 * rotation. {@link #close()} re-keys whatever a test left under the old key and gives the job its defaults back,
 * so that the other tests, which know the application's key only, can read every row.
 */
public final class RotatedKeys implements AutoCloseable {

    public static final String LAST = "Рекейбаева";
    public static final String FIRST = "Әлия";
    public static final String EMAIL = "rekey.test@example.kz";
    public static final String PHONE = "+7 701 555 44 33";

    public final RegistryKeys old = RegistryKeys.ephemeral();
    public final RegistryKeys rotated;
    private final ScholarService oldScholars;
    private final TestScholars fresh;
    private final RegistryRekeyJobs jobs;

    public RotatedKeys(RegistryKeys current, RegistryRepository repository, AuditLog audit,
                       ObligationService obligations, ReferenceData reference, ScholarService scholars,
                       RegistryRekeyJobs jobs, int batch) {
        this.rotated = current.withRetired(old);
        this.oldScholars = new ScholarService(repository, new PersonalDataCipher(old), new BlindIndex(old),
                new Pseudonym(old), audit, obligations, reference);
        this.fresh = new TestScholars(scholars);
        this.jobs = jobs;
        jobs.forTests(rotated, batch);
    }

    /** A scholar recorded before the rotation. */
    public record Old(long id, String iin) {
    }

    /** {@code n} scholars recorded under the old key, with names, patronymic and contacts. */
    public List<Old> scholars(int n) {
        List<Old> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String iin = fresh.freshIin(LocalDate.of(1991, 3, 1 + i % 28), i % 2 == 0 ? Sex.FEMALE : Sex.MALE);
            long id = oldScholars.create(new NewScholar(iin, LAST, FIRST, "Серікқызы", "Рекейбаева Алия",
                    "Rekeibayeva Aliya", EMAIL, PHONE, null, null, false), Access.PERSONAL);
            out.add(new Old(id, iin));
        }
        return out;
    }

    /** A job recorded under the old key: its employer and evidence are encrypted with it. */
    public long job(long scholarId, String employer, String evidence) {
        return oldScholars.addEmployment(scholarId, new NewEmployment(employer, null, "PRIVATE", null, "DE", null,
                LocalDate.of(2020, 1, 1), null, null, evidence), Access.PERSONAL, "rekey-tester");
    }

    /** A {@link ScholarService} configured as after the rotation: the application's key current, the old retired. */
    public ScholarService afterRotation(RegistryRepository repository, AuditLog audit, ObligationService obligations,
                                        ReferenceData reference) {
        return new ScholarService(repository, new PersonalDataCipher(rotated), new BlindIndex(rotated),
                new Pseudonym(rotated), audit, obligations, reference);
    }

    /** The application's keys with the old one retired, as the re-key job sees them. */
    public PersonalDataCipher rotatedCipher() {
        return new PersonalDataCipher(rotated);
    }

    @Override
    public void close() {
        jobs.listener(null);
        jobs.run(Access.PERSONAL, "rekey-cleanup");
        jobs.forTests(null, 0);
    }
}
