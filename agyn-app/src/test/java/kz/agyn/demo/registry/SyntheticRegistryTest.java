package kz.agyn.demo.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import kz.agyn.kernel.Iin;
import kz.agyn.kernel.IinCheck;
import kz.agyn.registry.scholars.DegreeLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default registry checked against the brief and the note. The definitions (who stayed abroad, a returnee's
 * sector) are written out here from docs/formats/registry.md rather than taken from the generator, so a wrong
 * definition there cannot pass its own test.
 */
class SyntheticRegistryTest {

    private static final LocalDate AS_OF = LocalDate.of(2024, 11, 6);
    private static final Set<String> COUNTRIES = Set.of(
            "US", "GB", "DE", "FR", "CN", "KR", "JP", "RU", "CA", "AU", "NL", "IT", "MY", "SG", "CH");
    private static final Set<String> UNITS_SINCE_1997 = Set.of(
            "11", "15", "19", "23", "27", "31", "35", "39", "43", "47", "51", "55", "59", "63", "71", "75");

    static SyntheticRegistry registry;
    static Map<String, SyntheticAward> awardOf;
    static Map<String, List<SyntheticEmployment>> jobsOf;

    @BeforeAll
    static void generate() {
        registry = SyntheticRegistry.generate();
        awardOf = registry.awards().stream().collect(Collectors.toMap(SyntheticAward::scholarRef, a -> a));
        jobsOf = registry.employments().stream().collect(Collectors.groupingBy(SyntheticEmployment::scholarRef));
    }

    @Test
    void hasTheNotesScholarsOneAwardEachAndAboutSixtyThousandEpisodes() {
        assertThat(registry.scholars()).hasSize(14_033);
        assertThat(registry.awards()).hasSize(14_033);
        assertThat(awardOf).hasSize(14_033);
        assertThat(registry.employments().size()).isBetween(57_000, 63_000);
        assertThat(registry.scholars()).extracting(SyntheticScholar::ref).doesNotHaveDuplicates();
        assertThat(registry.awards()).extracting(SyntheticAward::callYear).allMatch(y -> y >= 1994 && y <= 2024)
                .contains(1994, 2024);
    }

    @Test
    void tenPercentStayedAbroad() {
        long abroad = registry.awards().stream().filter(SyntheticRegistryTest::stayedAbroad).count();

        assertThat(abroad / 14_033.0).isCloseTo(0.10, within(0.01));
        for (SyntheticAward a : registry.awards()) {
            if (stayedAbroad(a)) {
                assertThat(jobsOf.getOrDefault(a.scholarRef(), List.of()))
                        .allMatch(e -> !e.country().equals("KZ") && e.employerBin() == null && e.kato() == null);
            }
        }
        assertThat(registry.awards().stream().filter(SyntheticRegistry::stayedAbroad).count()).isEqualTo(abroad);
    }

    @Test
    void returneesWorkSeventyFifteenFifteen() {
        Map<Sector, Integer> latest = new EnumMap<>(Sector.class);
        int returnees = 0;
        for (SyntheticAward a : registry.awards()) {
            if (a.returnedOn() == null) {
                continue;
            }
            List<SyntheticEmployment> home = jobsOf.getOrDefault(a.scholarRef(), List.of()).stream()
                    .filter(e -> e.country().equals("KZ")).collect(Collectors.toList());
            if (home.isEmpty()) {
                continue;
            }
            returnees++;
            SyntheticEmployment last = home.stream().max(Comparator.comparing(SyntheticEmployment::start)).orElseThrow();
            latest.merge(last.sector(), 1, Integer::sum);
        }

        assertThat(returnees).isGreaterThan(10_000);
        assertThat(latest.getOrDefault(Sector.PRIVATE, 0) / (double) returnees).isCloseTo(0.70, within(0.02));
        assertThat(latest.getOrDefault(Sector.PUBLIC, 0) / (double) returnees).isCloseTo(0.15, within(0.02));
        assertThat(latest.getOrDefault(Sector.RESEARCH, 0) / (double) returnees).isCloseTo(0.15, within(0.02));
    }

