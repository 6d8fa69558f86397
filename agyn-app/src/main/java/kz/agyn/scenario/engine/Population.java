package kz.agyn.scenario.engine;

import java.util.Arrays;
import java.util.List;

/**
 * The synthetic population in columns; one agent stands for {@link #personsPerAgent()} people (the scale factor).
 *
 * <p>The agents are kept sorted by their <em>type</em> — sector, ISCO group, ISCED level, age group, studied abroad
 * and a 10% band of pay — because agents of one type share their chances a year: the simulator looks each type's
 * threshold up once and walks the agents of a type in a row. So index {@code i} is not the order of
 * {@link Builder#add}; nothing outside the engine should rely on it.
 */
public final class Population {

    /** Width of a pay band in log pay: agents whose pay differs by less than about 10% share a type. */
    static final double PAY_BAND = 0.1;

    private final List<String> regions;
    private final double personsPerAgent;
    final int size;
    final byte[] region;
    final byte[] age;
    final byte[] sex;     // 0 = M, 1 = F
    final byte[] isced;   // 0..3 = ISCED 5..8
    final byte[] isco;
    final byte[] sector;
    final int[] pay;      // KZT a month, rounded
    final boolean[] studied;
    final byte[] location;
    final byte[] obligation;
    final byte[] workOff;
    /** Each agent's type; agents are sorted by it. */
    final int[] type;
    /** Where each type's agents start (and, at [types], the end): type t is agents [firstOfType[t], firstOfType[t+1]). */
    final int[] firstOfType;
    final Types types;

    private Population(List<String> regions, double personsPerAgent, int size, byte[] region, byte[] age,
                       byte[] sex, byte[] isced, byte[] isco, byte[] sector, int[] pay, boolean[] studied,
                       byte[] location, byte[] obligation, byte[] workOff, int[] type, Types types) {
        this.regions = regions;
        this.personsPerAgent = personsPerAgent;
        this.size = size;
        this.region = region;
        this.age = age;
        this.sex = sex;
        this.isced = isced;
        this.isco = isco;
        this.sector = sector;
        this.pay = pay;
        this.studied = studied;
        this.location = location;
        this.obligation = obligation;
        this.workOff = workOff;
        this.type = type;
        this.types = types;
        firstOfType = new int[types.count + 1];
        for (int t = 0, i = 0; t < types.count; t++) {
            firstOfType[t] = i;
            i += types.agents[t];
        }
        firstOfType[types.count] = size;
    }

    public static Builder builder(List<String> regions, double personsPerAgent) {
        if (!(personsPerAgent > 0) || Double.isInfinite(personsPerAgent)) {
            throw new IllegalArgumentException("persons per agent must be positive, was " + personsPerAgent);
        }
        if (regions.isEmpty() || regions.size() > 127) {
            throw new IllegalArgumentException("1..127 regions, had " + regions.size());
        }
        return new ColumnBuilder(List.copyOf(regions), personsPerAgent);
    }

    public int size() {
        return size;
    }

    public double personsPerAgent() {
        return personsPerAgent;
    }

    public List<String> regions() {
        return regions;
    }

    public int region(int i) {
        return region[i];
    }

    public int age(int i) {
        return age[i];
    }

    public char sex(int i) {
        return sex[i] == 0 ? 'M' : 'F';
    }

    /** ISCED level 5..8. */
    public int isced(int i) {
        return isced[i] + 5;
    }

    public int iscoMajorGroup(int i) {
        return isco[i];
    }

    public Sector sector(int i) {
        return SECTORS[sector[i]];
    }

    public double monthlyPayKzt(int i) {
        return pay[i];
    }

    public boolean studiedAbroad(int i) {
        return studied[i];
    }

    public Location location(int i) {
        return LOCATIONS[location[i]];
    }

    public ObligationState obligation(int i) {
        return OBLIGATIONS[obligation[i]];
    }

    public int workOffYearsLeft(int i) {
        return workOff[i];
    }

