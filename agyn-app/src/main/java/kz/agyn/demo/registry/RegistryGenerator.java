package kz.agyn.demo.registry;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import kz.agyn.kernel.Iin;
import kz.agyn.kernel.Sex;
import kz.agyn.registry.scholars.DegreeLevel;
import kz.agyn.registry.scholars.Evidence;
import kz.agyn.registry.scholars.SalaryBand;
import kz.agyn.registry.scholars.SecurityKind;

/**
 * The generation itself; {@link SyntheticRegistry} documents what it produces. Four passes, each over the scholars
 * in order: people and awards; the choice of who stayed abroad (it needs every graduate); return dates and the
 * start of work (the job length is solved for from the total time at work); employment episodes.
 */
final class RegistryGenerator {

    private static final LocalDate AS_OF = SyntheticRegistry.AS_OF;

    // Awards per call year before scaling to the total: see SyntheticRegistry's comment.
    private static final int[] YEAR_WEIGHT = {
        80, 95, 110, 125, 140, 155, 170, 185, 200, 215, 230,                 // 1994–2004
        600, 900, 1100, 1400, 1100, 900, 800, 750, 700, 650,                 // 2005–2014
        600, 550, 500, 450, 450, 350, 400, 500, 500, 450                     // 2015–2024
    };

    private static final String[] COUNTRIES = {
        "US", "GB", "DE", "FR", "CN", "KR", "JP", "RU", "CA", "AU", "NL", "IT", "MY", "SG", "CH"};
    private static final double[] COUNTRY_WEIGHT = {22, 25, 7, 3, 3, 4, 3, 8, 5, 4, 4, 2, 3, 2, 2};
    // Relative cost of study and living, for the funding amount.
    private static final double[] COUNTRY_COST = {
        1.25, 1.15, 0.80, 0.85, 0.70, 0.85, 0.95, 0.60, 1.10, 1.15, 1.00, 0.85, 0.60, 1.10, 1.30};
    // Relative propensity to stay, for choosing who stayed abroad.
    private static final double[] COUNTRY_STAY = {
        1.30, 1.15, 1.10, 1.00, 0.70, 0.90, 0.90, 0.80, 1.30, 1.20, 1.10, 0.90, 0.60, 1.20, 1.20};
    private static final String[][] UNIVERSITIES = {
        {"Harvard University", "Columbia University", "University of California, Berkeley", "Stanford University",
            "Johns Hopkins University"},
        {"University College London", "University of Manchester", "University of Edinburgh", "King's College London",
            "University of Warwick"},
        {"Technical University of Munich", "Heidelberg University", "Humboldt University of Berlin"},
        {"Sciences Po", "Sorbonne University", "École Polytechnique"},
        {"Tsinghua University", "Peking University", "Fudan University"},
        {"Seoul National University", "KAIST", "Yonsei University"},
        {"University of Tokyo", "Kyoto University", "Tohoku University"},
        {"Lomonosov Moscow State University", "Saint Petersburg State University",
            "Bauman Moscow State Technical University"},
        {"University of Toronto", "McGill University", "University of British Columbia"},
        {"University of Melbourne", "Australian National University", "University of Sydney"},
        {"Delft University of Technology", "University of Amsterdam", "Erasmus University Rotterdam"},
        {"Politecnico di Milano", "University of Bologna", "Bocconi University"},
        {"University of Malaya", "Universiti Teknologi Malaysia"},
        {"National University of Singapore", "Nanyang Technological University"},
        {"ETH Zurich", "University of Geneva", "EPFL"}
    };
    private static final Set<String> ONE_YEAR_MASTER = Set.of("GB", "AU", "NL", "SG");
    private static final Set<String> LONG_PHD = Set.of("US", "CA");

    // ISCED-F 2013 broad fields 00–10: weight in 1994 and in 2024, interpolated in between.
    private static final double[] FIELD_1994 = {1, 6, 8, 11, 28, 10, 4, 15, 4, 9, 4};
    private static final double[] FIELD_2024 = {0.5, 6, 5, 8, 18, 10, 13, 22, 4, 11, 2.5};
    private static final double[] FIELD_STAY = {1, 0.8, 1, 1, 0.9, 1.2, 1.3, 1.2, 0.7, 1.1, 0.8};