    @Test
    void iinsAreValidUniqueAndAgreeWithBirthDateAndSex() {
        Set<String> seen = new HashSet<>();
        for (SyntheticScholar s : registry.scholars()) {
            IinCheck check = Iin.check(s.iin().value());
            assertThat(check.valid()).isTrue();
            assertThat(s.iin().birthDate()).isEqualTo(s.birthDate());
            assertThat(s.iin().sex()).isEqualTo(s.sex());
            assertThat(seen.add(s.iin().value())).isTrue();
        }
    }

    @Test
    void ageAtAwardFitsTheLevel() {
        Map<String, SyntheticScholar> byRef = registry.scholars().stream()
                .collect(Collectors.toMap(SyntheticScholar::ref, s -> s));
        for (SyntheticAward a : registry.awards()) {
            int age = Period.between(byRef.get(a.scholarRef()).birthDate(), a.awardedOn()).getYears();
            switch (a.level()) {
                case BACHELOR -> assertThat(age).isBetween(17, 19);
                case MASTER -> assertThat(age).isBetween(21, 30);
                case PHD -> assertThat(age).isBetween(24, 35);
                case INTERNSHIP -> assertThat(age).isBetween(25, 45);
            }
            assertThat(a.awardedOn().getYear()).isEqualTo(a.callYear());
        }
    }

    @Test
    void sexIsAboutHalfAndHalf() {
        long male = registry.scholars().stream().filter(s -> s.sex() == kz.agyn.kernel.Sex.MALE).count();

        assertThat(male / 14_033.0).isCloseTo(0.5, within(0.02));
    }

    @Test
    void bachelorsGiveWayToMasters() {
        Map<Boolean, List<SyntheticAward>> split = registry.awards().stream()
                .collect(Collectors.partitioningBy(a -> a.callYear() >= 2011));
        long earlyBachelors = split.get(false).stream().filter(a -> a.level() == DegreeLevel.BACHELOR).count();
        long lateMasters = split.get(true).stream().filter(a -> a.level() == DegreeLevel.MASTER).count();

        assertThat(split.get(true)).noneMatch(a -> a.level() == DegreeLevel.BACHELOR);
        assertThat(earlyBachelors / (double) split.get(false).size()).isBetween(0.10, 0.40);
        assertThat(lateMasters / (double) split.get(true).size()).isBetween(0.55, 0.70);
        assertThat(registry.awards()).extracting(SyntheticAward::level).contains(DegreeLevel.values());
    }

    @Test
    void awardCodesAndAmountsArePlausible() {
        for (SyntheticAward a : registry.awards()) {
            assertThat(a.iscedField()).matches("0\\d|10");
            assertThat(COUNTRIES).contains(a.hostCountry());
            assertThat(a.hostUniversity()).isNotBlank();
            assertThat(a.fundingKzt()).isPositive();
            assertThat(a.programme()).isEqualTo("BOLASHAK");
            assertThat(a.synthetic()).isTrue();
        }
        double masters2024 = registry.awards().stream()
                .filter(a -> a.callYear() == 2024 && a.level() == DegreeLevel.MASTER)
                .mapToLong(SyntheticAward::fundingKzt).average().orElseThrow();
        double phd2024 = registry.awards().stream().filter(a -> a.callYear() >= 2023 && a.level() == DegreeLevel.PHD)
                .mapToLong(SyntheticAward::fundingKzt).average().orElseThrow();
        assertThat(masters2024).isBetween(9e6, 16e6);
        assertThat(phd2024).isBetween(17e6, 28e6);
    }

    @Test
    void datesAreInOrderAndNothingHappensAfterTheReferenceDay() {
        for (SyntheticAward a : registry.awards()) {
            assertThat(a.awardedOn()).isBeforeOrEqualTo(AS_OF).isBeforeOrEqualTo(a.studyStart());
            assertThat(a.studyStart()).isBefore(a.plannedEnd());
            if (a.actualEnd() != null) {
                assertThat(a.actualEnd()).isBeforeOrEqualTo(AS_OF).isAfter(a.studyStart());
            }
            if (a.returnedOn() != null) {
                assertThat(a.returnedOn()).isAfter(a.deferredUntil() != null ? a.deferredUntil() : a.actualEnd())
                        .isBeforeOrEqualTo(AS_OF);
            }
        }
        for (SyntheticEmployment e : registry.employments()) {
            assertThat(e.start()).isBeforeOrEqualTo(AS_OF);
            if (e.end() != null) {
                assertThat(e.end()).isAfterOrEqualTo(e.start()).isBeforeOrEqualTo(AS_OF);
            }
            SyntheticAward a = awardOf.get(e.scholarRef());
            assertThat(e.start()).isAfter(a.actualEnd());
            if (e.country().equals("KZ")) {
                assertThat(e.start()).isAfterOrEqualTo(a.returnedOn());
            }
        }
    }

