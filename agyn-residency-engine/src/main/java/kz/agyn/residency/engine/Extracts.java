package kz.agyn.residency.engine;

import java.util.Objects;

/**
 * The register extracts of one period in memory, column by column: for person {@code p} (0 to {@link #persons()}
 * − 1) and register {@code r}, {@link #mask(int, int)} has bit {@code m} set when the register shows activity in
 * month {@code m} of the period. A person with no row in a register has mask 0 there. Attributes use small codes:
 * region is the KATO oblast prefix (two digits as a number, e.g. 75 for Almaty city), sex 1 male and 2 female, ISCED
 * the 2011 level 0–8, ISCO the 2-digit sub-major group of ISCO-08; {@link #UNKNOWN} where the registers do not say.
 * Border crossings are kept as the last exit and the last entry day ({@link #NO_DAY} when none), which is all the
 * UN rule needs; known statuses as month indices ({@link #NO_MONTH} when none).
 *
 * <p>Immutable once built; the arrays are owned by the instance (the builders hand them over).
 */
public final class Extracts {

    /** An attribute the registers do not give. */
    public static final byte UNKNOWN = -1;
    /** No crossing of that direction. */
    public static final int NO_DAY = Integer.MIN_VALUE;
    /** No such status event. */
    public static final short NO_MONTH = -1;
    /** Bytes of a person key (HMAC-SHA-256). */
    public static final int KEY_BYTES = 32;

    private final Period period;
    private final int persons;
    private final byte[] keys;
    private final int[] masks;
    private final byte[] region;
    private final byte[] age;
    private final byte[] sex;
    private final byte[] isced;
    private final byte[] isco;
    private final int[] lastExit;
    private final int[] lastEntry;
    private final short[] deregistered;
    private final short[] died;
    private final short[] confirmed;

    /**
     * @param keys        {@code persons × 32} bytes, person {@code p}'s key at {@code p × 32}
     * @param masks       {@code persons × 12} ints, person-major ({@code p × 12 + r})
     * @param lastExit    epoch day of the last recorded exit, or {@link #NO_DAY}
     * @param lastEntry   epoch day of the last recorded entry, or {@link #NO_DAY}
     * @param deregistered month index of official deregistration as an emigrant, or {@link #NO_MONTH}
     * @param died        month index of a recorded death, or {@link #NO_MONTH}
     * @param confirmed   a month index in which the person was seen in Kazakhstan in person, or {@link #NO_MONTH}
     */
    public Extracts(Period period, byte[] keys, int[] masks, byte[] region, byte[] age, byte[] sex, byte[] isced,
                    byte[] isco, int[] lastExit, int[] lastEntry, short[] deregistered, short[] died,
                    short[] confirmed) {
        this(period, region.length, keys, masks, region, age, sex, isced, isco, lastExit, lastEntry, deregistered,
                died, confirmed);
    }

    /**
     * The first {@code persons} persons of arrays that may be longer: a reader that had to guess the number of
     * persons hands its arrays over as they are, rather than copying gigabytes of a country to trim them.
     */
    public Extracts(Period period, int persons, byte[] keys, int[] masks, byte[] region, byte[] age, byte[] sex,
                    byte[] isced, byte[] isco, int[] lastExit, int[] lastEntry, short[] deregistered, short[] died,
                    short[] confirmed) {
        this.period = Objects.requireNonNull(period, "period");
        this.persons = persons;
        check(persons >= 0, "persons");
        check(keys.length >= (long) persons * KEY_BYTES, "keys");
        check(masks.length >= (long) persons * Register.COUNT, "masks");
        for (Object a : new Object[] {region, age, sex, isced, isco}) {
            check(((byte[]) a).length >= persons, "attributes");
        }
        for (int[] a : new int[][] {lastExit, lastEntry}) {
            check(a.length >= persons, "crossings");
        }
        for (short[] a : new short[][] {deregistered, died, confirmed}) {
            check(a.length >= persons, "statuses");
        }
        this.keys = keys;
        this.masks = masks;
        this.region = region;
        this.age = age;
        this.sex = sex;
        this.isced = isced;
        this.isco = isco;
        this.lastExit = lastExit;
        this.lastEntry = lastEntry;
        this.deregistered = deregistered;
        this.died = died;
        this.confirmed = confirmed;
    }

    /** {@code n} attributes not given yet ({@link #UNKNOWN}), for a reader to fill in. */
    public static byte[] unknownAttributes(int n) {
        byte[] a = new byte[n];
        java.util.Arrays.fill(a, UNKNOWN);
        return a;
    }

    /** {@code n} persons without a crossing of one direction yet ({@link #NO_DAY}), for a reader to fill in. */
    public static int[] noDays(int n) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, NO_DAY);
        return a;
    }

    /** {@code n} persons without the status event yet ({@link #NO_MONTH}), for a reader to fill in. */
    public static short[] noMonths(int n) {
        short[] a = new short[n];
        java.util.Arrays.fill(a, NO_MONTH);
        return a;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException(what + " do not match the number of persons");
        }
    }

    public Period period() {
        return period;
    }

    public int persons() {
        return persons;
    }

    public int mask(int person, int register) {
        return masks[person * Register.COUNT + register];
    }

    /** Copies person {@code p}'s twelve masks into {@code out} (length ≥ 12). */
    public void masks(int person, int[] out) {
        System.arraycopy(masks, person * Register.COUNT, out, 0, Register.COUNT);
    }

    /** The person's key as 64 lower-case hex digits. */
    public String key(int person) {
        return PersonKeys.hex(keys, person * KEY_BYTES);
    }

    byte[] keyBytes() {
        return keys;
    }

    public int region(int person) {
        return region[person];
    }

    public int age(int person) {
        return age[person];
    }

    public int sex(int person) {
        return sex[person];
    }

    public int isced(int person) {
        return isced[person];
    }

    public int isco(int person) {
        return isco[person];
    }

    public int lastExit(int person) {
        return lastExit[person];
    }

    public int lastEntry(int person) {
        return lastEntry[person];
    }

    public int deregistered(int person) {
        return deregistered[person];
    }

    public int died(int person) {
        return died[person];
    }

    public int confirmed(int person) {
        return confirmed[person];
    }

    @Override
    public String toString() {
        return "Extracts[" + persons + " persons, " + period + "]";
    }
}
