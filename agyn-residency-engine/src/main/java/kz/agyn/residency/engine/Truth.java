package kz.agyn.residency.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Objects;

/**
 * What really happened to each person of a synthetic country, column by column (person numbers as in its
 * {@link Extracts}): the kind of life, the month the person left and the month of return ({@link Extracts#NO_MONTH}
 * when none). Written to {@code truth.csv} beside the extracts.
 */
public final class Truth {

    /** What happened to a person over the period. */
    public enum Kind {
        /** Lived in Kazakhstan throughout (seasonal work abroad included: they come back each year). */
        RESIDENT,
        /** Left and deregistered officially. */
        DEREGISTERED_EMIGRANT,
        /** Left and stayed registered. */
        HIDDEN_EMIGRANT,
        /** Left and came back within the period. */
        RETURNEE,
        /** Died in Kazakhstan within the period. */
        DIED
    }

    /** Who a resident is, which sets how many signs of life the person leaves. */
    public enum Profile { WORKER, INFORMAL, SEASONAL, CHILD, RETIRED }

    private final byte[] kind;
    private final byte[] profile;
    private final short[] left;
    private final short[] returned;

    public Truth(byte[] kind, byte[] profile, short[] left, short[] returned) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.left = Objects.requireNonNull(left, "left");
        this.returned = Objects.requireNonNull(returned, "returned");
    }

    public Kind kind(int person) {
        return Kind.values()[kind[person]];
    }

    public Profile profile(int person) {
        return Profile.values()[profile[person]];
    }

    public int left(int person) {
        return left[person];
    }

    public int returned(int person) {
        return returned[person];
    }

    /**
     * Whether the person counts as emigrated at the end of a period of {@code months}: deregistered (the official
     * count, whenever it happened), or left without deregistering, not back, and abroad for at least the last
     * {@code minAbsence} months (someone who left last month cannot yet be told from a person who missed a month's
     * signs, and the estimator does not try).
     */
    public boolean emigratedAtEnd(int person, int months, int minAbsence) {
        int k = kind[person];
        return k == Kind.DEREGISTERED_EMIGRANT.ordinal()
                || k == Kind.HIDDEN_EMIGRANT.ordinal() && left[person] <= months - minAbsence;
    }

    /** Writes {@code person,truth,profile,left_month,returned_month}. */
    public void write(Extracts x, Writer out) {
        try {
            out.write("person,truth,profile,left_month,returned_month\n");
            StringBuilder b = new StringBuilder(128);
            for (int p = 0; p < x.persons(); p++) {
                b.setLength(0);
                b.append(x.key(p)).append(',').append(kind(p).name()).append(',').append(profile(p).name())
                        .append(',');
                if (left[p] != Extracts.NO_MONTH) {
                    b.append(x.period().month(left[p]));
                }
                b.append(',');
                if (returned[p] != Extracts.NO_MONTH) {
                    b.append(x.period().month(returned[p]));
                }
                b.append('\n');
                out.append(b);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