    @Test
    void peopleStillStudyingOrDeferredHaveNoJobs() {
        long studying = 0;
        for (SyntheticAward a : registry.awards()) {
            boolean deferredNow = a.deferredUntil() != null && a.deferredUntil().isAfter(AS_OF);
            if (a.actualEnd() == null || deferredNow) {
                studying++;
                assertThat(jobsOf.get(a.scholarRef())).isNull();
                assertThat(a.returnedOn()).isNull();
            }
        }
        assertThat(studying).isBetween(500L, 3_000L);
    }

    @Test
    void aboutThreePercentOfGraduatesDeferredForFurtherStudy() {
        List<SyntheticAward> graduates = registry.awards().stream().filter(a -> a.actualEnd() != null).toList();
        long deferred = graduates.stream().filter(a -> a.deferredUntil() != null).count();

        assertThat(deferred / (double) graduates.size()).isCloseTo(0.03, within(0.01));
        assertThat(graduates).filteredOn(a -> a.deferredUntil() != null)
                .allMatch(a -> "FURTHER_STUDY".equals(a.deferralReason()) && a.deferredUntil().isAfter(a.actualEnd()));
    }

    @Test
    void someJobChangesOverlapAndSomeLeaveGaps() {
        int transitions = 0;
        int overlaps = 0;
        int gaps = 0;
        for (List<SyntheticEmployment> jobs : jobsOf.values()) {
            List<SyntheticEmployment> home = jobs.stream().filter(e -> e.country().equals("KZ")).toList();
            for (int i = 1; i < home.size(); i++) {
                LocalDate previousEnd = home.get(i - 1).end();
                transitions++;
                if (home.get(i).start().isBefore(previousEnd.plusDays(1))) {
                    overlaps++;
                } else if (home.get(i).start().isAfter(previousEnd.plusDays(1))) {
                    gaps++;
                }
            }
        }
        assertThat(overlaps / (double) transitions).isBetween(0.03, 0.12);
        assertThat(gaps / (double) transitions).isBetween(0.05, 0.15);
    }

    @Test
    void episodesAreNumberedInOrderOfStart() {
        for (List<SyntheticEmployment> jobs : jobsOf.values()) {
            for (int i = 0; i < jobs.size(); i++) {
                assertThat(jobs.get(i).seq()).isEqualTo(i + 1);
                if (i > 0) {
                    assertThat(jobs.get(i).start()).isAfter(jobs.get(i - 1).start());
                }
            }
        }
    }

    @Test
    void employerBinsHaveValidCheckDigits() {
        Set<String> bins = new HashSet<>();
        for (SyntheticEmployment e : registry.employments()) {
            if (e.employerBin() == null) {
                assertThat(e.country()).isNotEqualTo("KZ");
                continue;
            }
            String bin = e.employerBin();
            assertThat(bin).matches("\\d{12}");
            assertThat(Iin.checkDigit(bin.substring(0, 11))).isEqualTo(bin.charAt(11) - '0');
            assertThat(Integer.parseInt(bin.substring(2, 4))).isBetween(1, 12);
            assertThat(bin.charAt(4)).isEqualTo('4');
            bins.add(bin);
        }
        assertThat(bins.size()).isGreaterThan(500);
    }

