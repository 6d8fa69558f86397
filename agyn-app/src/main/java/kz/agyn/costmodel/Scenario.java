package kz.agyn.costmodel;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * A named set of overrides that the page and the API offer by name. The values are data, in
 * {@code costmodel/scenarios.properties} with the reasoning that gives them; the names are the model's.
 */
public enum Scenario {
    /** The model's defaults, with the warehouse's published figures where it holds them. */
    MODEL("model"),
    /**
     * The note's "about 25 bn KZT a year" read as the public spending on the tertiary years of the year's
     * graduates who leave (see the properties file for the arithmetic, 25.14 bn).
     */
    NOTE_25BN("note_25bn");

    private static final String RESOURCE = "/costmodel/scenarios.properties";

    private final String code;

    Scenario(String code) {
        this.code = code;
    }

    /** The code the API and the page use, e.g. {@code note_25bn}. */
    public String code() {
        return code;
    }

    /** The scenario's overrides, parameter code → value, in the file's order of codes. */
    public Map<String, Double> overrides() {
        return Holder.OVERRIDES.getOrDefault(code, Map.of());
    }

    /** This scenario's overrides applied to {@code parameters}, each fixing its parameter at the value. */
    public ParameterSet applyTo(ParameterSet parameters) {
        ParameterSet set = parameters;
        for (Map.Entry<String, Double> e : overrides().entrySet()) {
            Parameter p = set.get(e.getKey());
            if (p.distribution() == Distribution.FIXED && p.base() == e.getValue()) {
                continue; // already so: not marked as changed
            }
            set = set.with(e.getKey(), e.getValue());
        }
        return set;
    }

    /**
     * The scenario of a code, in any case; MODEL for null or blank.
     *
     * @throws CostModelException UNKNOWN_SCENARIO
     */
    public static Scenario of(String code) {
        if (code == null || code.isBlank()) {
            return MODEL;
        }
        for (Scenario s : values()) {
            if (s.code.equals(code.strip().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new CostModelException(CostModelException.Problem.UNKNOWN_SCENARIO, "scenario", code);
    }

    // Loaded once: the file is part of the build, so a broken one is a defect, not a user error.
    private static final class Holder {
        static final Map<String, Map<String, Double>> OVERRIDES = load();

        private static Map<String, Map<String, Double>> load() {
            Properties p = new Properties();
            try (InputStream in = Scenario.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is not on the classpath");
                }
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, Map<String, Double>> all = new LinkedHashMap<>();
            for (String key : new TreeSet<>(p.stringPropertyNames())) {
                int dot = key.indexOf('.');
                String scenario = key.substring(0, dot);
                String parameter = key.substring(dot + 1);
                if (Codes.index(parameter) < 0) {
                    throw new IllegalStateException(RESOURCE + ": unknown parameter " + parameter);
                }
                all.computeIfAbsent(scenario, k -> new LinkedHashMap<>())
                        .put(parameter, Double.parseDouble(p.getProperty(key).strip()));
            }
            all.replaceAll((k, v) -> Collections.unmodifiableMap(v));
            return Collections.unmodifiableMap(all);
        }
    }
}
