package kz.agyn.residency.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ForkJoinPool;
import java.util.zip.CRC32;
import kz.agyn.residency.engine.Extracts;
import kz.agyn.residency.engine.Register;
import kz.agyn.residency.engine.Truth;
import kz.agyn.residency.engine.Truth.Kind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The synthetic country: the same for a seed whatever the threads, with the documented rates and noise. */
class CountryGeneratorTest {

    static Country country;

    @BeforeAll
    static void generate() {
        country = CountryGenerator.generate(CountrySettings.defaults(200_000, 11));
    }

    @Test
    void aSeedGivesTheSameCountryOnOneThreadOrMany() throws Exception {
        CountrySettings s = CountrySettings.defaults(20_000, 5);
        long many = checksum(CountryGenerator.generate(s));
        ForkJoinPool one = new ForkJoinPool(1);
        try {
            long single = checksum(one.submit(() -> CountryGenerator.generate(s)).get());
            assertThat(single).isEqualTo(many);
        } finally {
            one.shutdown();
        }
        assertThat(checksum(CountryGenerator.generate(CountrySettings.defaults(20_000, 6)))).isNotEqualTo(many);
    }

    @Test
    void emigrationIsAtRealisticRatesAndSelective() {
        Extracts x = country.extracts();
        Truth t = country.truth();
        long left = 0;
        long deregistered = 0;
        long[] youngGraduates = new long[2];
        long[] olderNoDegree = new long[2];
        long[] ict = new long[2];
        long[] otherWorkers = new long[2];
        long[] north = new long[2];
        long[] south = new long[2];
        for (int p = 0; p < x.persons(); p++) {
            Kind k = t.kind(p);
            boolean out = k == Kind.HIDDEN_EMIGRANT || k == Kind.DEREGISTERED_EMIGRANT || k == Kind.RETURNEE;
            left += out ? 1 : 0;
            deregistered += k == Kind.DEREGISTERED_EMIGRANT ? 1 : 0;
            int a = x.age(p);
            if (a >= 25 && a < 35 && x.isced(p) >= 6) {
                count(youngGraduates, out);
            }
            if (a >= 45 && a < 55 && x.isced(p) < 6) {
                count(olderNoDegree, out);
            }
            if (x.isco(p) == 25) {
                count(ict, out);
            } else if (x.isco(p) > 0) {
                count(otherWorkers, out);
            }
            if (x.region(p) == 59 || x.region(p) == 39) {
                count(north, out);
            } else if (x.region(p) == 61 || x.region(p) == 79) {
                count(south, out);
            }
        }
        double yearly = left / (double) x.persons() / 2;
        assertThat(yearly).as("emigration a year").isBetween(0.006, 0.012);
        assertThat(deregistered / (double) left).as("deregistered share").isBetween(0.15, 0.25);
        assertThat(rate(youngGraduates)).isGreaterThan(4 * rate(olderNoDegree));
        assertThat(rate(ict)).isGreaterThan(1.8 * rate(otherWorkers));
        assertThat(rate(north)).isGreaterThan(2 * rate(south));
    }

    @Test
    void theNoiseIsThere() {
        Extracts x = country.extracts();
        long utilityInGap = 0;
        long informal = 0;
        long seasonal = 0;
        long returnees = 0;
        long died = 0;
        for (int p = 0; p < x.persons(); p++) {
            utilityInGap += x.mask(p, Register.UTILITY.ordinal()) >>> CountrySettings.GAP_MONTH & 1;
            Truth.Profile pr = country.truth().profile(p);
            informal += pr == Truth.Profile.INFORMAL ? 1 : 0;
            seasonal += pr == Truth.Profile.SEASONAL ? 1 : 0;
            returnees += country.truth().kind(p) == Kind.RETURNEE ? 1 : 0;
            died += x.died(p) != Extracts.NO_MONTH ? 1 : 0;
        }
        assertThat(utilityInGap).isZero();
        assertThat(informal).isGreaterThan(x.persons() / 20);
        assertThat(seasonal).isGreaterThan(x.persons() / 200);
        assertThat(returnees).isPositive();
        assertThat(died).isPositive();
    }

    private static void count(long[] c, boolean out) {
        c[0]++;
        c[1] += out ? 1 : 0;
    }

    private static double rate(long[] c) {
        return c[1] / (double) c[0];
    }

    private static long checksum(Country c) {
        CRC32 crc = new CRC32();
        Extracts x = c.extracts();
        for (int p = 0; p < x.persons(); p++) {
            crc.update(x.key(p).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            for (int r = 0; r < Register.COUNT; r++) {
                crc.update(x.mask(p, r));
            }
            crc.update(x.age(p));
            crc.update(x.region(p));
            crc.update(x.lastExit(p));
            crc.update(c.truth().kind(p).ordinal());
            crc.update(c.truth().left(p));
        }
        return crc.getValue();
    }
}