    @Test
    void regionsAreTheUnitsValidWhenTheJobStartedWeightedToTheCities() {
        Map<String, Integer> count = new HashMap<>();
        int home = 0;
        for (SyntheticEmployment e : registry.employments()) {
            if (!e.country().equals("KZ")) {
                continue;
            }
            home++;
            assertThat(e.kato()).matches("\\d{2}0000000");
            String unit = e.kato().substring(0, 2);
            Set<String> valid = new HashSet<>(UNITS_SINCE_1997);
            if (!e.start().isBefore(LocalDate.of(2018, 6, 19))) {
                valid.remove("51");
                valid.addAll(Set.of("61", "79"));
            }
            if (!e.start().isBefore(LocalDate.of(2022, 6, 8))) {
                valid.addAll(Set.of("10", "33", "62"));
            }
            if (e.start().isBefore(LocalDate.of(1997, 12, 10))) {
                valid.remove("71");
            }
            assertThat(valid).contains(unit);
            assertThat(e.isco()).matches("[1-3]\\d");
            assertThat(e.salaryBand()).isNotNull();
            assertThat(e.employerName()).isNotBlank();
            count.merge(unit, 1, Integer::sum);
        }
        assertThat(count.get("75") / (double) home).isBetween(0.28, 0.40);
        assertThat(count.get("71") / (double) home).isBetween(0.22, 0.34);
    }

    @Test
    void contactsCannotReachAnyone() {
        for (SyntheticScholar s : registry.scholars()) {
            assertThat(s.email()).matches("[a-z]+\\.[a-z]+\\.\\d{6}@synthetic\\.example");
            assertThat(s.phone()).matches("\\+77\\d\\d000\\d{4}");
            assertThat(s.synthetic()).isTrue();
            assertThat(s.toString()).doesNotContain(s.iin().value()).doesNotContain(s.kazakh().last());
        }
    }

    @Test
    void namesAreGenderedAndWrittenInThreeScripts() {
        for (SyntheticScholar s : registry.scholars()) {
            String last = s.russian().last();
            boolean female = s.sex() == kz.agyn.kernel.Sex.FEMALE;
            if (last.endsWith("улы") || last.endsWith("кызы")) {
                assertThat(last.endsWith("кызы")).isEqualTo(female);
                assertThat(s.kazakh().patronymic()).isNull();
            } else {
                assertThat(last.endsWith("а")).isEqualTo(female);
            }
            if (s.russian().patronymic() != null) {
                assertThat(s.russian().patronymic()).endsWith(female ? "овна" : "ович");
            }
            assertThat(s.latin().last()).matches("[A-ZÄĞIİÑÖŞŪÜ][a-zäğıiñöşūü]+");
            assertThat(s.latin().first()).isEqualTo(KazakhLatin.transliterate(s.kazakh().first()));
        }
        assertThat(registry.scholars()).anyMatch(s -> s.kazakh().last().matches(".*[әғқңөұүһі].*"));
    }

    @Test
    void writesTheDocumentedCsvFiles(@TempDir Path dir) throws IOException {
        registry.writeCsv(dir);

        List<String> scholars = Files.readAllLines(dir.resolve("scholars.csv"));
        List<String> awards = Files.readAllLines(dir.resolve("awards.csv"));
        List<String> jobs = Files.readAllLines(dir.resolve("employments.csv"));
        assertThat(scholars.get(0)).isEqualTo("scholar_ref,iin,last_name_kk,first_name_kk,patronymic_kk,last_name_ru,"
                + "first_name_ru,patronymic_ru,last_name_latin,first_name_latin,patronymic_latin,birth_date,sex,email,"
                + "phone,synthetic");
        assertThat(awards.get(0)).isEqualTo("award_ref,scholar_ref,programme,call_year,awarded_on,degree_level,"
                + "isced_f,host_country,host_university,funding_kzt,security_kind,security_ref,study_start,"
                + "planned_end,actual_end,deferred_until,deferral_reason,returned_on,synthetic,foreign_grant,honours,"
                + "spent_kzt");
        assertThat(jobs.get(0)).isEqualTo("scholar_ref,seq,employer_name,employer_bin,sector,country,kato,isco_08,"
                + "salary_band,start_date,end_date,evidence,synthetic");
        assertThat(scholars).hasSize(14_034);
        assertThat(awards).hasSize(14_034);
        assertThat(jobs).hasSize(registry.employments().size() + 1);
        assertThat(scholars.get(1)).matches("BOL-000001,\\d{12},[^,]+,[^,]+,[^,]*,[^,]+,[^,]+,[^,]*,[^,]+,[^,]+,[^,]*,"
                + "\\d{4}-\\d\\d-\\d\\d,(MALE|FEMALE),[^,]+,\\+7\\d{10},true");
        // synthetic, then foreign_grant, honours and spent_kzt (whole tenge, or empty when not recorded).
        assertThat(awards).allMatch(l -> l.matches(".*,true,(true|false),(true|false),\\d*") || l.startsWith("award_ref"));
        // "University of California, Berkeley" holds a comma: quoted.
        assertThat(awards).anyMatch(l -> l.contains(",\"University of California, Berkeley\","));
        assertThat(Files.readString(dir.resolve("scholars.csv"))).doesNotContain("\r").doesNotStartWith("\uFEFF");
    }