    /** Number of distinct agent types (the rows of the simulator's threshold tables). */
    public int typeCount() {
        return types.count;
    }

    private static final Sector[] SECTORS = Sector.values();
    private static final Location[] LOCATIONS = Location.values();
    private static final ObligationState[] OBLIGATIONS = ObligationState.values();

    /** Adds agents one by one; {@link #build()} sorts them into types. */
    public interface Builder {
        /**
         * @param workOffYearsLeft for WORKING_OFF: years still to work; for STUDYING: the years owed after return
         *                         (0 = {@link Assumptions#WORK_OFF_YEARS}); otherwise ignored
         */
        Builder add(int regionIndex, int age, char sex, int isced, int iscoMajorGroup, Sector sector,
                    double monthlyPayKzt, boolean studiedAbroad, Location location, ObligationState obligation,
                    int workOffYearsLeft);

        Population build();
    }

    /** What the agents of one type share. */
    static final class Types {
        final int count;
        final byte[] sector;
        final byte[] isco;
        final byte[] isced;
        final byte[] ageGroup;
        final boolean[] studied;
        /** The type's pay: the geometric mean of its agents' pay. */
        final double[] pay;
        /** Agents of each type (all locations). */
        final int[] agents;

        Types(int count) {
            this.count = count;
            sector = new byte[count];
            isco = new byte[count];
            isced = new byte[count];
            ageGroup = new byte[count];
            studied = new boolean[count];
            pay = new double[count];
            agents = new int[count];
        }
    }

    private static final class ColumnBuilder implements Builder {
        private final List<String> regions;
        private final double personsPerAgent;
        private int n;
        private byte[] region = new byte[1024];
        private byte[] age = new byte[1024];
        private byte[] sex = new byte[1024];
        private byte[] isced = new byte[1024];
        private byte[] isco = new byte[1024];
        private byte[] sector = new byte[1024];
        private int[] pay = new int[1024];
        private boolean[] studied = new boolean[1024];
        private byte[] location = new byte[1024];
        private byte[] obligation = new byte[1024];
        private byte[] workOff = new byte[1024];
        private boolean built;

        ColumnBuilder(List<String> regions, double personsPerAgent) {
            this.regions = regions;
            this.personsPerAgent = personsPerAgent;
        }

        @Override
        public Builder add(int regionIndex, int age, char sex, int isced, int iscoMajorGroup, Sector sector,
                           double monthlyPayKzt, boolean studiedAbroad, Location location,
                           ObligationState obligation, int workOffYearsLeft) {
            if (built) {
                throw new IllegalStateException("population already built");
            }
            if (regionIndex < 0 || regionIndex >= regions.size()) {
                throw new IllegalArgumentException("region index out of range: " + regionIndex);
            }
            if (age < 15 || age > 100) {
                throw new IllegalArgumentException("age must be 15..100, was " + age);
            }
            if (sex != 'M' && sex != 'F') {
                throw new IllegalArgumentException("sex must be M or F, was " + sex);
            }
            if (isced < 5 || isced > 8) {
                throw new IllegalArgumentException("ISCED level must be 5..8, was " + isced);
            }
            if (iscoMajorGroup < 0 || iscoMajorGroup > 9) {
                throw new IllegalArgumentException("ISCO major group must be 0..9, was " + iscoMajorGroup);
            }
            if (!(monthlyPayKzt >= 1 && monthlyPayKzt < Integer.MAX_VALUE)) {
                throw new IllegalArgumentException("monthly pay must be 1..2^31 KZT, was " + monthlyPayKzt);
            }
            if (obligation == ObligationState.STUDYING && location != Location.ABROAD) {
                throw new IllegalArgumentException("a STUDYING scholar is abroad");
            }
            if (obligation == ObligationState.WORKING_OFF && location != Location.KAZAKHSTAN) {
                throw new IllegalArgumentException("a WORKING_OFF scholar is in Kazakhstan");
            }
            if (workOffYearsLeft < 0 || workOffYearsLeft > 20) {
                throw new IllegalArgumentException("work-off years must be 0..20, was " + workOffYearsLeft);
            }
            if (n == region.length) {
                grow();
            }
            int owed = workOffYearsLeft;
            if (obligation == ObligationState.STUDYING && owed == 0) {
                owed = Assumptions.WORK_OFF_YEARS;
            }
            this.region[n] = (byte) regionIndex;
            this.age[n] = (byte) age;
            this.sex[n] = (byte) (sex == 'M' ? 0 : 1);
            this.isced[n] = (byte) (isced - 5);
            this.isco[n] = (byte) iscoMajorGroup;
            this.sector[n] = (byte) sector.ordinal();
            this.pay[n] = (int) Math.round(monthlyPayKzt);
            this.studied[n] = studiedAbroad;
            this.location[n] = (byte) location.ordinal();
            this.obligation[n] = (byte) obligation.ordinal();
            this.workOff[n] = (byte) owed;
            n++;
            return this;
        }

