package kz.agyn.residency.generator;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import kz.agyn.residency.engine.Extracts;
import kz.agyn.residency.engine.Period;
import kz.agyn.residency.engine.PersonKeys;
import kz.agyn.residency.engine.Register;
import kz.agyn.residency.engine.Truth;
import kz.agyn.residency.engine.Truth.Kind;
import kz.agyn.residency.engine.Truth.Profile;

/**
 * Generates a synthetic country straight into columnar arrays, in blocks of {@value #BLOCK} persons on all cores.
 * Each block draws from its own generator seeded by the seed and the block number, so a seed gives the same country
 * whatever the number of threads. Memory is about 105 bytes a person (key, twelve masks, attributes, crossings, statuses, truth).
 */
public final class CountryGenerator {

    static final int BLOCK = 4096;

    /** KATO oblast prefixes of the 17 oblasts and 3 cities of republican significance (2024). */
    static final int[] REGIONS = {10, 11, 15, 19, 23, 27, 31, 33, 35, 39, 43, 47, 55, 59, 61, 62, 63, 71, 75, 79};
    /** Population in hundred thousands (rounded, 2024). */
    static final double[] REGION_POPULATION = {6, 7.9, 9.3, 15, 6.9, 6.9, 12, 6.9, 11.3, 8.3, 8.3, 7.8, 7.5, 5.3, 21,
            2.2, 7.2, 14, 22, 12};
    /** Emigration multiplier: the northern and industrial oblasts most, the south least. */
    static final double[] REGION_RATE = {1.6, 1.6, .9, .9, .9, .9, .5, .9, 1.6, 1.6, .5, .9, 1.6, 1.6, .5, 1.6, 1.6,
            1.3, 1.3, .5};

    private CountryGenerator() {
    }

