package kz.agyn.demo.survey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import kz.agyn.survey.Response;

/**
 * 2,000 synthetic young specialists (aged 18–35) answering the standard migration-intentions instrument.
 *
 * <p><b>What follows the note, exactly.</b> The main reason for leaving (rank 1 of {@code reasons_main}) is
 * allocated by quota: 900 pay, 500 professional growth, 300 socio-political, 200 research infrastructure,
 * 100 living conditions — the note's 45/25/15/10/5% — then shuffled over respondents, so it is independent of
 * the profile. Intention to leave is allocated the same way: 15% within a year, 20% within three, 15% within
 * five years (50% in all: "every second young specialist intends to leave"), 35% no, 15% undecided. The
 * unweighted shares are therefore the note's figures to the digit; the weighted shares move only by the
 * noise of raking, because the answers do not depend on what the weights correct.
 *
 * <p><b>What the weights must correct.</b> The sample over-represents the three cities, women, the 25–29
 * group and graduates of master's and doctoral programmes against the population, as an online survey of
 * specialists would; raking undoes it. The demonstration waves are raked to the synthetic young specialists of
 * the indicator warehouse (POP_YOUNG_SPECIALISTS, 2024); {@link #margins()} are the survey's own synthetic
 * margins, used only when the warehouse does not hold that population.
 *
 * <p>Lower ranks of the reasons are drawn one by one without replacement with chances proportional to the
 * note's shares; the other answers (destination, conditions to stay, pay satisfaction, expected pay) are
 * plausible inventions with no source. The generator is seeded: the same seed gives the same survey.
 *
 * <p><b>A second wave.</b> {@link #WAVE_2025} is an invented later wave of 1,500 respondents, drawn the same way
 * with another seed, whose main reasons are deliberately shifted so that the wave comparison has something to
 * find: pay up 5 points (45% → 50%), socio-political down 5 points (15% → 10%), professional growth, research
 * infrastructure and living conditions unchanged; intentions to leave and everything else unchanged. These
 * shifts are made up, not observed.
 */
public final class SyntheticSurvey {

    public static final long SEED = 20241106L;
    public static final int RESPONDENTS = 2000;
    /** The main reasons of the invented 2025 wave: pay +5 points, socio-political −5, the rest as in the note. */
    public static final Map<String, Double> REASONS_2025 = ordered(
            "pay", 0.50, "growth", 0.25, "sociopolitical", 0.10, "research_infra", 0.10, "living", 0.05);
    /** The synthetic population of young specialists the margins add up to. */
    public static final double POPULATION = 1_200_000;

    /** The note's Table 1: main reason for leaving and its share. */
    public static final Map<String, Double> REASONS = ordered(
            "pay", 0.45, "growth", 0.25, "sociopolitical", 0.15, "research_infra", 0.10, "living", 0.05);

    static final Map<String, Double> INTENTIONS = ordered(
            "within_1y", 0.15, "within_3y", 0.20, "within_5y", 0.15, "no", 0.35, "undecided", 0.15);

    /** Synthetic population shares by region (roughly each region's share of people aged 18–35). */
    static final Map<String, Double> REGION_POPULATION = ordered(
            "100000000", 0.030, "110000000", 0.035, "150000000", 0.047, "190000000", 0.070,
            "230000000", 0.036, "270000000", 0.033, "310000000", 0.059, "330000000", 0.032,
            "350000000", 0.054, "390000000", 0.040, "430000000", 0.044, "470000000", 0.040,
            "550000000", 0.036, "590000000", 0.025, "610000000", 0.110, "620000000", 0.011,
            "630000000", 0.034, "710000000", 0.080, "750000000", 0.114, "790000000", 0.070);
    /** The cities answer online surveys more readily. */
    static final Map<String, Double> REGION_RESPONSE = Map.of("710000000", 1.8, "750000000", 1.8, "790000000", 1.3);

    static final Map<String, Double> AGE_POPULATION = ordered("18-24", 0.36, "25-29", 0.33, "30-35", 0.31);
    static final Map<String, Double> AGE_SAMPLE = ordered("18-24", 0.28, "25-29", 0.42, "30-35", 0.30);
    static final Map<String, Double> SEX_POPULATION = ordered("M", 0.50, "F", 0.50);
    static final Map<String, Double> SEX_SAMPLE = ordered("M", 0.44, "F", 0.56);
    static final Map<String, Double> EDUCATION_POPULATION = ordered("4", 0.22, "5", 0.10, "6", 0.50, "7", 0.14,
            "8", 0.04);
    static final Map<String, Double> EDUCATION_SAMPLE = ordered("4", 0.12, "5", 0.06, "6", 0.52, "7", 0.22,
            "8", 0.08);

    static final Map<String, Double> OCCUPATION = ordered("2", 0.55, "3", 0.20, "1", 0.08, "4", 0.05, "5", 0.05,
            "7", 0.04, "8", 0.03);
    static final Map<String, Double> SECTOR = ordered("public", 0.30, "private", 0.45, "research", 0.15,
            "other", 0.10);
    static final Map<String, Double> DESTINATION = ordered("RU", 0.30, "DE", 0.15, "US", 0.15, "KR", 0.10,
            "CN", 0.08, "GB", 0.07, "CA", 0.05, "other", 0.10);
    static final Map<String, Double> CONDITIONS = ordered("pay_level", 0.70, "research_funding", 0.30,
            "housing", 0.40, "career", 0.45, "fair_hiring", 0.25);
    static final Map<String, Double> PAY_SATISFACTION = ordered("1", 0.25, "2", 0.30, "3", 0.25, "4", 0.15,
            "5", 0.05);

