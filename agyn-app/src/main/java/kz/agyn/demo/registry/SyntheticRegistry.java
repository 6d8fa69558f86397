package kz.agyn.demo.registry;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Objects;

/**
 * The SYNTHETIC Bolashak registry: scholars, one award each, and employment episodes, as generated from a seed.
 *
 * <h2>What is calibrated</h2>
 * The analytical note's Table 3 as the brief reads it: {@value #SCHOLARS} scholars awarded in {@value
 * #FIRST_CALL_YEAR}–{@value #LAST_CALL_YEAR}; exactly {@value #STAYED_ABROAD} of them (10%) {@linkplain
 * #stayedAbroad stayed abroad}; of the returnees who work, 70% in the private sector, 15% in the public sector and
 * 15% in research and higher education, judged by their latest job in Kazakhstan (the note's shares add up to
 * 110%; Agyn's brief settles on 70/15/15, and the sum is recorded as a contradiction of the source). About
 * {@value #EPISODES_TARGET} employment episodes in all: the mean job length is solved for so that the count comes
 * out near the target whatever the seed.
 *
 * <h2>What is invented, to be plausible</h2>
 * <ul>
 *   <li>Awards per call year: a few hundred a year in the 1990s, a peak near 2008, 350–650 a year after 2014.</li>
 *   <li>Degree level: bachelor's awards fall from about half in 1994 to none from 2011 (when the programme
 *       stopped funding them); master's rise to about 63%, PhDs to 12%, internships to 25%.</li>
 *   <li>Age at award: bachelor 17–19, master 21–30, PhD 24–35, internship 25–45; sex 50/50.</li>
 *   <li>Field (ISCED-F broad 00–10) with engineering and ICT growing over time; host countries among 15 with
 *       Britain and the United States most frequent and Russia declining; real universities of each country.</li>
 *   <li>Study dates from the usual length per level and country, 12% finishing late and 3% early; those whose
 *       study ends after {@link #AS_OF} are still studying and have no job. About 3% of graduates get a
 *       deferral of their return for further study, 1–3 years.</li>
 *   <li>Returnees come home within two months (10%: within a year), start work within four months (5%: later),
 *       and change jobs every couple of years; about 10% of changes leave a gap of one month to a year and 7%
 *       overlap the previous job by two weeks to four months. A few (0.5%) leave for a job abroad years later.
 *       Those who stayed abroad mostly report a job there (no BIN, no KATO, no salary band).</li>
 *   <li>Regions weighted towards Almaty (KATO 75) and Astana (71), with the code valid on the job's start: Abai,
 *       Zhetysu and Ulytau only from 8 June 2022, Turkestan and Shymkent only from 19 June 2018 (South Kazakhstan,
 *       51, before). Jobs before 1997 use the 1997 units, the earliest the reference data know.</li>
 *   <li>Salary bands from a nominal wage growing 13% a year to about 400,000 KZT in 2024, times a sector and
 *       occupation premium. Funding from 2024 prices (master's 10.5–14 M KZT, PhD about 22 M KZT) deflated by 8.5%
 *       a year.</li>
 * </ul>
 *
 * <h2>Determinism</h2>
 * One {@link java.util.Random} drawn in a fixed order, lists instead of hash iteration, and {@link StrictMath}:
 * a seed gives the same records and the same CSV bytes on every JVM. The whole registry takes well under a second.
 *
 * @param asOf the day the registry describes: nothing happens after it
 */
public record SyntheticRegistry(long seed, LocalDate asOf, List<SyntheticScholar> scholars,
        List<SyntheticAward> awards, List<SyntheticEmployment> employments) {

    /** The default seed: the date of the analytical note, 6 November 2024. */
    public static final long SEED = 20_241_106L;
    /** The registry's reference date: the date of the note. */
    public static final LocalDate AS_OF = LocalDate.of(2024, 11, 6);
    public static final int SCHOLARS = 14_033;
    public static final int FIRST_CALL_YEAR = 1994;
    public static final int LAST_CALL_YEAR = 2024;
    /** The note's "1,400 stayed abroad". */
    public static final int STAYED_ABROAD = 1_400;
    public static final int EPISODES_TARGET = 60_000;
    public static final double PRIVATE_SHARE = 0.70;
    public static final double PUBLIC_SHARE = 0.15;
    public static final double RESEARCH_SHARE = 0.15;
    /**
     * How long after the end of study (or of a deferral) a graduate who is not back counts as having stayed
     * abroad; before that they are merely due home.
     */
    public static final Period ABROAD_AFTER = Period.ofYears(1);
    public static final String PROGRAMME = "BOLASHAK";

    public SyntheticRegistry {
        Objects.requireNonNull(asOf, "asOf");
        scholars = List.copyOf(scholars);
        awards = List.copyOf(awards);
        employments = List.copyOf(employments);
    }

    /** The registry of the default {@link #SEED}. */
    public static SyntheticRegistry generate() {
        return generate(SEED);
    }

    public static SyntheticRegistry generate(long seed) {
        return new RegistryGenerator(seed).run();
    }

    /**
     * Whether a scholar counts among the note's "stayed abroad" on {@link #AS_OF}: graduated, not back, and at least
     * {@link #ABROAD_AFTER} past the end of study or of an approved deferral. Computed from the award alone, as the
     * registry's cohort analytics can compute it.
     */
    public static boolean stayedAbroad(SyntheticAward award) {
        if (award.actualEnd() == null || award.returnedOn() != null) {
            return false;
        }
        LocalDate due = award.deferredUntil() != null ? award.deferredUntil() : award.actualEnd();
        return !due.plus(ABROAD_AFTER).isAfter(AS_OF);
    }

    /** Writes {@code scholars.csv}, {@code awards.csv} and {@code employments.csv} into {@code directory}. */
    public void writeCsv(Path directory) throws IOException {
        RegistryCsv.write(this, directory);
    }

    /** {@code java -cp target/classes kz.agyn.demo.registry.SyntheticRegistry DIR [SEED]} */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: SyntheticRegistry DIRECTORY [SEED]  (default seed " + SEED + ")");
            System.exit(2);
        }
        long seed = args.length == 2 ? Long.parseLong(args[1]) : SEED;
        SyntheticRegistry registry = generate(seed);
        registry.writeCsv(Path.of(args[0]));
        System.out.println(registry + " written to " + args[0]);
    }

    /** Counts only: the lists hold (synthetic) personal data. */
    @Override
    public String toString() {
        return "SyntheticRegistry[seed=" + seed + ", asOf=" + asOf + ", scholars=" + scholars.size() + ", awards="
                + awards.size() + ", employments=" + employments.size() + "]";
    }
}
