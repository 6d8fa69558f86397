package kz.agyn.costmodel.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.agyn.costmodel.ClaimCheck;
import kz.agyn.costmodel.CostModel;
import kz.agyn.costmodel.CostModelException;
import kz.agyn.costmodel.CostResult;
import kz.agyn.costmodel.Distribution;
import kz.agyn.costmodel.MonteCarloResult;
import kz.agyn.costmodel.OccupationBands;
import kz.agyn.costmodel.OccupationBreakdown;
import kz.agyn.costmodel.OccupationMix;
import kz.agyn.costmodel.Parameter;
import kz.agyn.costmodel.ParameterSet;
import kz.agyn.costmodel.Scenario;
import kz.agyn.costmodel.TornadoBar;
import kz.agyn.costmodel.inputs.WarehouseInputs;
import kz.agyn.kernel.UserException;
import kz.agyn.note.NoteFigure;
import kz.agyn.note.NoteFigures;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * What the API and the page share: turning a user's overrides into a parameter set, refusing bad ones with a
 * message that names the parameter and its allowed range, and running every part of the model on the result.
 */
@Component
class CostModelRunner {

    /** Fewer draws make P5 and P95 jump between seeds; more than this keep a request waiting for no gain. */
    static final int MIN_DRAWS = 100;
    static final int MAX_DRAWS = 20_000;
    static final int DEFAULT_DRAWS = 2_000;
    /** Fixed so that the same overrides give the same band on the page, in the API and in a report. */
    static final long DEFAULT_SEED = 20_241_106L;

    /** The note's figure for the annual cost; its value and wording come from the note's figures. */
    static final String CLAIM_FIGURE = "outflow_cost_per_year";
    /** Used only if the note's figures have not been loaded, so that the check never silently disappears. */
    static final double CLAIM_FALLBACK = 25e9;

    static final String PARAMETER_KEY = "costmodel.parameter.";

    private final NoteFigures figures;
    private final WarehouseInputs warehouse;

    CostModelRunner(NoteFigures figures, WarehouseInputs warehouse) {
        this.figures = figures;
        this.warehouse = warehouse;
    }

    /** One refused override: a message key and its arguments, ready for the MessageSource. */
    record OverrideError(String code, String key, Object[] args) {
        UserException exception() {
            return new UserException(UserException.Kind.INVALID, key, args);
        }
    }

    /**
     * The parameter set and the occupations after the accepted overrides, and the refused ones.
     *
     * @param occupationPayOverridden the occupation codes whose pay the user set
     */
    record Applied(WarehouseInputs.Inputs inputs, ParameterSet parameters, List<OccupationMix> occupations,
                   Set<String> occupationPayOverridden, List<OverrideError> errors, Scenario scenario) {
    }

    /** Everything a run shows, computed from one parameter set, draw count and seed. */
    record Run(WarehouseInputs.Inputs inputs, ParameterSet parameters, CostResult result, MonteCarloResult band, List<TornadoBar> tornado,
               ClaimCheck claim, Claim claimSource, int draws, long seed, OccupationBreakdown occupations,
               OccupationBands occupationBands, Set<String> occupationPayOverridden, Scenario scenario) {
    }

    /** The most a month's pay may be in an override: far above any pay, low enough to catch a slipped digit. */
    static final double MAX_MONTHLY_PAY = 100_000_000;

    /** The claimed annual cost and where it is stated. */
    record Claim(double value, String figureCode, String quote, String citation, String location) {
    }

    /**
     * The defaults with the warehouse's figures in place where it holds them. Read on every request, not cached:
     * an import of newer figures should change the model at once.
     */
    WarehouseInputs.Inputs inputs() {
        return warehouse.defaults();
    }

    /**
     * The defaults with every valid override applied; every invalid one is reported, none is dropped silently.
     * An override equal to the default is no override, so the page marks only what the user really changed.
     */
    Applied apply(Map<String, ?> overrides) {
        return apply(overrides, null);
    }

