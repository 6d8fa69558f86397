package kz.agyn.registry.incentives;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditLog;
import kz.agyn.kernel.UserException;
import kz.agyn.reference.ReferenceData;
import kz.agyn.reference.Region;
import kz.agyn.registry.Access;
import kz.agyn.registry.RegistryException;
import kz.agyn.registry.incentives.internal.IncentiveRepository;
import kz.agyn.registry.obligation.ObligationService;
import kz.agyn.registry.obligation.ObligationState;
import kz.agyn.registry.obligation.ObligationStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Incentive rules, eligibility for every scholar and the programme-level annual cost. The cost is a run rate:
 * everyone eligible today, each for a full year at today's salary; the two seeded rules are recommendation 2 of
 * the note, with every assumed amount named in the rule text.
 */
@Service
public class IncentiveService {

    public static final String RESEARCH_SUPPLEMENT = "RESEARCH_SUPPLEMENT";
    public static final String TAX_EXEMPTION = "TAX_EXEMPTION";
    private static final BigDecimal MONTHS = BigDecimal.valueOf(12);
    /** States in which a returnee owes the state money: no incentive then (as in the stored-state query). */
    private static final Set<ObligationState> DEBT = Set.of(ObligationState.IN_BREACH, ObligationState.REPAYING,
            ObligationState.REPAID, ObligationState.WRITTEN_OFF);

    static final String BANDS = """
            # Monthly salary of each reported band: the band's midpoint; B1's midpoint (75,000) would be under
            # the minimum wage, and B5 has no top, so those two are assumptions.
            band.B1 = 100000
            band.B2 = 225000
            band.B3 = 450000
            band.B4 = 900000
            band.B5 = 1500000
            bandSource = Тізілімдегі жалақы ауқымдары (B1 <150 мың, B2 150–300 мың, B3 300–600 мың, B4 600 мың – 1,2 млн, B5 ≥1,2 млн теңге): ортасы; B1 мен B5 болжамды
            bandSource.ru = Диапазоны зарплат реестра (B1 <150 тыс., B2 150–300 тыс., B3 300–600 тыс., B4 600 тыс. – 1,2 млн, B5 ≥1,2 млн тенге): середины; B1 и B5 приняты условно
            bandSource.en = Registry salary bands (B1 <150k, B2 150-300k, B3 300-600k, B4 600k-1.2M, B5 >=1.2M KZT): midpoints; B1 and B5 assumed
            """;

    static final String RESEARCH_RULES = """
            # Recommendation 2 of the note: returnees working in research or higher education in a chosen region
            # receive a salary supplement of 20% for two years after their return.
            source = Интеллектуалдық көші-қон туралы талдамалық жазба, 2-ұсыныс (оралғандарға жалақыға +20%)
            source.ru = Аналитическая записка об интеллектуальной миграции, рекомендация 2 (+20% к зарплате вернувшимся)
            source.en = Analytical note on intellectual migration, recommendation 2 (+20% pay for returnees)
            kind = SALARY_SUPPLEMENT
            rate = 0.20
            durationYears = 2
            sectors = RESEARCH_HE
            # The chosen region: Jetisu, the note author's region. First-level KATO codes, comma-separated, or *.
            regions = 330000000
            salaryBasis = AVERAGE
            averageMonthlySalaryKzt = 272188
            averageSalarySource = Талдамалық жазба: ЖОО оқытушысының орташа айлық жалақысы, 272 188 теңге (ғылымдағы әр оралған үшін алынады)
            averageSalarySource.ru = Аналитическая записка: средняя месячная зарплата преподавателя вуза, 272 188 тенге (принята для каждого вернувшегося в науку)
            averageSalarySource.en = Analytical note: average monthly pay of university teachers, 272,188 KZT (assumed for every returnee in research)
            """ + BANDS;

