package kz.agyn.costmodel;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * A complete, valid set of the model's parameters: exactly one {@link Parameter} per code the model uses, in the
 * model's order. Immutable; {@link #with(String, double)} returns a new set and remembers which codes were
 * overridden, so a page can mark them.
 *
 * <p>The shipped defaults are in {@code src/main/resources/costmodel/defaults.properties}, where every value
 * cites its source or is flagged as an assumption with what it rests on; {@link #defaults()} loads them.
 */
public final class ParameterSet {

    private static final String RESOURCE = "/costmodel/defaults.properties";
    private static final Set<String> FIELDS =
            Set.of("unit", "base", "low", "high", "min", "max", "distribution", "source", "url",
                    "assumption");

    private final List<Parameter> parameters;
    private final Set<String> overridden;

    private ParameterSet(List<Parameter> parameters, Set<String> overridden) {
        this.parameters = parameters;
        this.overridden = overridden;
    }

    /**
     * A set of exactly the model's parameters, in any order.
     *
     * @throws CostModelException UNKNOWN_PARAMETER, DUPLICATE_PARAMETER or MISSING_PARAMETER
     */
    public static ParameterSet of(Collection<Parameter> parameters) {
        Parameter[] slots = new Parameter[Codes.ALL.size()];
        for (Parameter p : parameters) {
            int i = Codes.index(p.code());
            if (i < 0) {
                throw new CostModelException(CostModelException.Problem.UNKNOWN_PARAMETER, p.code(), p.base());
            }
            if (slots[i] != null) {
                throw new CostModelException(CostModelException.Problem.DUPLICATE_PARAMETER, p.code(), p.base());
            }
            slots[i] = p;
        }
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == null) {
                throw new CostModelException(CostModelException.Problem.MISSING_PARAMETER, Codes.ALL.get(i), "");
            }
        }
        return new ParameterSet(List.of(slots), Set.of());
    }

    /** The shipped defaults; see the class comment. */
    public static ParameterSet defaults() {
        return Holder.DEFAULTS;
    }

    // Loaded once, on first use: the file is part of the build, so a broken one is a defect, not a user error.
    private static final class Holder {
        static final ParameterSet DEFAULTS = load();

        private static ParameterSet load() {
            try (InputStream in = ParameterSet.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is not on the classpath");
                }
                return read(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Reads a parameter set in the format of {@code defaults.properties} (see the comment at its top): keys
     * {@code <code>.unit}, {@code .base}, {@code .low}, {@code .high}, {@code .min}, {@code .max},
     * {@code .distribution}, {@code .source}, {@code .url} and {@code .assumption}. Without low and high a
     * parameter is FIXED; with them it is TRIANGULAR unless a distribution is named. min and max, the bounds of
     * an override, are required of every parameter: an unbounded one is how 1e300 emigrants once got through.
     *
     * @throws CostModelException for an unknown code or field, a value that is not a number, a missing source,
     *                            or any of the checks of {@link Parameter} and {@link #of(Collection)}
     */
    public static ParameterSet read(Reader reader) throws IOException {
        Properties p = new Properties();
        p.load(reader);
        Set<String> codes = new LinkedHashSet<>();
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            int dot = key.lastIndexOf('.');
            if (dot < 0 || !FIELDS.contains(key.substring(dot + 1))) {
                throw new CostModelException(CostModelException.Problem.UNKNOWN_PARAMETER, key, p.getProperty(key));
            }
            codes.add(key.substring(0, dot));
        }
        List<Parameter> parameters = new ArrayList<>();
        for (String code : codes) {
            String source = p.getProperty(code + ".source", "").strip();
            if (source.isEmpty()) {
                throw new CostModelException(CostModelException.Problem.MISSING_SOURCE, code, "");
            }
            Unit unit = option(Unit.class, code, p.getProperty(code + ".unit"));
            double base = number(code, p.getProperty(code + ".base"));
            String lowText = p.getProperty(code + ".low");
            String highText = p.getProperty(code + ".high");
            double low = lowText == null ? base : number(code, lowText);
            double high = highText == null ? base : number(code, highText);
            String named = p.getProperty(code + ".distribution");
            Distribution distribution = named != null ? option(Distribution.class, code, named)
                    : lowText == null && highText == null ? Distribution.FIXED : Distribution.TRIANGULAR;
            boolean assumption = Boolean.parseBoolean(p.getProperty(code + ".assumption", "false").strip());
            double min = number(code, p.getProperty(code + ".min"));
            double max = number(code, p.getProperty(code + ".max"));
            parameters.add(new Parameter(code, unit, base, low, high, distribution,
                    new Source(source, p.getProperty(code + ".url")), assumption, min, max));
        }
        return of(parameters);
    }

    private static double number(String code, String text) {
        if (text == null) {
            throw new CostModelException(CostModelException.Problem.NOT_A_NUMBER, code, "");
        }
        try {
            return Double.parseDouble(text.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new CostModelException(CostModelException.Problem.NOT_A_NUMBER, code, text);
        }
    }

    private static <E extends Enum<E>> E option(Class<E> type, String code, String text) {
        try {
            return Enum.valueOf(type, String.valueOf(text).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CostModelException(CostModelException.Problem.NOT_AN_OPTION, code, text);
        }
    }

    /** The parameters in the model's order. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** The codes in the model's order. */
    public List<String> codes() {
        return Codes.ALL;
    }

    /**
     * The parameter with this code.
     *
     * @throws CostModelException UNKNOWN_PARAMETER
     */
    public Parameter get(String code) {
        return parameters.get(slot(code));
    }

    /** The base value of the parameter with this code. */
    public double value(String code) {
        return get(code).base();
    }

    /**
     * This set with one parameter overridden: fixed at {@code value}, which must lie within the parameter's bounds
     * (see {@link Parameter#overriddenTo}); use {@link #with(String, double, double, double)} to give a range
     * instead.
     *
     * @throws CostModelException UNKNOWN_PARAMETER, NOT_A_NUMBER, OUTSIDE_RANGE
     */
    public ParameterSet with(String code, double value) {
        return replace(slot(code), get(code).overriddenTo(value));
    }

    /**
     * This set with one parameter's base value and range replaced (a FIXED parameter with a range becomes
     * TRIANGULAR).
     *
     * @throws CostModelException UNKNOWN_PARAMETER, or a check of {@link Parameter}
     */
    public ParameterSet with(String code, double base, double low, double high) {
        return replace(slot(code), get(code).withRange(base, low, high));
    }

    /** The codes changed by {@code with}, in the model's order. */
    public Set<String> overridden() {
        return overridden;
    }

    /** The base values in the model's order: the evaluator's input. */
    double[] bases() {
        double[] v = new double[parameters.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = parameters.get(i).base();
        }
        return v;
    }

    private ParameterSet replace(int slot, Parameter parameter) {
        Parameter[] copy = parameters.toArray(new Parameter[0]);
        copy[slot] = parameter;
        Set<String> changed = new TreeSet<>((a, b) -> Integer.compare(Codes.index(a), Codes.index(b)));
        changed.addAll(overridden);
        changed.add(parameter.code());
        return new ParameterSet(List.of(copy), Collections.unmodifiableSet(new LinkedHashSet<>(changed)));
    }

    private static int slot(String code) {
        int i = Codes.index(code);
        if (i < 0) {
            throw new CostModelException(CostModelException.Problem.UNKNOWN_PARAMETER, String.valueOf(code), "");
        }
        return i;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterSet other && parameters.equals(other.parameters);
    }

    @Override
    public int hashCode() {
        return parameters.hashCode();
    }

    @Override
    public String toString() {
        return "ParameterSet" + Arrays.toString(parameters.stream().map(p -> p.code() + "=" + p.base()).toArray());
    }
}