    private static final String[] REGIONS = {
        "75", "71", "79", "35", "23", "63", "15", "55", "47", "19", "39", "27", "31", "43", "11", "59", "61", "10",
        "33", "62"};
    private static final double[] REGION_WEIGHT = {
        34, 28, 4, 3.5, 3, 2.5, 2.5, 2, 2, 2, 1.5, 1.5, 1.5, 1.2, 1.5, 1, 1.5, 1, 1, 0.5};

    private static final String[] MOBILE_PREFIXES = {
        "700", "701", "702", "705", "707", "708", "747", "771", "775", "776", "777", "778"};

    private static final Sector[] FINAL_SECTORS = {Sector.PRIVATE, Sector.PUBLIC, Sector.RESEARCH};
    private static final double[] FINAL_SECTOR_WEIGHT = {
        SyntheticRegistry.PRIVATE_SHARE, SyntheticRegistry.PUBLIC_SHARE, SyntheticRegistry.RESEARCH_SHARE};
    private static final Sector[] EARLIER_SECTORS = Sector.values();
    private static final double[] EARLIER_SECTOR_WEIGHT = {17, 10, 55, 13, 5};   // in Sector order
    private static final Map<Sector, Integer> POOL_SIZE = new EnumMap<>(Map.of(
            Sector.PUBLIC, 300, Sector.QUASI_PUBLIC, 80, Sector.PRIVATE, 1600, Sector.RESEARCH, 160, Sector.NGO, 60));

    // ISCO-08 sub-major groups and their weight per sector (rows in Sector order).
    private static final String[] ISCO = {"11", "12", "13", "14", "21", "22", "23", "24", "25", "26", "31", "33"};
    private static final double[][] ISCO_WEIGHT = {
        {10, 10, 2, 1, 5, 8, 5, 30, 4, 20, 2, 12},      // PUBLIC
        {6, 14, 10, 1, 18, 3, 1, 22, 8, 5, 4, 8},       // QUASI_PUBLIC
        {4, 14, 8, 2, 16, 4, 1, 22, 14, 6, 4, 8},       // PRIVATE
        {1, 5, 1, 0, 25, 8, 45, 3, 4, 10, 2, 1},        // RESEARCH
        {10, 3, 1, 1, 2, 10, 10, 25, 2, 30, 1, 15}      // NGO
    };

    private static final double SALARY_2024 = 400_000;
    private static final double SALARY_GROWTH = 1.13;
    private static final double[] SECTOR_PAY = {1.3, 1.8, 1.9, 1.0, 1.1};          // in Sector order
    private static final double PRICE_GROWTH = 1.085;

    // Job changes: 10% leave a gap, 7% overlap; the mean gap enters the solved-for job length.
    private static final double GAP_SHARE = 0.10;
    private static final double OVERLAP_SHARE = 0.07;
    private static final double JOB_SIGMA = 0.6;
    // A renewal count falls short of time/mean by about (1 - CV^2)/2 per person, CV^2 = exp(sigma^2) - 1.
    private static final double RENEWAL_SHORTFALL = (2 - StrictMath.exp(JOB_SIGMA * JOB_SIGMA)) / 2;

    private static final String[] PRIVATE_WORDS = {
        "Steppe", "Altyn", "Nomad", "Samal", "Tengri", "Arman", "Kókjiek", "Saryarqa", "Zhibek", "Baiterek"};
    private static final String[] TRADES = {
        "Digital", "Consulting", "Engineering", "Logistics", "Energy", "Pharm", "Finance", "Systems", "Agro",
        "Build", "Analytics", "Media"};
    private static final String[] DEPARTMENTS = {
        "цифровизации", "образования", "здравоохранения", "финансов", "экономики", "юстиции", "энергетики",
        "сельского хозяйства", "предпринимательства", "статистики"};
    private static final String[] SCIENCES = {
        "физики", "химии", "математики", "экономики", "биологии", "геологии", "информатики", "истории"};
    private static final String[] UNIVERSITY_WORDS = {
        "Алатау", "Есиль", "Сарыарка", "Каспий", "Иртыш", "Тарбагатай", "Жетысу", "Арал"};
    private static final String[] FUND_WORDS = {"развития", "науки", "образования", "молодёжи", "здоровья"};

