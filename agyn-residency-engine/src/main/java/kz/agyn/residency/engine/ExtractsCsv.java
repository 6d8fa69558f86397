package kz.agyn.residency.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CSV form of the register extracts (docs/formats/register-extracts.md): three files read together into one
 * {@link Extracts}, all or nothing. Plain comma-separated UTF-8 with a header row; fields are codes and numbers, so
 * there is no quoting (a field in double quotes has them dropped). Columns may come in any order; extra columns are
 * ignored.
 *
 * <p>Every row is checked and all problems are reported together (up to {@value #MAX_PROBLEMS}), each with its
 * file and line; if there is any, {@link ExtractException} is thrown and nothing is returned.
 */
public final class ExtractsCsv {

    /** Problems reported before reading stops. */
    public static final int MAX_PROBLEMS = 50;
    public static final String EXTRACTS = "extracts.csv";
    public static final String CROSSINGS = "crossings.csv";
    public static final String STATUSES = "statuses.csv";

    static final List<String> EXTRACT_COLUMNS =
            List.of("person", "register", "first_month", "mask", "region", "age", "sex", "isced", "isco");
    private static final String REGISTER_CODES =
            String.join(", ", Arrays.stream(Register.values()).map(Enum::name).toList());
    static final List<String> CROSSING_COLUMNS = List.of("person", "date", "direction");
    static final List<String> STATUS_COLUMNS = List.of("person", "month", "event");

    /** Known status events of statuses.csv. */
    public enum Event { DEREGISTERED, DIED, PRESENT }

    private ExtractsCsv() {
    }

    /**
     * Reads the three files of one period. {@code crossings} and {@code statuses} may be null (no border data, no
     * known statuses).
     *
     * @throws ExtractException when anything is wrong, with every problem found
     */
    public static Extracts read(Period period, Reader extracts, Reader crossings, Reader statuses) {
        return new Reading(period).all(extracts, crossings, statuses);
    }

    private static final class Reading {
        private final Period period;
        private final List<ExtractProblem> problems = new ArrayList<>();
        private final PersonKeys.Index index = new PersonKeys.Index(1 << 16);
        private final byte[] key = new byte[Extracts.KEY_BYTES];
        private int capacity = 1 << 16;
        private int[] masks = new int[capacity * Register.COUNT];
        private short[] seen = new short[capacity];
        private byte[] region = Extracts.unknownAttributes(capacity);
        private byte[] age = Extracts.unknownAttributes(capacity);
        private byte[] sex = new byte[capacity];
        private byte[] isced = Extracts.unknownAttributes(capacity);
        private byte[] isco = Extracts.unknownAttributes(capacity);

        Reading(Period period) {
            this.period = period;
        }

        Extracts all(Reader extracts, Reader crossings, Reader statuses) {
            readExtracts(extracts);
            int n = index.size();
            int[] lastExit = Extracts.noDays(n);
            int[] lastEntry = Extracts.noDays(n);
            short[] deregistered = Extracts.noMonths(n);
            short[] died = Extracts.noMonths(n);
            short[] confirmed = Extracts.noMonths(n);
            if (problems.isEmpty() && crossings != null) {
                readCrossings(crossings, lastExit, lastEntry);
            }
            if (problems.isEmpty() && statuses != null) {
                readStatuses(statuses, deregistered, died, confirmed);
            }
            if (!problems.isEmpty()) {
                throw new ExtractException(problems);
            }
            return new Extracts(period, index.keys(), Arrays.copyOf(masks, n * Register.COUNT),
                    Arrays.copyOf(region, n), Arrays.copyOf(age, n), Arrays.copyOf(sex, n), Arrays.copyOf(isced, n),
                    Arrays.copyOf(isco, n), lastExit, lastEntry, deregistered, died, confirmed);
        }

        private void readExtracts(Reader in) {
            Rows rows = new Rows(EXTRACTS, in, EXTRACT_COLUMNS);
            if (!rows.header()) {
                return;
            }
            int[] c = rows.positions();
            String[] f;
            while ((f = rows.next()) != null) {
                long line = rows.line;
                int problemsBefore = problems.size();
                boolean keyed = person(f[c[0]], line, EXTRACTS);
                Optional<Register> register = Register.ofCode(f[c[1]]);
                if (register.isEmpty()) {
                    // The value is not quoted back: it could be anything, an IIN included.
                    problem(EXTRACTS, line, "residency.extract.unknownRegister", REGISTER_CODES);
                }
                int bits = mask(f[c[2]], f[c[3]], line);
                byte rg = code(f[c[4]], 9, 9, line, "residency.extract.badRegion");
                byte ag = number(f[c[5]], 0, 120, line, "residency.extract.badAge");
                byte sx = sex(f[c[6]], line);
                byte ed = number(f[c[7]], 0, 8, line, "residency.extract.badIsced");
                byte oc = code(f[c[8]], 2, 4, line, "residency.extract.badIsco");
                if (!keyed || problems.size() > problemsBefore) {
                    if (problems.size() >= MAX_PROBLEMS) {
                        return;
                    }
                    continue;
                }
                int p = index.findOrAdd(key, 0);
                ensure(p + 1);
                int r = register.get().ordinal();
                if ((seen[p] & (1 << r)) != 0) {
                    problem(EXTRACTS, line, "residency.extract.duplicate", register.get().name());
                    if (problems.size() >= MAX_PROBLEMS) {
                        return;
                    }
                    continue;
                }
                seen[p] |= (short) (1 << r);
                masks[p * Register.COUNT + r] = bits;
                // The first register that gives an attribute is taken; the format says registers agree.
                region[p] = region[p] == Extracts.UNKNOWN ? rg : region[p];
                age[p] = age[p] == Extracts.UNKNOWN ? ag : age[p];
                sex[p] = sex[p] == 0 ? sx : sex[p];
                isced[p] = isced[p] == Extracts.UNKNOWN ? ed : isced[p];
                isco[p] = isco[p] == Extracts.UNKNOWN ? oc : isco[p];
            }
        }

        /** What to do with one row of a file keyed by persons of the extracts: fields in required-column order. */
        private interface PersonRow {
            void accept(String[] fields, long line, int person);
        }

        /** Reads a file of rows about persons of the extracts; {@code person} is −1 (reported) when unknown. */
        private void personRows(String file, Reader in, List<String> columns, PersonRow row) {
            Rows rows = new Rows(file, in, columns);
            if (!rows.header()) {
                return;
            }
            int[] c = rows.positions();
            String[] f;
            String[] ordered = new String[columns.size()];
            while ((f = rows.next()) != null && problems.size() < MAX_PROBLEMS) {
                for (int i = 0; i < c.length; i++) {
                    ordered[i] = f[c[i]];
                }
                row.accept(ordered, rows.line, known(ordered[0], rows.line, file));
            }
        }

        private void readCrossings(Reader in, int[] lastExit, int[] lastEntry) {
            personRows(CROSSINGS, in, CROSSING_COLUMNS, (f, line, p) -> {
                LocalDate day = null;
                try {
                    day = LocalDate.parse(f[1]);
                } catch (DateTimeException e) {
                    problem(CROSSINGS, line, "residency.crossing.badDate");
                }
                boolean exit = f[2].equals("EXIT");
                if (!exit && !f[2].equals("ENTRY")) {
                    problem(CROSSINGS, line, "residency.crossing.badDirection");
                } else if (p >= 0 && day != null) {
                    int[] last = exit ? lastExit : lastEntry;
                    last[p] = Math.max(last[p], (int) day.toEpochDay());
                }
            });
        }

        private void readStatuses(Reader in, short[] deregistered, short[] died, short[] confirmed) {
            personRows(STATUSES, in, STATUS_COLUMNS, (f, line, p) -> {
                int m = -1;
                try {
                    m = period.indexOf(YearMonth.parse(f[1]));
                    if (m < 0 || m >= period.months()) {
                        problem(STATUSES, line, "residency.status.monthOutside");
                        m = -1;
                    }
                } catch (DateTimeException e) {
                    problem(STATUSES, line, "residency.extract.badMonth");
                }
                Event event = null;
                for (Event e : Event.values()) {
                    event = e.name().equals(f[2]) ? e : event;
                }
                if (event == null) {
                    problem(STATUSES, line, "residency.status.badEvent");
                }
                if (p < 0 || m < 0 || event == null) {
                    return;
                }
                short[] target = switch (event) {
                    case DEREGISTERED -> deregistered;
                    case DIED -> died;
                    case PRESENT -> confirmed;
                };
                target[p] = (short) Math.max(target[p], m);
            });
        }

        /** Parses a person key into {@link #key}; reports an IIN in clear or anything else that is not a key. */
        private boolean person(String text, long line, String file) {
            if (PersonKeys.parseHex(text, key, 0)) {
                return true;
            }
            problem(file, line, PersonKeys.looksLikeIin(text) ? "residency.extract.clearIin"
                    : "residency.extract.badPerson");
            return false;
        }

        /** The number of a person of the extracts, or −1 (reported) when the key is bad or unknown. */
        private int known(String text, long line, String file) {
            if (!person(text, line, file)) {
                return -1;
            }
            int p = index.find(key, 0);
            if (p < 0) {
                problem(file, line, "residency.extract.unknownPerson");
            }
            return p;
        }

        private int mask(String firstMonth, String mask, long line) {
            int start;
            try {
                start = period.indexOf(YearMonth.parse(firstMonth));
            } catch (DateTimeException e) {
                problem(EXTRACTS, line, "residency.extract.badMonth");
                return 0;
            }
            if (mask.isEmpty() || !mask.chars().allMatch(ch -> ch == '0' || ch == '1')) {
                problem(EXTRACTS, line, "residency.extract.badMask");
                return 0;
            }
            if (start < 0 || start >= period.months()) {
                problem(EXTRACTS, line, "residency.extract.monthOutside", period.start().toString(),
                        period.months());
                return 0;
            }
            if (start + mask.length() > period.months()) {
                problem(EXTRACTS, line, "residency.extract.maskTooLong", mask.length(), period.months() - start);
                return 0;
            }
            int bits = 0;
            for (int i = 0; i < mask.length(); i++) {
                if (mask.charAt(i) == '1') {
                    bits |= 1 << (start + i);
                }
            }
            return bits;
        }

        /** A code of {@code min}–{@code max} digits whose first two are kept (KATO oblast, ISCO sub-major). */
        private byte code(String text, int min, int max, long line, String problem) {
            if (text.isEmpty()) {
                return Extracts.UNKNOWN;
            }
            if (text.length() < min || text.length() > max || !text.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                problem(EXTRACTS, line, problem);
                return Extracts.UNKNOWN;
            }
            return (byte) Integer.parseInt(text.substring(0, 2));
        }

        private byte number(String text, int min, int max, long line, String problem) {
            if (text.isEmpty()) {
                return Extracts.UNKNOWN;
            }
            try {
                int v = Integer.parseInt(text);
                if (v >= min && v <= max) {
                    return (byte) v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem(EXTRACTS, line, problem, min, max);
            return Extracts.UNKNOWN;
        }

        private byte sex(String text, long line) {
            return switch (text) {
                case "" -> 0;
                case "M" -> 1;
                case "F" -> 2;
                default -> {
                    problem(EXTRACTS, line, "residency.extract.badSex");
                    yield 0;
                }
            };
        }

        private void ensure(int persons) {
            if (persons <= capacity) {
                return;
            }
            int old = capacity;
            capacity *= 2;
            masks = Arrays.copyOf(masks, capacity * Register.COUNT);
            seen = Arrays.copyOf(seen, capacity);
            region = grow(region, old);
            age = grow(age, old);
            sex = Arrays.copyOf(sex, capacity);
            isced = grow(isced, old);
            isco = grow(isco, old);
        }

        private byte[] grow(byte[] a, int old) {
            byte[] out = Arrays.copyOf(a, capacity);
            Arrays.fill(out, old, capacity, Extracts.UNKNOWN);
            return out;
        }

        private void problem(String file, long line, String code, Object... details) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new ExtractProblem(file, line, code, List.of(details)));
            }
        }

        /** One file's rows, split, with the header's column positions. */
        private final class Rows {
            private final String file;
            private final BufferedReader in;
            private final List<String> required;
            private int[] positions;
            private int width;
            long line;

            Rows(String file, Reader in, List<String> required) {
                this.file = file;
                this.in = new BufferedReader(in, 1 << 16);
                this.required = required;
            }

            /** Reads the header; false (reported) when it is missing or lacks a required column. */
            boolean header() {
                String text = readLine();
                if (text == null) {
                    problem(file, 1, "residency.extract.empty");
                    return false;
                }
                String[] names = split(text.startsWith("\uFEFF") ? text.substring(1) : text);
                Map<String, Integer> at = new HashMap<>();
                for (int i = 0; i < names.length; i++) {
                    at.putIfAbsent(names[i].toLowerCase(java.util.Locale.ROOT), i);
                }
                positions = new int[required.size()];
                boolean ok = true;
                for (int i = 0; i < required.size(); i++) {
                    Integer p = at.get(required.get(i));
                    if (p == null) {
                        problem(file, 1, "residency.extract.missingColumn", required.get(i));
                        ok = false;
                    } else {
                        positions[i] = p;
                    }
                }
                width = names.length;
                return ok;
            }

            int[] positions() {
                return positions;
            }

            /** The next row's fields (as many as the header has), or null at the end; blank lines are skipped. */
            String[] next() {
                String text;
                while ((text = readLine()) != null) {
                    if (text.isBlank()) {
                        continue;
                    }
                    String[] f = split(text);
                    if (f.length != width) {
                        problem(file, line, "residency.extract.badWidth", f.length, width);
                        if (problems.size() >= MAX_PROBLEMS) {
                            return null;
                        }
                        continue;
                    }
                    return f;
                }
                return null;
            }

            private String readLine() {
                try {
                    String text = in.readLine();
                    if (text != null) {
                        line++;
                    }
                    return text;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    static String[] split(String line) {
        String[] f = line.split(",", -1);
        for (int i = 0; i < f.length; i++) {
            String s = f[i].strip();
            if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') {
                s = s.substring(1, s.length() - 1).strip();
            }
            f[i] = s;
        }
        return f;
    }



    /**
     * Writes the three files: a row per person and register with activity (a person with none keeps one row of
     * zeros in TAX, so the frame is kept), attributes on every row, crossings as the last exit and entry only.
     */
    public static void write(Extracts x, Writer extracts, Writer crossings, Writer statuses) {
        try {
            Period period = x.period();
            String first = period.start().toString();
            StringBuilder b = new StringBuilder(256);
            extracts.write(String.join(",", EXTRACT_COLUMNS) + "\n");
            crossings.write(String.join(",", CROSSING_COLUMNS) + "\n");
            statuses.write(String.join(",", STATUS_COLUMNS) + "\n");
            for (int p = 0; p < x.persons(); p++) {
                String key = x.key(p);
                boolean none = !anyMask(x, p);
                for (int r = 0; r < Register.COUNT; r++) {
                    int mask = x.mask(p, r);
                    if (mask == 0 && !(none && r == 0)) {
                        continue;
                    }
                    b.setLength(0);
                    b.append(key).append(',').append(Register.at(r).name()).append(',').append(first).append(',');
                    for (int m = 0; m < period.months(); m++) {
                        b.append((mask >>> m & 1) == 1 ? '1' : '0');
                    }
                    b.append(',');
                    if (x.region(p) != Extracts.UNKNOWN) {
                        b.append(x.region(p) < 10 ? "0" : "").append(x.region(p)).append("0000000");
                    }
                    b.append(',');
                    if (x.age(p) != Extracts.UNKNOWN) {
                        b.append(x.age(p));
                    }
                    b.append(',').append(x.sex(p) == 1 ? "M" : x.sex(p) == 2 ? "F" : "").append(',');
                    if (x.isced(p) != Extracts.UNKNOWN) {
                        b.append(x.isced(p));
                    }
                    b.append(',');
                    if (x.isco(p) != Extracts.UNKNOWN) {
                        b.append(x.isco(p) < 10 ? "0" : "").append(x.isco(p));
                    }
                    b.append('\n');
                    extracts.append(b);
                }
                crossing(crossings, key, x.lastExit(p), "EXIT");
                crossing(crossings, key, x.lastEntry(p), "ENTRY");
                status(statuses, key, period, x.deregistered(p), Event.DEREGISTERED);
                status(statuses, key, period, x.died(p), Event.DIED);
                status(statuses, key, period, x.confirmed(p), Event.PRESENT);
            }
            extracts.flush();
            crossings.flush();
            statuses.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean anyMask(Extracts x, int p) {
        for (int r = 0; r < Register.COUNT; r++) {
            if (x.mask(p, r) != 0) {
                return true;
            }
        }
        return false;
    }

    private static void crossing(Writer out, String key, int day, String direction) throws IOException {
        if (day != Extracts.NO_DAY) {
            out.write(key + "," + LocalDate.ofEpochDay(day) + "," + direction + "\n");
        }
    }

    private static void status(Writer out, String key, Period period, int month, Event event) throws IOException {
        if (month != Extracts.NO_MONTH) {
            out.write(key + "," + period.month(month) + "," + event.name() + "\n");
        }
    }
}