        private void grow() {
            int m = region.length * 2;
            region = Arrays.copyOf(region, m);
            age = Arrays.copyOf(age, m);
            sex = Arrays.copyOf(sex, m);
            isced = Arrays.copyOf(isced, m);
            isco = Arrays.copyOf(isco, m);
            sector = Arrays.copyOf(sector, m);
            pay = Arrays.copyOf(pay, m);
            studied = Arrays.copyOf(studied, m);
            location = Arrays.copyOf(location, m);
            obligation = Arrays.copyOf(obligation, m);
            workOff = Arrays.copyOf(workOff, m);
        }

        private int key(int i) {
            int ag = Assumptions.ageGroup(age[i]);
            int band = (int) Math.max(0, Math.min(255, Math.floor(Math.log(pay[i]) / PAY_BAND)));
            return (((((sector[i] * 10 + isco[i]) * 4 + isced[i]) * 5 + ag) * 2 + (studied[i] ? 1 : 0)) << 8) | band;
        }

        @Override
        public Population build() {
            built = true;
            long[] order = new long[n];
            for (int i = 0; i < n; i++) {
                order[i] = ((long) key(i) << 32) | i;
            }
            Arrays.sort(order);
            int[] type = new int[n];
            int count = 0;
            long previous = -1;
            for (int k = 0; k < n; k++) {
                long key = order[k] >>> 32;
                if (key != previous) {
                    count++;
                    previous = key;
                }
                type[k] = count - 1;
            }
            Types types = new Types(count);
            double[] logPay = new double[count];
            byte[] r = new byte[n], a = new byte[n], s = new byte[n], e = new byte[n], o = new byte[n],
                    c = new byte[n], l = new byte[n], ob = new byte[n], w = new byte[n];
            int[] p = new int[n];
            boolean[] st = new boolean[n];
            for (int k = 0; k < n; k++) {
                int i = (int) order[k];
                r[k] = region[i];
                a[k] = age[i];
                s[k] = sex[i];
                e[k] = isced[i];
                o[k] = isco[i];
                c[k] = sector[i];
                p[k] = pay[i];
                st[k] = studied[i];
                l[k] = location[i];
                ob[k] = obligation[i];
                w[k] = workOff[i];
                int t = type[k];
                types.sector[t] = c[k];
                types.isco[t] = o[k];
                types.isced[t] = e[k];
                types.ageGroup[t] = (byte) Assumptions.ageGroup(a[k]);
                types.studied[t] = st[k];
                types.agents[t]++;
                logPay[t] += Math.log(p[k]);
            }
            for (int t = 0; t < count; t++) {
                types.pay[t] = Math.exp(logPay[t] / types.agents[t]);
            }
            return new Population(regions, personsPerAgent, n, r, a, s, e, o, c, p, st, l, ob, w, type, types);
        }
    }
}
