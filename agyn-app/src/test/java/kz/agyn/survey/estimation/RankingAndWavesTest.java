package kz.agyn.survey.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ranking's probabilities and the comparison of two waves. Expected p-values and bounds of the wave
 * comparison were computed with R 4.2.2: {@code z <- 0.05 / sqrt(0.001025); 2 * pnorm(-z);
 * 0.05 + c(-1, 1) * qnorm(0.975) * sqrt(0.001025)}, and {@code z <- -0.15 / sqrt(0.02^2 + 0.03^2);
 * 2 * pnorm(-abs(z))}.
 */
class RankingAndWavesTest {

    /** A single-choice question answered by {@code counts[j]} equally weighted respondents per option. */
    static ShareTable table(int... counts) {
        List<String> options = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        for (int j = 0; j < counts.length; j++) {
            options.add("o" + j);
            for (int i = 0; i < counts[j]; i++) {
                answers.add("o" + j);
            }
        }
        return Estimation.singleChoice(SurveyDesign.unweighted(answers.size()), answers, options,
                EstimationSettings.DEFAULT);
    }

    @Test
    void aClearOrderIsCertainAndATieIsACoinToss() {
        List<RankedOption> ranked = Ranking.rank(table(900, 500, 500, 100), 20_000, 42);
        assertEquals(List.of("o0", "o1", "o2", "o3"), ranked.stream().map(RankedOption::option).toList());
        assertEquals(1.0, ranked.get(0).probabilityOfRank(), 1e-9);
        assertEquals(1.0, ranked.get(3).probabilityOfRank(), 1e-9);
        // o1 and o2 have equal shares: each holds rank 2 or 3 about half the time
        assertEquals(0.5, ranked.get(1).probabilityOfRank(), 0.02);
        assertEquals(0.5, ranked.get(2).probabilityOfRank(), 0.02);
        for (RankedOption o : ranked) {
            assertEquals(1.0, o.rankProbabilities().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        }
    }

    @Test
    void theSameSeedGivesTheSameProbabilities() {
        ShareTable t = table(30, 25, 20, 15);
        assertEquals(Ranking.rank(t, 7), Ranking.rank(t, 7));
        List<RankedOption> ranked = Ranking.rank(t, 7);
        for (int rank = 0; rank < 4; rank++) {
            int r = rank;
            double column = ranked.stream().mapToDouble(o -> o.rankProbabilities().get(r)).sum();
            assertEquals(1.0, column, 1e-9, "every rank is held by exactly one option in each draw");
        }
        RankedOption first = ranked.get(0);
        assertEquals(1, first.mostLikelyRank());
        assertTrue(first.probabilityOfRank() > 0.4 && first.probabilityOfRank() < 0.95);
    }

    @Test
    void waveDifference() {
        ShareDifference d = WaveComparison.compare("pay", 0.45, 0.02, 0.50, 0.025, 0.95);
        assertEquals(0.05, d.difference(), 1e-12);
        assertEquals(0.032015621187164243, d.standardError(), 1e-12);
        assertEquals(1.5617376188860608, d.z(), 1e-9);
        assertEquals(0.11834981273562829, d.pValue(), 1e-9);
        assertEquals(-0.012749464469519384, d.interval().low(), 1e-9);
        assertEquals(0.11274946446951939, d.interval().high(), 1e-9);
        assertFalse(d.significant());

        ShareDifference drop = WaveComparison.compare("growth", 0.45, 0.02, 0.30, 0.03, 0.95);
        assertEquals(-4.1602514716892189, drop.z(), 1e-9);
        assertEquals(3.1789737617465273e-05, drop.pValue(), 1e-12);
        assertTrue(drop.significant());
        assertFalse(drop.interval().contains(0));
    }

    @Test
    void wavesCompareTablesOptionByOption() {
        List<ShareDifference> d = WaveComparison.compare(table(50, 30, 20), table(30, 30, 40), 0.95);
        assertEquals(3, d.size());
        assertTrue(d.get(0).significant() && d.get(0).difference() < 0);
        assertFalse(d.get(1).significant());
        assertEquals(0, d.get(1).difference(), 1e-12);
        // A family of three: the smallest p-value is multiplied by 3, as R's p.adjust(p, "holm") does.
        double smallest = Math.min(d.get(0).pValue(), d.get(2).pValue());
        ShareDifference first = d.get(0).pValue() == smallest ? d.get(0) : d.get(2);
        assertEquals(Math.min(1, 3 * smallest), first.adjustedPValue(), 1e-15);
        d.forEach(x -> assertTrue(x.adjustedPValue() >= x.pValue()));
        // A two-option question is one test: its two changes are the same change, so nothing is doubled.
        List<ShareDifference> yesNo = WaveComparison.compare(table(60, 40), table(45, 55), 0.95);
        assertEquals(yesNo.get(0).pValue(), yesNo.get(1).pValue(), 1e-12);
        yesNo.forEach(x -> assertEquals(x.pValue(), x.adjustedPValue()));
        ShareDifference alone = WaveComparison.compare("pay", 0.45, 0.02, 0.50, 0.025, 0.95);
        assertEquals(alone.pValue(), alone.adjustedPValue());
        assertThrows(IllegalArgumentException.class,
                () -> WaveComparison.compare(table(1, 1).shares().get(0), table(1, 1).shares().get(1), 0.95));
    }
}