    /**
     * As {@link #apply(Map)}, and sets the pay of occupations: ISCO-08 major group code → KZT a month. An
     * occupation's pay equal to the warehouse's figure is no override.
     */
    Applied apply(Map<String, ?> overrides, Map<String, ?> occupationPay) {
        return apply(overrides, occupationPay, Scenario.MODEL);
    }

    /**
     * As {@link #apply(Map, Map)}, starting from a named scenario's values instead of the defaults; the user's
     * overrides then apply on top of the scenario's.
     */
    Applied apply(Map<String, ?> overrides, Map<String, ?> occupationPay, Scenario scenario) {
        WarehouseInputs.Inputs inputs = inputs();
        ParameterSet set = scenario.applyTo(inputs.parameters());
        List<OverrideError> errors = new ArrayList<>();
        List<OccupationMix> occupations = new ArrayList<>(inputs.occupations().mix());
        Set<String> payOverridden = new LinkedHashSet<>();
        if (occupationPay != null) {
            occupationPay.forEach((code, raw) -> {
                int i = payable(code) ? indexOf(occupations, code) : -1;
                if (i < 0) {
                    errors.add(new OverrideError(String.valueOf(code), "costmodel.error.override.occupation",
                            new Object[] {String.valueOf(code)}));
                    return;
                }
                Double value = number(raw);
                if (value == null || value < 0 || value > MAX_MONTHLY_PAY) {
                    errors.add(new OverrideError(code, "costmodel.error.override.occupationPay",
                            new Object[] {code, String.valueOf(raw), code, plain(MAX_MONTHLY_PAY)}));
                    return;
                }
                OccupationMix o = occupations.get(i);
                if (!value.equals(o.monthlyPay())) {
                    occupations.set(i, o.withPay(value));
                    payOverridden.add(code);
                }
            });
        }
        if (overrides == null) {
            return new Applied(inputs, set, occupations, payOverridden, errors, scenario);
        }
        for (Map.Entry<String, ?> e : overrides.entrySet()) {
            String code = e.getKey();
            if (code == null || !set.codes().contains(code)) {
                errors.add(new OverrideError(code, "costmodel.error.override.unknown",
                        new Object[] {String.valueOf(code)}));
                continue;
            }
            Parameter p = set.get(code);
            Double value = number(e.getValue());
            if (value == null) {
                errors.add(new OverrideError(code, "costmodel.error.override.notANumber",
                        new Object[] {name(code), String.valueOf(e.getValue()), code}));
                continue;
            }
            OverrideError bound = bounds(p, value);
            if (bound != null) {
                errors.add(bound);
                continue;
            }
            // The page sends every field, changed or not: a value equal to the current central value is no
            // override, so an untouched field leaves its parameter's range in place.
            if (value == p.base()) {
                continue;
            }
            try {
                set = set.with(code, value);
            } catch (CostModelException ex) {
                errors.add(new OverrideError(code, ex.code(), ex.args()));
            }
        }
        return new Applied(inputs, set, occupations, payOverridden, errors, scenario);
    }

    /** Whether an occupation's pay may be set: a major group, not the unknown, whose pay is each level's own. */
    static boolean payable(String code) {
        return code != null && !code.equals("_U") && WarehouseInputs.OCCUPATIONS.contains(code);
    }