    /**
     * The parameters of one synthetic wave.
     *
     * @param reasons  the main reasons' shares, allocated by quota
     * @param idPrefix what respondent ids start with
     */
    public record Wave(long seed, int respondents, Map<String, Double> reasons, String idPrefix) {
    }

    /** The first wave, following the note. */
    public static final Wave WAVE_2024 = new Wave(SEED, RESPONDENTS, REASONS, "demo-");
    /** The invented second wave with the shifts described above. */
    public static final Wave WAVE_2025 = new Wave(20251106L, 1500, REASONS_2025, "demo25-");

    private SyntheticSurvey() {
    }

    /** The population margins the weights are raked to: variable, category, persons. */
    public static Map<String, Map<String, Double>> margins() {
        Map<String, Map<String, Double>> m = new LinkedHashMap<>();
        m.put("region", scaled(REGION_POPULATION));
        m.put("age_group", scaled(AGE_POPULATION));
        m.put("sex", scaled(SEX_POPULATION));
        m.put("education", scaled(EDUCATION_POPULATION));
        return m;
    }

    /** The {@link #RESPONDENTS} responses for {@link #SEED}. */
    public static List<Response> generate() {
        return generate(SEED, RESPONDENTS);
    }

    public static List<Response> generate(long seed, int n) {
        return generate(new Wave(seed, n, REASONS, WAVE_2024.idPrefix()));
    }

    public static List<Response> generate(Wave wave) {
        int n = wave.respondents();
        Random random = new Random(wave.seed());
        Map<String, Double> regionSample = new LinkedHashMap<>();
        REGION_POPULATION.forEach((r, p) -> regionSample.put(r, p * REGION_RESPONSE.getOrDefault(r, 1.0)));
        List<String> regions = quota(regionSample, n, random);
        List<String> ages = quota(AGE_SAMPLE, n, random);
        List<String> sexes = quota(SEX_SAMPLE, n, random);
        List<String> educations = quota(EDUCATION_SAMPLE, n, random);
        List<String> mainReasons = quota(wave.reasons(), n, random);
        List<String> intentions = quota(INTENTIONS, n, random);
        List<Response> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, List<String>> choices = new LinkedHashMap<>();
            choices.put("age_group", List.of(ages.get(i)));
            choices.put("sex", List.of(sexes.get(i)));
            choices.put("region", List.of(regions.get(i)));
            choices.put("education", List.of(educations.get(i)));
            choices.put("occupation", List.of(draw(OCCUPATION, random)));
            choices.put("sector", List.of(draw(SECTOR, random)));
            choices.put("studied_abroad", List.of(random.nextDouble() < 0.2 ? "yes" : "no"));
            String intention = intentions.get(i);
            choices.put("intend_leave", List.of(intention));
            if (intention.startsWith("within")) {
                choices.put("destination", List.of(draw(DESTINATION, random)));
            }
            choices.put("reasons_main", ranking(mainReasons.get(i), wave.reasons(), random));
            List<String> conditions = new ArrayList<>();
            CONDITIONS.forEach((c, p) -> {
                if (random.nextDouble() < p) {
                    conditions.add(c);
                }
            });
            if (!conditions.isEmpty()) {
                choices.put("conditions_stay", conditions);
            }
            choices.put("pay_satisfaction", List.of(draw(PAY_SATISFACTION, random)));
            Map<String, Double> numbers = new LinkedHashMap<>();
            if (random.nextDouble() < 0.9) {
                // Log-normal around 450 thousand KZT a month, rounded as people answer: to tens of thousands.
                numbers.put("pay_expected", Math.round(450 * Math.exp(0.35 * random.nextGaussian()) / 10.0) * 10.0);
            }
            out.add(new Response(wave.idPrefix() + "%04d".formatted(i + 1), 1.0, choices, numbers, Map.of()));
        }
        return out;
    }

    /** The main reason first, the rest drawn without replacement in proportion to the wave's shares. */
    private static List<String> ranking(String main, Map<String, Double> reasons, Random random) {
        List<String> order = new ArrayList<>(List.of(main));
        Map<String, Double> rest = new LinkedHashMap<>(reasons);
        rest.remove(main);
        while (!rest.isEmpty()) {
            String next = draw(rest, random);
            order.add(next);
            rest.remove(next);
        }
        return order;
    }

    /**
     * Exactly round(n · share) of each category (largest remainders make the total n), in random order: the
     * sample's composition is fixed, not left to chance.
     */
    static List<String> quota(Map<String, Double> shares, int n, Random random) {
        double total = shares.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Map.Entry<String, Double>> remainders = new ArrayList<>();
        int assigned = 0;
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            double exact = n * e.getValue() / total;
            int whole = (int) Math.floor(exact);
            counts.put(e.getKey(), whole);
            assigned += whole;
            remainders.add(Map.entry(e.getKey(), exact - whole));
        }
        remainders.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
        for (int k = 0; assigned < n; k++, assigned++) {
            counts.merge(remainders.get(k).getKey(), 1, Integer::sum);
        }
        List<String> out = new ArrayList<>(n);
        counts.forEach((c, k) -> out.addAll(Collections.nCopies(k, c)));
        Collections.shuffle(out, random);
        return out;
    }

    private static String draw(Map<String, Double> weights, Random random) {
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        double u = random.nextDouble() * total;
        String last = null;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            last = e.getKey();
            u -= e.getValue();
            if (u < 0) {
                return last;
            }
        }
        return last;
    }

    private static Map<String, Double> scaled(Map<String, Double> shares) {
        double total = shares.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> m = new LinkedHashMap<>();
        shares.forEach((k, v) -> m.put(k, Math.round(POPULATION * v / total * 1e6) / 1e6));
        return m;
    }

    private static Map<String, Double> ordered(Object... pairs) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        }
        return Collections.unmodifiableMap(m);
    }
}