    public static Country generate(CountrySettings s) {
        int n = s.persons();
        Period period = s.period();
        int months = period.months();
        byte[] keys = new byte[n * Extracts.KEY_BYTES];
        int[] masks = new int[n * Register.COUNT];
        byte[] region = new byte[n];
        byte[] age = new byte[n];
        byte[] sex = new byte[n];
        byte[] isced = new byte[n];
        byte[] isco = new byte[n];
        int[] lastExit = new int[n];
        int[] lastEntry = new int[n];
        short[] deregistered = new short[n];
        short[] died = new short[n];
        short[] confirmed = new short[n];
        byte[] kind = new byte[n];
        byte[] profile = new byte[n];
        short[] left = new short[n];
        short[] returned = new short[n];
        double[] regionCumulative = cumulative(REGION_POPULATION);
        int firstCalendarMonth = period.start().getMonthValue() - 1;
        int startDay = (int) period.start().atDay(1).toEpochDay();
        byte[] key = s.key();
        int blocks = (n + BLOCK - 1) / BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            SplittableRandom rnd = new SplittableRandom(s.seed() * 0x9E3779B97F4A7C15L + b);
            PersonKeys hasher = new PersonKeys(key);
            int end = Math.min(n, (b + 1) * BLOCK);
            for (int p = b * BLOCK; p < end; p++) {
                hasher.ofSynthetic("synthetic:" + s.seed() + ":" + p, keys, p * Extracts.KEY_BYTES);
                int rg = pick(regionCumulative, rnd.nextDouble());
                region[p] = (byte) REGIONS[rg];
                int a = age(rnd);
                age[p] = (byte) a;
                sex[p] = (byte) (rnd.nextBoolean() ? 1 : 2);
                int ed = isced(a, rnd);
                isced[p] = (byte) ed;
                Profile pr = profile(a, s.noise(), rnd);
                int oc = pr == Profile.WORKER && a >= 18 && a < 63 ? isco(ed, rnd) : Extracts.UNKNOWN;
                isco[p] = (byte) oc;
                profile[p] = (byte) pr.ordinal();

                int death = Extracts.NO_MONTH;
                double deathRate = a < 50 ? .002 : a < 65 ? .01 : .04;
                if (rnd.nextDouble() < 1 - Math.pow(1 - deathRate, months / 12.0)) {
                    death = rnd.nextInt(months);
                }
                int leave = Extracts.NO_MONTH;
                int back = Extracts.NO_MONTH;
                int dereg = Extracts.NO_MONTH;
                double rate = s.baseRate() * ageRate(a) * educationRate(ed) * occupationRate(oc) * REGION_RATE[rg];
                if (rnd.nextDouble() < 1 - Math.pow(1 - Math.min(rate, .9), months / 12.0)) {
                    int m = rnd.nextInt(months);
                    if (death == Extracts.NO_MONTH || m < death) {
                        leave = m;
                        death = Extracts.NO_MONTH;
                    }
                }
                Kind k = death != Extracts.NO_MONTH ? Kind.DIED : Kind.RESIDENT;
                if (leave != Extracts.NO_MONTH) {
                    k = Kind.HIDDEN_EMIGRANT;
                    if (rnd.nextDouble() < s.deregisteredShare()) {
                        int d = leave + rnd.nextInt(3);
                        if (d < months) {
                            dereg = d;
                            k = Kind.DEREGISTERED_EMIGRANT;
                        }
                    } else if (rnd.nextDouble() < s.returnShare()) {
                        int r = leave + 2 + rnd.nextInt(10);
                        if (r < months) {
                            back = r;
                            k = Kind.RETURNEE;
                        }
                    }
                }
                kind[p] = (byte) k.ordinal();
                left[p] = (short) leave;
                returned[p] = (short) back;
                deregistered[p] = (short) dereg;
                died[p] = (short) death;

                boolean seasonal = pr == Profile.SEASONAL;
                double[] present = CountrySettings.PRESENT[pr.ordinal()];
                int abroadBits = 0;
                int aliveBits = 0;
                for (int m = 0; m < months; m++) {
                    boolean away = leave != Extracts.NO_MONTH && m >= leave && (back == Extracts.NO_MONTH || m < back);
                    int calendar = (firstCalendarMonth + m) % 12;
                    away |= seasonal && calendar >= 4 && calendar <= 9;
                    abroadBits |= away ? 1 << m : 0;
                    aliveBits |= death == Extracts.NO_MONTH || m < death ? 1 << m : 0;
                }
                for (int r = 0; r < Register.COUNT; r++) {
                    int bits = 0;
                    for (int m = 0; m < months; m++) {
                        if ((aliveBits >>> m & 1) == 0) {
                            continue;
                        }
                        double chance = (abroadBits >>> m & 1) == 1 ? CountrySettings.ABROAD[r] : present[r];
                        if (s.noise() && m == months - 1) {
                            chance *= 1 - CountrySettings.LAG[r];
                        }
                        if (rnd.nextDouble() < chance) {
                            bits |= 1 << m;
                        }
                    }
                    if (s.noise() && r == Register.UTILITY.ordinal() && months > CountrySettings.GAP_MONTH) {
                        bits &= ~(1 << CountrySettings.GAP_MONTH);
                    }
                    masks[p * Register.COUNT + r] = bits;
                }

                int exit = Extracts.NO_DAY;
                int entry = Extracts.NO_DAY;
                if (leave != Extracts.NO_MONTH && rnd.nextDouble() < s.exitRecorded()) {
                    exit = day(period, leave, rnd);
                }
                if (back != Extracts.NO_MONTH && rnd.nextDouble() < s.exitRecorded()) {
                    entry = day(period, back, rnd);
                }
                if (seasonal) {
                    for (int m = 0; m < months; m++) {
                        int calendar = (firstCalendarMonth + m) % 12;
                        if (calendar == 4 && rnd.nextDouble() < s.exitRecorded()) {
                            exit = Math.max(exit, day(period, m, rnd));
                        }
                        if (calendar == 10 && rnd.nextDouble() < s.exitRecorded()) {
                            entry = Math.max(entry, day(period, m, rnd));
                        }
                    }
                }
                if (s.noise() && leave == Extracts.NO_MONTH && death == Extracts.NO_MONTH) {
                    for (int y = 0; y < (months + 11) / 12; y++) {
                        if (rnd.nextDouble() < .15) {
                            int out = startDay + rnd.nextInt(months * 30 - 30);
                            exit = Math.max(exit, out);
                            if (rnd.nextDouble() >= .03) {
                                entry = Math.max(entry, out + 5 + rnd.nextInt(16));
                            }
                        }
                    }
                }
                lastExit[p] = exit;
                lastEntry[p] = entry;

                int seen = Extracts.NO_MONTH;
                if (rnd.nextDouble() < s.confirmedShare()) {
                    for (int tries = 0; tries < 5 && seen == Extracts.NO_MONTH; tries++) {
                        int m = rnd.nextInt(months);
                        if ((abroadBits >>> m & 1) == 0 && (aliveBits >>> m & 1) == 1) {
                            seen = m;
                        }
                    }
                }
                confirmed[p] = (short) seen;
            }
        });
        Extracts x = new Extracts(period, keys, masks, region, age, sex, isced, isco, lastExit, lastEntry,
                deregistered, died, confirmed);
        return new Country(x, new Truth(kind, profile, left, returned));
    }

    private static int day(Period period, int month, SplittableRandom rnd) {
        LocalDate first = period.month(month).atDay(1);
        return (int) first.toEpochDay() + rnd.nextInt(28);
    }

    private static double[] cumulative(double[] weights) {
        double[] c = new double[weights.length];
        double sum = Arrays.stream(weights).sum();
        double run = 0;
        for (int i = 0; i < weights.length; i++) {
            run += weights[i] / sum;
            c[i] = run;
        }
        c[c.length - 1] = 1;
        return c;
    }

    private static int pick(double[] cumulative, double u) {
        int i = 0;
        while (u > cumulative[i]) {
            i++;
        }
        return i;
    }

    /** Age in years: shares by group 0–14 29%, 15–24 14%, 25–34 16%, 35–44 14%, 45–54 11%, 55–64 9%, 65–89 7%. */
    private static final double[] AGE_SHARE = cumulative(new double[] {29, 14, 16, 14, 11, 9, 7});
    private static final int[] AGE_FROM = {0, 15, 25, 35, 45, 55, 65};
    private static final int[] AGE_SPAN = {15, 10, 10, 10, 10, 10, 25};

    private static int age(SplittableRandom rnd) {
        int g = pick(AGE_SHARE, rnd.nextDouble());
        return AGE_FROM[g] + rnd.nextInt(AGE_SPAN[g]);
    }

    private static final double[] ADULT_ISCED = cumulative(new double[] {0, 0, 8, 35, 22, 5, 22, 7, 1});

    private static int isced(int age, SplittableRandom rnd) {
        if (age < 6) {
            return 0;
        }
        if (age < 11) {
            return 1;
        }
        if (age < 16) {
            return 2;
        }
        if (age < 19) {
            return 3;
        }
        return pick(ADULT_ISCED, rnd.nextDouble());
    }

    private static Profile profile(int age, boolean noise, SplittableRandom rnd) {
        if (!noise) {
            return Profile.WORKER;
        }
        if (age < 18) {
            return Profile.CHILD;
        }
        if (age >= 63) {
            return Profile.RETIRED;
        }
        double u = rnd.nextDouble();
        return u < .17 ? Profile.INFORMAL : u < .20 ? Profile.SEASONAL : Profile.WORKER;
    }

    /** ISCO-08 sub-major groups: those with a degree mostly managers and professionals. */
    private static final int[] ISCO_TERTIARY = {11, 12, 13, 14, 21, 22, 23, 24, 25, 26, 31, 33, 35, 41};
    private static final double[] ISCO_TERTIARY_SHARE =
            cumulative(new double[] {3, 4, 3, 3, 12, 10, 16, 10, 6, 5, 7, 8, 3, 10});
    private static final int[] ISCO_OTHER = {31, 32, 33, 34, 35, 41, 42, 51, 52, 53, 61, 71, 72, 74, 81, 83, 91, 93};
    private static final double[] ISCO_OTHER_SHARE =
            cumulative(new double[] {4, 3, 5, 2, 2, 5, 4, 8, 10, 4, 6, 8, 7, 3, 6, 7, 6, 4});

    private static int isco(int isced, SplittableRandom rnd) {
        return isced >= 6 ? ISCO_TERTIARY[pick(ISCO_TERTIARY_SHARE, rnd.nextDouble())]
                : ISCO_OTHER[pick(ISCO_OTHER_SHARE, rnd.nextDouble())];
    }

    static double ageRate(int age) {
        if (age < 15) {
            return .6;
        }
        if (age < 18) {
            return .5;
        }
        if (age < 25) {
            return 2.0;
        }
        if (age < 35) {
            return 2.2;
        }
        if (age < 45) {
            return 1.2;
        }
        if (age < 55) {
            return .6;
        }
        return age < 65 ? .4 : .2;
    }

    static double educationRate(int isced) {
        return switch (isced) {
            case 5 -> 1.2;
            case 6 -> 1.6;
            case 7 -> 2.2;
            case 8 -> 2.5;
            default -> 1;
        };
    }

    static double occupationRate(int isco) {
        return switch (isco) {
            case 21 -> 2.0;
            case 25 -> 2.5;
            case 35 -> 1.8;
            case 22 -> 1.5;
            case 24, 26 -> 1.3;
            case 23 -> .8;
            default -> 1;
        };
    }
}