    private record Employer(String name, String bin, LocalDate registered) {
    }

    /** Mutable state of one scholar between passes. */
    private static final class Draft {
        SyntheticScholar scholar;
        int callYear;
        LocalDate awardedOn;
        DegreeLevel level;
        int field;
        int country;
        String university;
        long funding;
        SecurityKind securityKind;
        String securityRef;
        LocalDate start;
        LocalDate plannedEnd;
        LocalDate actualEnd;
        LocalDate deferredUntil;
        LocalDate returnedOn;
        boolean abroad;
        int foreignJobs;
        LocalDate firstJob;
    }

    private final long seed;
    private final Random random;
    // The award attributes of the published rules (issue 15) draw from a stream of their own, so that adding them
    // left every other draw, and so every count the demonstration is known by, as it was.
    private final Random attributes;
    private final Set<String> iins = new HashSet<>();
    private final Set<String> bins = new HashSet<>();
    // Employers by sector, then by region index, sorted by registration date.
    private final Map<Sector, List<List<Employer>>> pool = new EnumMap<>(Sector.class);
    private final List<SyntheticEmployment> employments = new ArrayList<>(64_000);

    RegistryGenerator(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
        this.attributes = new Random(seed * 31 + 15);
    }

    SyntheticRegistry run() {
        buildEmployers();
        int[] perYear = apportion(YEAR_WEIGHT, SyntheticRegistry.SCHOLARS);
        List<Draft> drafts = new ArrayList<>(SyntheticRegistry.SCHOLARS);
        for (int y = 0; y < perYear.length; y++) {
            for (int k = 0; k < perYear[y]; k++) {
                drafts.add(person(SyntheticRegistry.FIRST_CALL_YEAR + y, drafts.size() + 1));
            }
        }
        chooseWhoStayedAbroad(drafts);
        double careerDays = 0;
        int working = 0;
        int foreign = 0;
        for (Draft d : drafts) {
            returnHome(d);
            if (d.firstJob != null) {
                careerDays += ChronoUnit.DAYS.between(d.firstJob, AS_OF);
                working++;
            }
            foreign += d.foreignJobs;
        }
        double meanGap = GAP_SHARE * (30 + 365) / 2.0 - OVERLAP_SHARE * (15 + 120) / 2.0;
        double renewals = SyntheticRegistry.EPISODES_TARGET - foreign - working * (1 - RENEWAL_SHORTFALL);
        double meanJob = careerDays / renewals - meanGap;

        List<SyntheticScholar> scholars = new ArrayList<>(drafts.size());
        List<SyntheticAward> awards = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            scholars.add(d.scholar);
            awards.add(award(d));
            if (d.abroad) {
                foreignJobs(d);
            } else if (d.firstJob != null) {
                homeJobs(d, meanJob);
            }
        }
        return new SyntheticRegistry(seed, AS_OF, scholars, awards, employments);
    }

    // ---------------------------------------------------------------- pass 1: people and awards

    private Draft person(int year, int number) {
        Draft d = new Draft();
        d.callYear = year;
        double t = Math.min(1.0, (year - SyntheticRegistry.FIRST_CALL_YEAR) / 17.0);
        d.level = level(year, t);
        d.field = pick(interpolate(FIELD_1994, FIELD_2024, (year - 1994) / 30.0));
        double[] countryWeight = COUNTRY_WEIGHT.clone();
        countryWeight[7] *= 1.6 - 1.0 * t;            // Russia: common early, rarer later
        countryWeight[0] *= d.level == DegreeLevel.PHD ? 1.3 : 1.0;
        d.country = pick(countryWeight);
        String[] universities = UNIVERSITIES[d.country];
        d.university = universities[random.nextInt(universities.length)];

        Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
        int age = age(d.level);
        d.awardedOn = LocalDate.of(year, 6, 1).plusDays(random.nextInt(92));
        LocalDate earliest = d.awardedOn.minusYears(age + 1L).plusDays(1);
        LocalDate latest = d.awardedOn.minusYears(age);
        LocalDate birth = earliest.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(earliest, latest) + 1));
        Iin iin = uniqueIin(birth, sex);
        PersonName[] names = Names.draw(random, sex);
        String ref = "BOL-" + digits(number, 6);
        String email = (KazakhLatin.ascii(names[2].first()) + "." + KazakhLatin.ascii(names[2].last())).toLowerCase(
                java.util.Locale.ROOT) + "." + ref.substring(4) + "@synthetic.example";
        String phone = "+7" + MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)] + "000"
                + digits(random.nextInt(10_000), 4);
        d.scholar = new SyntheticScholar(ref, iin, birth, sex, names[0], names[1], names[2], email, phone, true);

        studyDates(d);
        d.funding = funding(d);
        d.securityKind = random.nextDouble() < 0.55 ? SecurityKind.PLEDGE : SecurityKind.GUARANTORS;
        d.securityRef = (d.securityKind == SecurityKind.PLEDGE ? "SYN-PLG-" : "SYN-GRT-") + ref.substring(4);
        boolean defers = random.nextDouble() < 0.03;
        int deferralMonths = 12 + random.nextInt(25);
        if (d.actualEnd != null && defers) {
            d.deferredUntil = d.actualEnd.plusMonths(deferralMonths);
        }
        return d;
    }

    private DegreeLevel level(int year, double t) {
        double bachelor = year >= 2011 ? 0 : 0.55 * (1 - t);
        double phd = 0.04 + 0.08 * t;
        double internship = 0.12 + 0.13 * t;
        double master = 1 - bachelor - phd - internship;
        return DegreeLevel.values()[pick(new double[] {bachelor, master, phd, internship})];
    }

    private int age(DegreeLevel level) {
        switch (level) {
            case BACHELOR:
                return 17 + pick(new double[] {30, 55, 15});
            case MASTER:
                return 21 + pick(new double[] {8, 14, 16, 14, 11, 9, 8, 7, 7, 6});
            case PHD:
                return 24 + pick(new double[] {5, 8, 10, 11, 11, 10, 10, 9, 8, 7, 6, 5});
            default:
                double[] w = new double[21];
                for (int i = 0; i < w.length; i++) {
                    w[i] = 30 - i;
                }
                return 25 + pick(w);
        }
    }

    private Iin uniqueIin(LocalDate birth, Sex sex) {
        while (true) {
            Optional<Iin> iin = Iin.of(birth, sex, random.nextInt(10_000));
            if (iin.isPresent() && iins.add(iin.get().value())) {
                return iin.get();
            }
        }
    }

    private void studyDates(Draft d) {
        String country = COUNTRIES[d.country];
        int months;
        if (d.level == DegreeLevel.INTERNSHIP) {
            d.start = d.awardedOn.plusDays(30 + random.nextInt(151));
            months = 3 + random.nextInt(10);
        } else {
            double u = random.nextDouble();
            d.start = u < 0.10 ? LocalDate.of(d.callYear + 1, 9, 1)            // a year of language study first
                    : u < 0.25 ? LocalDate.of(d.callYear + 1, 1, 15)
                    : LocalDate.of(d.callYear, 9, 1);
            switch (d.level) {
                case BACHELOR:
                    months = 46;
                    break;
                case MASTER:
                    months = ONE_YEAR_MASTER.contains(country) ? 11 + random.nextInt(2) : 22;
                    break;
                default:
                    months = (LONG_PHD.contains(country) ? 48 : 36) + random.nextInt(13);
                    break;
            }
        }
        d.plannedEnd = d.start.plusMonths(months).minusDays(1);
        double u = random.nextDouble();
        int shift = 1 + random.nextInt(12);
        LocalDate end = u < 0.85 ? d.plannedEnd
                : u < 0.88 ? d.plannedEnd.minusMonths(Math.min(months / 4, Math.min(3, shift)))
                : d.plannedEnd.plusMonths(shift);
        d.actualEnd = end.isAfter(AS_OF) ? null : end;
    }

    private long funding(Draft d) {
        long months = ChronoUnit.MONTHS.between(d.start, d.plannedEnd.plusDays(1));
        double base2024;
        switch (d.level) {
            case BACHELOR:
                base2024 = 40_000_000;
                break;
            case MASTER:
                base2024 = months <= 12 ? 10_500_000 : 14_000_000;
                break;
            case PHD:
                base2024 = 22_000_000 * months / 42.0;
                break;
            default:
                base2024 = 3_200_000 * months / 8.0;
                break;
        }
        double amount = base2024 * COUNTRY_COST[d.country] * StrictMath.pow(PRICE_GROWTH, d.callYear - 2024.0)
                * StrictMath.exp(0.1 * random.nextGaussian());
        return Math.round(amount / 1000.0) * 1000;
    }

    // ---------------------------------------------------------------- pass 2: who stayed abroad

    /**
     * Exactly {@value SyntheticRegistry#STAYED_ABROAD} of those who could have (graduated long enough ago),
     * weighted towards PhDs, bachelors, far countries and sciences: weighted sampling without replacement with
     * Efraimidis–Spirakis keys log(u)/w.
     */
    private void chooseWhoStayedAbroad(List<Draft> drafts) {
        List<Draft> eligible = new ArrayList<>();
        List<Double> keys = new ArrayList<>();
        for (Draft d : drafts) {
            if (d.actualEnd == null || returnBase(d).plus(SyntheticRegistry.ABROAD_AFTER).isAfter(AS_OF)) {
                continue;
            }
            double w = COUNTRY_STAY[d.country] * FIELD_STAY[d.field] * switch (d.level) {
                case PHD -> 1.6;
                case BACHELOR -> 1.4;
                case MASTER -> 1.0;
                case INTERNSHIP -> 0.35;
            };
            eligible.add(d);
            keys.add(StrictMath.log(1 - random.nextDouble()) / w);
        }
        Integer[] order = new Integer[eligible.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> keys.get(i)).reversed());
        for (int i = 0; i < SyntheticRegistry.STAYED_ABROAD; i++) {
            eligible.get(order[i]).abroad = true;
        }
    }

    private static LocalDate returnBase(Draft d) {
        return d.deferredUntil != null ? d.deferredUntil : d.actualEnd;
    }

    // ---------------------------------------------------------------- pass 3: return and first job

    private void returnHome(Draft d) {
        double u = random.nextDouble();
        int days = u < 0.9 ? 1 + random.nextInt(60) : 61 + random.nextInt(305);
        double v = random.nextDouble();
        int search = v < 0.95 ? random.nextInt(121) : 121 + random.nextInt(280);
        int jobsAbroad = random.nextDouble() < 0.65 ? 1 + pick(new double[] {50, 35, 15}) : 0;
        if (d.actualEnd == null) {
            return;
        }
        if (d.abroad) {
            d.foreignJobs = jobsAbroad;
            return;
        }
        LocalDate back = returnBase(d).plusDays(days);
        if (back.isAfter(AS_OF)) {
            return;
        }
        d.returnedOn = back;
        LocalDate firstJob = back.plusDays(search);
        d.firstJob = firstJob.isAfter(AS_OF) ? null : firstJob;
    }

    private SyntheticAward award(Draft d) {
        String ref = d.scholar.ref();
        return new SyntheticAward(ref + "-1", ref, SyntheticRegistry.PROGRAMME, d.callYear, d.awardedOn, d.level,
                digits(d.field, 2), COUNTRIES[d.country], d.university, d.funding, d.securityKind,
                d.securityRef, d.start, d.plannedEnd, d.actualEnd, d.deferredUntil,
                d.deferredUntil == null ? null : "FURTHER_STUDY", d.returnedOn, true, foreignGrant(d),
                honours(d), spent(d));
    }

    /**
     * A foreign university's grant beside the scholarship: rare early, about one master's or doctoral scholar in
     * eight lately (an assumption: no figure is published). Internships never.
     */
    private boolean foreignGrant(Draft d) {
        double u = attributes.nextDouble();
        if (d.level == DegreeLevel.INTERNSHIP) {
            return false;
        }
        return u < (d.callYear >= 2015 ? 0.12 : 0.04);
    }

    /** Excellent results: about one graduate of a degree programme in five; nobody still studying. */
    private boolean honours(Draft d) {
        double u = attributes.nextDouble();
        return d.actualEnd != null && d.level != DegreeLevel.INTERNSHIP && u < 0.20;
    }

    /**
     * What was spent, recorded for about half the awards: the budget in proportion to the share of the planned
     * study done (to the actual end, or to the reference day while studying), times 88–100% (not every planned
     * expense is incurred), in whole thousands. Not recorded for the rest, which then repay on the budget with
     * SPENT_NOT_RECORDED, as real files without the column do.
     */
    private Long spent(Draft d) {
        double u = attributes.nextDouble();
        double economy = 0.88 + 0.12 * attributes.nextDouble();
        LocalDate until = d.actualEnd != null ? d.actualEnd : AS_OF;
        double planned = ChronoUnit.DAYS.between(d.start, d.plannedEnd) + 1;
        double done = Math.max(0, Math.min(planned, ChronoUnit.DAYS.between(d.start, until) + 1));
        if (u >= 0.5 || done == 0) {
            return null;   // not recorded, or study not begun: nothing spent to record
        }
        return Math.round(d.funding * (done / planned) * economy / 1000.0) * 1000;
    }

    // ---------------------------------------------------------------- pass 4: employment episodes

    private void homeJobs(Draft d, double meanJob) {
        Sector last = FINAL_SECTORS[pick(FINAL_SECTOR_WEIGHT)];
        List<LocalDate[]> spells = new ArrayList<>();
        LocalDate start = d.firstJob;
        while (true) {
            long length = Math.max(30, Math.round(meanJob * StrictMath.exp(JOB_SIGMA * random.nextGaussian()
                    - JOB_SIGMA * JOB_SIGMA / 2)));
            LocalDate end = start.plusDays(length - 1);
            if (!end.isBefore(AS_OF)) {
                spells.add(new LocalDate[] {start, null});
                break;
            }
            spells.add(new LocalDate[] {start, end});
            double u = random.nextDouble();
            LocalDate next;
            if (u < GAP_SHARE) {
                next = end.plusDays(30 + random.nextInt(336));
            } else if (u < GAP_SHARE + OVERLAP_SHARE) {
                LocalDate overlapped = end.minusDays(15 + random.nextInt(106));
                next = overlapped.isAfter(start) ? overlapped : start.plusDays(1);
            } else {
                next = end.plusDays(1);
            }
            if (next.isAfter(AS_OF)) {
                break;
            }
            start = next;
        }
        // A few leave for good years later: the last job at home ends, one abroad follows.
        boolean leaves = random.nextDouble() < 0.005;
        LocalDate[] final0 = spells.get(spells.size() - 1);
        LocalDate leftOn = null;
        if (leaves && final0[1] == null && ChronoUnit.DAYS.between(final0[0], AS_OF) > 400) {
            final0[1] = final0[0].plusDays(Math.max(180, ChronoUnit.DAYS.between(final0[0], AS_OF) / 2));
            leftOn = final0[1].plusDays(30 + random.nextInt(61));
        }

        int region = pick(REGION_WEIGHT);
        int seq = 0;
        for (int i = 0; i < spells.size(); i++) {
            LocalDate[] spell = spells.get(i);
            Sector sector = i == spells.size() - 1 || random.nextDouble() < 0.55
                    ? last : EARLIER_SECTORS[pick(EARLIER_SECTOR_WEIGHT)];
            if (random.nextDouble() < 0.2) {
                region = pick(REGION_WEIGHT);
            }
            Employer employer = employer(sector, region, spell[0]);
            String isco = isco(sector, d.field);
            LocalDate mid = spell[1] == null ? spell[0].plusDays(ChronoUnit.DAYS.between(spell[0], AS_OF) / 2)
                    : spell[0].plusDays(ChronoUnit.DAYS.between(spell[0], spell[1]) / 2);
            SalaryBand band = SalaryBand.of(salary(sector, isco, mid));
            double e = random.nextDouble();
            Evidence evidence = spell[0].getYear() < 1998 ? Evidence.EMPLOYER_CERTIFICATE   // pensions funded from 1998
                    : e < 0.7 ? Evidence.PENSION_RECORD : e < 0.9 ? Evidence.EMPLOYER_CERTIFICATE : Evidence.SELF_REPORT;
            employments.add(new SyntheticEmployment(d.scholar.ref(), ++seq, employer.name(), employer.bin(), sector,
                    "KZ", kato(REGIONS[region], spell[0]), isco, band, spell[0], spell[1], evidence, true));
        }
        if (leftOn != null && !leftOn.isAfter(AS_OF)) {
            int country = pick(COUNTRY_WEIGHT);
            employments.add(foreignJob(d, ++seq, country, Sector.PRIVATE, leftOn, null));
        }
    }

    private void foreignJobs(Draft d) {
        LocalDate start = returnBase(d).plusDays(30 + random.nextInt(211));
        for (int seq = 1; seq <= d.foreignJobs && !start.isAfter(AS_OF); seq++) {
            int country = random.nextDouble() < 0.8 ? d.country : pick(COUNTRY_WEIGHT);
            Sector sector = random.nextDouble() < 0.6 ? Sector.PRIVATE : Sector.RESEARCH;
            LocalDate end = start.plusDays(180 + random.nextInt(1800));
            boolean last = seq == d.foreignJobs || end.isAfter(AS_OF);
            employments.add(foreignJob(d, seq, country, sector, start, last ? null : end));
            if (last) {
                break;
            }
            start = end.plusDays(1 + random.nextInt(60));
        }
    }

    private SyntheticEmployment foreignJob(Draft d, int seq, int country, Sector sector, LocalDate start,
            LocalDate end) {
        String name = sector == Sector.RESEARCH
                ? UNIVERSITIES[country][random.nextInt(UNIVERSITIES[country].length)]
                : "Northwind " + TRADES[random.nextInt(TRADES.length)] + " " + (1 + random.nextInt(40));
        return new SyntheticEmployment(d.scholar.ref(), seq, name, null, sector, COUNTRIES[country], null,
                isco(sector, d.field), null, start, end, Evidence.SELF_REPORT, true);
    }

    private String isco(Sector sector, int field) {
        double[] w = ISCO_WEIGHT[sector.ordinal()].clone();
        switch (field) {
            case 1 -> w[6] *= 3;                  // education → teaching professionals
            case 4 -> {
                w[1] *= 1.5;
                w[7] *= 1.5;
            }
            case 6 -> w[8] *= 3;                  // ICT → ICT professionals
            case 7 -> w[4] *= 2;                  // engineering → science and engineering professionals
            case 9 -> w[5] *= 4;                  // health → health professionals
            default -> {
            }
        }
        return ISCO[pick(w)];
    }

    private long salary(Sector sector, String isco, LocalDate when) {
        double managers = isco.charAt(0) == '1' ? 1.4 : isco.charAt(0) == '3' ? 0.8 : 1.0;
        double year = when.getYear() + (when.getDayOfYear() - 1) / 365.0;
        return Math.round(SALARY_2024 * StrictMath.pow(SALARY_GROWTH, year - 2024) * SECTOR_PAY[sector.ordinal()]
                * managers * StrictMath.exp(0.35 * random.nextGaussian()));
    }

    /** The first-level unit's KATO code as it was on {@code date}. */
    static String kato(String prefix, LocalDate date) {
        String p = prefix;
        if (date.isBefore(LocalDate.of(2022, 6, 8))) {
            p = switch (p) {
                case "10" -> "63";
                case "33" -> "19";
                case "62" -> "35";
                default -> p;
            };
        }
        if (date.isBefore(LocalDate.of(2018, 6, 19)) && (p.equals("61") || p.equals("79"))) {
            p = "51";
        }
        if (date.isBefore(LocalDate.of(1997, 12, 10)) && p.equals("71")) {
            p = "11";                           // Akmola (today Astana) was not yet the capital
        }
        return p + "0000000";
    }

    // ---------------------------------------------------------------- employers

    private void buildEmployers() {
        double total = Arrays.stream(REGION_WEIGHT).sum();
        for (Sector sector : Sector.values()) {
            List<List<Employer>> byRegion = new ArrayList<>();
            int number = 0;
            for (int r = 0; r < REGIONS.length; r++) {
                int n = Math.max(1, (int) Math.round(POOL_SIZE.get(sector) * REGION_WEIGHT[r] / total));
                List<Employer> list = new ArrayList<>(n);
                for (int k = 0; k < n; k++) {
                    LocalDate registered = LocalDate.of(1993 + (int) (30 * StrictMath.pow(random.nextDouble(), 2)),
                            1 + random.nextInt(12), 1);
                    list.add(new Employer(employerName(sector, ++number), bin(registered), registered));
                }
                list.sort(Comparator.comparing(Employer::registered).thenComparing(Employer::bin));
                byRegion.add(list);
            }
            pool.put(sector, byRegion);
        }
    }

    private String employerName(Sector sector, int n) {
        return switch (sector) {
            case PRIVATE -> "ТОО «" + PRIVATE_WORDS[random.nextInt(PRIVATE_WORDS.length)] + " "
                    + TRADES[random.nextInt(TRADES.length)] + " " + n + "»";
            case QUASI_PUBLIC -> "АО «Национальная компания " + TRADES[random.nextInt(TRADES.length)] + " " + n + "»";
            case PUBLIC -> "РГУ «Департамент " + DEPARTMENTS[random.nextInt(DEPARTMENTS.length)] + " № " + n + "»";
            case RESEARCH -> random.nextBoolean()
                    ? "НАО «Университет " + UNIVERSITY_WORDS[random.nextInt(UNIVERSITY_WORDS.length)] + " " + n + "»"
                    : "РГП «Институт " + SCIENCES[random.nextInt(SCIENCES.length)] + " № " + n + "»";
            case NGO -> "ОФ «Фонд " + FUND_WORDS[random.nextInt(FUND_WORDS.length)] + " " + n + "»";
        };
    }

    /**
     * A BIN: registration year and month (YYMM), 4 for a resident legal entity, 0 for a head office or 1 for a
     * branch, a five-digit serial and the IIN's check digit over the first eleven digits.
     */
    private String bin(LocalDate registered) {
        char attribute = random.nextDouble() < 0.15 ? '1' : '0';
        while (true) {
            String first11 = String.format("%02d%02d4%c%05d", registered.getYear() % 100, registered.getMonthValue(),
                    attribute, random.nextInt(100_000));
            int check = Iin.checkDigit(first11);
            if (check >= 0 && bins.add(first11 + check)) {
                return first11 + check;
            }
        }
    }

    /** An employer of the sector in the region that existed when the job started (the oldest if none did). */
    private Employer employer(Sector sector, int region, LocalDate start) {
        List<Employer> list = pool.get(sector).get(region);
        int low = 0;
        int high = list.size();
        while (low < high) {                    // the first employer registered after the start
            int mid = (low + high) >>> 1;
            if (list.get(mid).registered().isAfter(start)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return list.get(random.nextInt(Math.max(1, low)));
    }

    // ---------------------------------------------------------------- drawing

    private int pick(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Zero-padded decimal; String.format is the generator's slowest call otherwise. */
    static String digits(int value, int width) {
        String s = Integer.toString(value);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    private static double[] interpolate(double[] from, double[] to, double t) {
        double[] out = new double[from.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = from[i] + (to[i] - from[i]) * t;
        }
        return out;
    }

    /** Largest-remainder apportionment of {@code total} by {@code weights}; ties go to the earlier index. */
    static int[] apportion(int[] weights, int total) {
        long sum = 0;
        for (int w : weights) {
            sum += w;
        }
        int[] out = new int[weights.length];
        long[] remainder = new long[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            long scaled = (long) weights[i] * total;
            out[i] = (int) (scaled / sum);
            remainder[i] = scaled % sum;
            given += out[i];
        }
        while (given < total) {
            int best = 0;
            for (int i = 1; i < weights.length; i++) {
                if (remainder[i] > remainder[best]) {
                    best = i;
                }
            }
            out[best]++;
            remainder[best] = -1;
            given++;
        }
        return out;
    }
}