    static final String TAX_RULES = """
            # Recommendation 2 of the note: returnees are exempt from individual income tax for their first two
            # years back. The state forgoes 10% of the taxable salary, which is the salary less the 10% mandatory
            # pension contribution (hence taxBaseShare 0.90); the standard deduction is ignored.
            source = Интеллектуалдық көші-қон туралы талдамалық жазба, 2-ұсыныс (екі жыл табыс салығынсыз)
            source.ru = Аналитическая записка об интеллектуальной миграции, рекомендация 2 (два года без подоходного налога)
            source.en = Analytical note on intellectual migration, recommendation 2 (two years free of income tax)
            kind = TAX_EXEMPTION
            taxRate = 0.10
            taxBaseShare = 0.90
            durationYears = 2
            sectors = *
            regions = *
            salaryBasis = BAND
            averageMonthlySalaryKzt = 272188
            averageSalarySource = Жалақы ауқымы хабарланбаған жағдайдағы болжам: жазбадағы ЖОО оқытушысының жалақысы, 272 188 теңге
            averageSalarySource.ru = Допущение, когда диапазон зарплаты не сообщён: зарплата преподавателя вуза из записки, 272 188 тенге
            averageSalarySource.en = Assumption where no salary band is reported: the note's university teacher pay, 272,188 KZT
            """ + BANDS;

    private final IncentiveRepository repository;
    private final ObligationService obligations;
    private final ReferenceData reference;
    private final AuditLog audit;
    private volatile boolean seeded;

    public IncentiveService(IncentiveRepository repository, ObligationService obligations, ReferenceData reference,
                            AuditLog audit) {
        this.repository = repository;
        this.obligations = obligations;
        this.reference = reference;
        this.audit = audit;
    }

    /**
     * The first and last day an incentive can be evaluated on: Bolashak began in 1993, and a later day than 2100 is
     * a typing error, not a plan.
     */
    public static final LocalDate FIRST_DAY = LocalDate.of(1993, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);