    @Test
    void isReproducibleByteForByte(@TempDir Path dir) throws Exception {
        SyntheticRegistry again = SyntheticRegistry.generate(SyntheticRegistry.SEED);
        registry.writeCsv(dir.resolve("a"));
        again.writeCsv(dir.resolve("b"));

        for (String file : List.of("scholars.csv", "awards.csv", "employments.csv")) {
            assertThat(sha256(dir.resolve("b").resolve(file))).isEqualTo(sha256(dir.resolve("a").resolve(file)));
        }
        assertThat(again.employments()).isEqualTo(registry.employments());
        assertThat(SyntheticRegistry.generate(1).scholars().get(0).iin()).isNotEqualTo(registry.scholars().get(0).iin());
    }

    /**
     * The award attributes of the published rules (issue 15), so that the demonstration shows them at work: what was
     * spent for about half the awards (never more than the budget, in proportion to the study done), a foreign grant
     * for some degree scholars, honours for some graduates, never for internships; and regional jobs beside the three
     * cities (3 years against 5).
     */
    @Test
    void awardsCarryWhatWasSpentForeignGrantsAndHonours() {
        List<SyntheticAward> awards = registry.awards();
        long spent = awards.stream().filter(a -> a.spentKzt() != null).count();
        assertThat(spent / 14_033.0).isCloseTo(0.5, within(0.03));
        for (SyntheticAward a : awards) {
            if (a.spentKzt() != null) {
                assertThat(a.spentKzt()).isPositive().isLessThanOrEqualTo(a.fundingKzt());
            }
            if (a.level() == DegreeLevel.INTERNSHIP) {
                assertThat(a.foreignGrant()).isFalse();
                assertThat(a.honours()).isFalse();
            }
            if (a.actualEnd() == null) {
                assertThat(a.honours()).isFalse();
            }
        }
        // Studying scholars have spent only part of the budget: "what was spent" differs from the budget for them.
        assertThat(awards.stream().filter(a -> a.actualEnd() == null && a.spentKzt() != null)
                .filter(a -> a.spentKzt() < a.fundingKzt() * 0.9)).isNotEmpty();
        long grants = awards.stream().filter(SyntheticAward::foreignGrant).count();
        long honours = awards.stream().filter(SyntheticAward::honours).count();
        assertThat(grants).isBetween(500L, 2_000L);
        assertThat(honours).isBetween(1_500L, 3_000L);
        long regional = registry.employments().stream().filter(e -> "KZ".equals(e.country()) && e.kato() != null)
                .filter(e -> !Set.of("71", "75", "79").contains(e.kato().substring(0, 2))).count();
        assertThat(regional).isPositive();
    }

    @Test
    void toStringShowsCountsOnly() {
        assertThat(registry.toString()).isEqualTo("SyntheticRegistry[seed=20241106, asOf=2024-11-06, scholars=14033, "
                + "awards=14033, employments=" + registry.employments().size() + "]");
    }

    /** docs/formats/registry.md: graduated, not back, and a year past the end of study or deferral. */
    private static boolean stayedAbroad(SyntheticAward a) {
        if (a.actualEnd() == null || a.returnedOn() != null) {
            return false;
        }
        LocalDate due = a.deferredUntil() != null ? a.deferredUntil() : a.actualEnd();
        return !due.plusYears(1).isAfter(AS_OF);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