    private static int indexOf(List<OccupationMix> occupations, String code) {
        for (int i = 0; i < occupations.size(); i++) {
            if (occupations.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    /** The lowest value an override may take: the parameter's lower bound (defaults.properties, min). */
    static double allowedLow(Parameter p) {
        return p.min();
    }

    /** The highest value an override may take: the parameter's upper bound (defaults.properties, max). */
    static Double allowedHigh(Parameter p) {
        return p.max();
    }

    /** Every parameter has finite bounds, so every refusal names both ends (issue 15: 1e300 once got through). */
    private static OverrideError bounds(Parameter p, double value) {
        double low = allowedLow(p);
        double high = allowedHigh(p);
        if (value >= low && value <= high) {
            return null;
        }
        String code = p.code();
        return new OverrideError(code, "costmodel.error.override.outsideRange",
                new Object[] {name(code), plain(value), code, plain(low), plain(high)});
    }

    /**
     * A JSON number, or text as a form or a hand-written request sends it: spaces as thousands separators and a
     * decimal comma are what a Kazakh or Russian user types, so they are accepted; anything else is refused.
     */
    static Double number(Object raw) {
        double v;
        if (raw instanceof Number n) {
            v = n.doubleValue();
        } else if (raw instanceof String s) {
            String t = s.strip().replace("\u00A0", "").replace("\u202F", "").replace(" ", "").replace("_", "")
                    .replace(',', '.');
            if (t.isEmpty() || !t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                return null;
            }
            v = Double.parseDouble(t);
        } else {
            return null;
        }
        return Double.isFinite(v) ? v : null;
    }

    /** The number written as typed: no exponent, no grouping, so "0.6" and "5867" read back as numbers. */
    static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** The parameter's name in whatever language the message is rendered in. */
    static MessageSourceResolvable name(String code) {
        return new DefaultMessageSourceResolvable(new String[] {PARAMETER_KEY + code}, code);
    }

    /**
     * @throws UserException costmodel.error.override.draws when draws falls outside {@value #MIN_DRAWS}..{@value
     *                       #MAX_DRAWS}
     */
    static int draws(Integer draws) {
        if (draws == null) {
            return DEFAULT_DRAWS;
        }
        if (draws < MIN_DRAWS || draws > MAX_DRAWS) {
            throw new UserException(UserException.Kind.INVALID, "costmodel.error.override.draws",
                    String.valueOf(draws), String.valueOf(MIN_DRAWS), String.valueOf(MAX_DRAWS));
        }
        return draws;
    }

    static long seed(Long seed) {
        return seed == null ? DEFAULT_SEED : seed;
    }

    Run run(Applied applied, int draws, long seed) {
        ParameterSet parameters = applied.parameters();
        Claim claim = claim();
        return new Run(applied.inputs(), parameters, CostModel.evaluate(parameters), CostModel.monteCarlo(parameters, draws, seed),
                CostModel.tornado(parameters), CostModel.checkClaim(parameters, claim.value(), draws, seed), claim,
                draws, seed, CostModel.byOccupation(parameters, applied.occupations()),
                CostModel.monteCarloByOccupation(parameters, applied.occupations(), draws, seed),
                applied.occupationPayOverridden(), applied.scenario());
    }

    /**
     * The scenario of a code sent by a user.
     *
     * @throws UserException costmodel.error.override.scenario for a code that names no scenario
     */
    static Scenario scenario(String code) {
        try {
            return Scenario.of(code);
        } catch (CostModelException e) {
            throw new UserException(UserException.Kind.INVALID, "costmodel.error.override.scenario",
                    String.valueOf(code), SCENARIO_CODES);
        }
    }

    static final String SCENARIO_CODES = String.join(", ",
            java.util.Arrays.stream(Scenario.values()).map(Scenario::code).toList());

    /** The note's claim, from its figures so that a corrected figure flows through to the check. */
    Claim claim() {
        return figures.figure(CLAIM_FIGURE).map(this::claimOf).orElse(new Claim(CLAIM_FALLBACK, CLAIM_FIGURE,
                null, "Analytical note of 06.11.2024 (Kasymov Zh.), conclusion", null));
    }

    private Claim claimOf(NoteFigure f) {
        String citation = figures.source(f.sourceCode()).map(s -> s.citation()).orElse(f.sourceCode());
        return new Claim(f.value().doubleValue(), f.code(), f.quoteKk(), citation, f.location());
    }
}