    /**
     * The day a user asked for (an ISO date), or null when they asked for none.
     *
     * @throws UserException monitoring.incentives.badAsOf, with the text and the allowed range, for text that is
     *                       not a date or a date before {@link #FIRST_DAY} or after {@link #LAST_DAY}
     */
    public static LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            LocalDate day = LocalDate.parse(t);
            if (!day.isBefore(FIRST_DAY) && !day.isAfter(LAST_DAY)) {
                return day;
            }
        } catch (DateTimeParseException e) {
            // refused below, like a day out of range
        }
        throw new UserException(UserException.Kind.INVALID, "monitoring.incentives.badAsOf",
                t.length() > 20 ? t.substring(0, 20) + "…" : t, FIRST_DAY.toString(), LAST_DAY.toString());
    }

    /** Every incentive with its eligible count and annual cost as of today. */
    public List<IncentiveCost> costs(Access access) {
        return costs(access, obligations.today());
    }

    /** Every incentive with its eligible count and annual cost as of {@code day}: who qualified then, for a year. */
    public List<IncentiveCost> costs(Access access, LocalDate day) {
        requireRead(access);
        seed();
        List<IncentiveRepository.Candidate> candidates = candidates(day);
        List<IncentiveCost> out = new ArrayList<>();
        for (IncentiveRepository.Stored s : repository.all()) {
            IncentiveRule rule;
            try {
                rule = IncentiveRule.parse(s.rules(), regions());
            } catch (IncentiveRuleException e) {
                out.add(new IncentiveCost(s.code(), s.nameKk(), s.nameRu(), s.nameEn(), s.active(), s.rules(),
                        s.updatedBy(), s.updatedAt(), null, 0, 0, 0, null, BigDecimal.ZERO, e.problems(),
                        Exclusions.NONE));
                continue;
            }
            List<Eligibility> eligible = eligible(s.code(), rule, candidates, day);
            int band = (int) eligible.stream().filter(Eligibility::bandBased).count();
            BigDecimal total = eligible.stream().map(Eligibility::annualKzt).reduce(BigDecimal.ZERO, BigDecimal::add);
            Set<BigDecimal> amounts = eligible.stream().map(Eligibility::annualKzt).collect(Collectors.toSet());
            BigDecimal perPerson = amounts.size() == 1 ? amounts.iterator().next()
                    : eligible.isEmpty() ? annual(rule, rule.averageMonthlySalaryKzt()) : null;
            out.add(new IncentiveCost(s.code(), s.nameKk(), s.nameRu(), s.nameEn(), s.active(), s.rules(),
                    s.updatedBy(), s.updatedAt(), rule, eligible.size(), band, eligible.size() - band, perPerson,
                    total, List.of(), exclusions(rule, candidates, day)));
        }
        return out;
    }

    /** Who is eligible for one incentive today, by pseudonym, with the yearly amount of each. */
    public List<Eligibility> eligibility(String code, Access access) {
        return eligibility(code, access, obligations.today());
    }

    /** Who was eligible for one incentive on {@code day}: the same count {@link #costs(Access, LocalDate)} gives. */
    public List<Eligibility> eligibility(String code, Access access, LocalDate day) {
        requireRead(access);
        seed();
        IncentiveRepository.Stored s = stored(code);
        return eligible(code, IncentiveRule.parse(s.rules(), regions()), candidates(day), day);
    }

    /**
     * Scholars back in Kazakhstan on {@code day}, with the job they held then. Today's debt states are stored; on
     * any other day they are evaluated for that day, since someone in breach now may not have been then, and the
     * other way round.
     */
    private List<IncentiveRepository.Candidate> candidates(LocalDate day) {
        if (day.equals(obligations.today())) {
            return repository.candidates(day);
        }
        Map<Long, ObligationStatus> status = obligations.evaluateAll(day);
        Map<Long, LocalDate> back = new HashMap<>();
        Map<Long, String> pseudonyms = new HashMap<>();
        for (IncentiveRepository.AwardOf a : repository.awards()) {
            ObligationStatus st = status.get(a.awardId());
            if (st == null || st.returnedOn() == null || st.returnedOn().isAfter(day) || DEBT.contains(st.state())) {
                continue;
            }
            back.merge(a.scholarId(), st.returnedOn(), (x, y) -> x.isAfter(y) ? x : y);
            pseudonyms.put(a.scholarId(), a.pseudonym());
        }
        List<IncentiveRepository.Candidate> out = new ArrayList<>();
        for (IncentiveRepository.JobOn j : repository.jobsOn(day)) {
            LocalDate returned = back.get(j.scholarId());
            if (returned != null) {
                out.add(new IncentiveRepository.Candidate(j.scholarId(), pseudonyms.get(j.scholarId()), returned,
                        j.sector(), j.region(), j.salaryBand()));
            }
        }
        out.sort(Comparator.comparingLong(IncentiveRepository.Candidate::scholarId));
        return out;
    }

    /** Replaces an incentive's rule text after checking it; every problem is reported with its line. */
    public IncentiveRule update(String code, String text, Access access, String by) {
        if (!access.mayEdit()) {
            throw new AccessDeniedException("registry.access.denied");
        }
        seed();
        stored(code);
        IncentiveRule rule = IncentiveRule.parse(text, regions());
        repository.update(code, text.strip() + "\n", by);
        audit.record(AuditAction.INCENTIVE_RULE_CHANGED, "INCENTIVE", null, 1,
                "incentive " + code + ": rule text replaced (" + text.strip().lines().count() + " lines)");
        return rule;
    }

    /**
     * Switches an incentive on or off: a measure the government has not adopted (or has ended) stays on record
     * with its rules and costing, marked inactive, instead of being deleted.
     */
    public void setActive(String code, boolean active, Access access, String by) {
        if (!access.mayEdit()) {
            throw new AccessDeniedException("registry.access.denied");
        }
        seed();
        stored(code);
        repository.setActive(code, active, by);
        audit.record(AuditAction.INCENTIVE_RULE_CHANGED, "INCENTIVE", null, 1,
                "incentive " + code + (active ? " switched on" : " switched off"));
    }

    /** How many of the candidates fail each condition of the rule on {@code day}. */
    private static Exclusions exclusions(IncentiveRule rule, List<IncentiveRepository.Candidate> all, LocalDate day) {
        int ended = 0;
        int sector = 0;
        int region = 0;
        for (IncentiveRepository.Candidate c : all) {
            if (day.isAfter(c.returnedOn().plusYears(rule.durationYears()).minusDays(1))) {
                ended++;
            }
            if (!rule.coversSector(c.sector())) {
                sector++;
            }
            if (!rule.coversRegion(c.region())) {
                region++;
            }
        }
        return new Exclusions(all.size(), ended, sector, region);
    }

    /**
     * Replaces an incentive's rules with the values of the rules editor's fields, keeping the comments of the
     * stored text; the values of the other kind of incentive are dropped (the editor hides them). Checked as
     * {@link #update} checks a text, with each problem naming its key.
     */
    public IncentiveRule updateValues(String code, Map<String, String> values, Access access, String by) {
        Map<String, String> kept = new HashMap<>(values);
        for (IncentiveRule.Kind kind : IncentiveRule.Kind.values()) {
            if (!kind.name().equals(values.get("kind"))) {
                IncentiveRule.ONLY_FOR.get(kind).forEach(k -> kept.put(k, ""));
            }
        }
        seed();
        return update(code, IncentiveRule.withValues(stored(code).rules(), kept), access, by);
    }

    private List<Eligibility> eligible(String code, IncentiveRule rule, List<IncentiveRepository.Candidate> all,
                                       LocalDate today) {
        List<Eligibility> out = new ArrayList<>();
        for (IncentiveRepository.Candidate c : all) {
            LocalDate until = c.returnedOn().plusYears(rule.durationYears()).minusDays(1);
            if (today.isAfter(until) || !rule.covers(c.sector(), c.region())) {
                continue;
            }
            BigDecimal bandSalary = rule.salaryBasis() == IncentiveRule.Basis.BAND && c.salaryBand() != null
                    ? rule.bands().get(c.salaryBand()) : null;
            BigDecimal monthly = bandSalary != null ? bandSalary : rule.averageMonthlySalaryKzt();
            out.add(new Eligibility(code, c.scholarId(), c.pseudonym(), c.returnedOn(), until, c.salaryBand(),
                    monthly, bandSalary != null, annual(rule, monthly)));
        }
        return out;
    }

    /** A year of the incentive on a monthly salary, in whole tenge. */
    static BigDecimal annual(IncentiveRule rule, BigDecimal monthly) {
        return monthly.multiply(MONTHS).multiply(rule.annualShare()).setScale(0, RoundingMode.HALF_UP);
    }

    private IncentiveRepository.Stored stored(String code) {
        return repository.all().stream().filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> RegistryException.notFound("monitoring.incentive.notFound", code));
    }

    private Set<String> regions() {
        return reference.currentRegions().stream().map(Region::kato).collect(Collectors.toSet());
    }

    /** The two measures of recommendation 2, written once; later edits are the officers'. */
    private void seed() {
        if (seeded) {
            return;
        }
        repository.seed(RESEARCH_SUPPLEMENT, "Өңірдегі ғылымға оралғандарға жалақыға 20% үстеме (2 жыл)",
                "Надбавка 20% к зарплате вернувшимся в науку в регионе (2 года)",
                "+20% salary supplement for returnees in research in a chosen region (2 years)", RESEARCH_RULES);
        repository.seed(TAX_EXEMPTION, "Алғашқы 2 жыл жеке табыс салығынсыз",
                "Первые 2 года без индивидуального подоходного налога",
                "First 2 years exempt from individual income tax", TAX_RULES);
        seeded = true;
    }

    private static void requireRead(Access access) {
        if (access == Access.NONE) {
            throw new AccessDeniedException("registry.access.denied");
        }
    }
}
