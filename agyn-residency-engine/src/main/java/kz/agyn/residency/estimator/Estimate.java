package kz.agyn.residency.estimator;

import java.util.List;
import java.util.Optional;
import kz.agyn.residency.engine.Register;

/**
 * What a run gives: the calibration, the register months found not delivered, each person's verdict (columnar:
 * status, month left, index at the end) and the aggregates; the accuracy when the truth was known.
 */
public final class Estimate {

    private final Fit fit;
    private final int[] gaps;
    private final byte[] status;
    private final short[] since;
    private final byte[] evidence;
    private final float[] index;
    private final List<Cell> cells;
    private final Accuracy accuracy;

    Estimate(Fit fit, int[] gaps, byte[] status, short[] since, byte[] evidence, float[] index, List<Cell> cells,
             Accuracy accuracy) {
        this.fit = fit;
        this.gaps = gaps;
        this.status = status;
        this.since = since;
        this.evidence = evidence;
        this.index = index;
        this.cells = List.copyOf(cells);
        this.accuracy = accuracy;
    }

    public Fit fit() {
        return fit;
    }

    /** Bits of the months of register r found not delivered. */
    public int gaps(Register r) {
        return gaps[r.ordinal()];
    }

    public Status status(int person) {
        return Status.values()[status[person]];
    }

    public Evidence evidence(int person) {
        return Evidence.values()[evidence[person]];
    }

    public int since(int person) {
        return since[person];
    }

    public double index(int person) {
        return index[person];
    }

    public List<Cell> cells() {
        return cells;
    }

    public List<Cell> cells(Dimension d) {
        return cells.stream().filter(c -> c.dimension() == d).toList();
    }

    /** The whole country's cell. */
    public Cell total() {
        return cells(Dimension.TOTAL).get(0);
    }

    public Optional<Accuracy> accuracy() {
        return Optional.ofNullable(accuracy);
    }
}
