package kz.agyn.residency.estimator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import kz.agyn.residency.engine.Extracts;
import kz.agyn.residency.engine.Period;
import kz.agyn.residency.engine.Register;
import kz.agyn.residency.generator.CountrySettings;
import org.junit.jupiter.api.Test;

/** The per-person function on persons written by hand, with the generator's true weights. */
class PersonClassifierTest {

    static final Period PERIOD = Period.defaultPeriod();
    static final int ALL = PERIOD.allMonths();
    static final PersonClassifier CLASSIFIER = classifier();

    static PersonClassifier classifier() {
        double[] w = CountrySettings.trueWeights();
        double base = 0;
        for (int r = 0; r < Register.COUNT; r++) {
            double p = CountrySettings.PRESENT[0][r];
            double q = CountrySettings.ABROAD[r];
            base += Math.log((1 - p) / (1 - q));
        }
        // A fit with equal labels has base = intercept: the log-likelihood ratio of a month with no sign.
        Fit fit = new Fit(base, w, new double[Register.COUNT + 1], 0, 0, 1, 1, 1, 0);
        return new PersonClassifier(fit, EstimatorSettings.defaults(), PERIOD, new int[Register.COUNT]);
    }

    static int[] worker(int monthsPresent) {
        int present = (1 << monthsPresent) - 1;
        int[] masks = new int[Register.COUNT];
        for (Register r : new Register[] {Register.TAX, Register.PENSION, Register.HEALTH, Register.BANK}) {
            masks[r.ordinal()] = present;
        }
        masks[Register.BANK.ordinal()] |= 1 << 20; // a card used once abroad does not bring the person back
        return masks;
    }

    static PersonClassifier.Verdict classify(int[] masks, int dereg, int died, int exit, int entry) {
        PersonClassifier.Verdict v = new PersonClassifier.Verdict();
        CLASSIFIER.classify(masks, dereg, died, exit, entry, v);
        return v;
    }

    @Test
    void signsThatStopMakeAnEmigrantSinceTheMonthTheyStopped() {
        int[] masks = worker(10);
        PersonClassifier.Verdict v = classify(masks, Extracts.NO_MONTH, Extracts.NO_MONTH, Extracts.NO_DAY,
                Extracts.NO_DAY);
        assertThat(v.status).isEqualTo(Status.EMIGRATED);
        assertThat(v.evidence).isEqualTo(Evidence.SIGNS);
        assertThat(v.since).isEqualTo(10);
        double[] index = CLASSIFIER.indexByMonth(masks);
        assertThat(index[9]).isGreaterThan(0.99);
        assertThat(index[12]).isLessThan(0.1);
        assertThat(index[23]).isEqualTo(v.index, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void signsToTheEndMakeAResidentAndARecentStopIsNotYetAnEmigrant() {
        assertThat(classify(worker(24), -1, -1, Extracts.NO_DAY, Extracts.NO_DAY).status).isEqualTo(Status.RESIDENT);
        assertThat(classify(worker(21), -1, -1, Extracts.NO_DAY, Extracts.NO_DAY).status)
                .isEqualTo(Status.UNCERTAIN);
    }

    @Test
    void officialStatusesAndTheBorderComeFirst() {
        assertThat(classify(worker(24), -1, 5, Extracts.NO_DAY, Extracts.NO_DAY).status).isEqualTo(Status.DECEASED);
        PersonClassifier.Verdict dereg = classify(worker(24), 7, -1, Extracts.NO_DAY, Extracts.NO_DAY);
        assertThat(dereg.status).isEqualTo(Status.EMIGRATED);
        assertThat(dereg.evidence).isEqualTo(Evidence.DEREGISTRATION);
        assertThat(dereg.since).isEqualTo(7);
        int exit = (int) LocalDate.of(2024, 9, 14).toEpochDay();
        // Abroad more than 12 months by the border, signs gone since September: the UN rule, since the exit.
        PersonClassifier.Verdict border = classify(worker(8), -1, -1, exit, Extracts.NO_DAY);
        assertThat(border.evidence).isEqualTo(Evidence.BORDER);
        assertThat(border.since).isEqualTo(8);
        // The same exit with signs to the end: an entry record is missing, the signs win.
        assertThat(classify(worker(24), -1, -1, exit, Extracts.NO_DAY).status).isEqualTo(Status.UNCERTAIN);
        // An entry after the exit: back, so the index decides.
        assertThat(classify(worker(24), -1, -1, exit, exit + 10).status).isEqualTo(Status.RESIDENT);
    }

    @Test
    void anAbsenceRepeatingLastYearsIsHeldAsSeasonal() {
        int[] masks = worker(24);
        int away = 0;
        for (int m = 4; m <= 9; m++) {
            away |= 1 << m | 1 << (m + 12);
        }
        for (int r = 0; r < Register.COUNT; r++) {
            masks[r] &= ~away;
            masks[r] &= ~(1 << 22 | 1 << 23); // and the last two months quiet
        }
        assertThat(classify(masks, -1, -1, Extracts.NO_DAY, Extracts.NO_DAY).status).isEqualTo(Status.UNCERTAIN);
    }
}
