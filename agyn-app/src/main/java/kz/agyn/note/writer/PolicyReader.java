package kz.agyn.note.writer;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import kz.agyn.kernel.UserException;
import kz.agyn.platform.format.Decimals;
import kz.agyn.platform.format.Numbers;
import kz.agyn.platform.format.Scale;
import kz.agyn.platform.format.Shortening;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What a note reads from the policy features: a comparison of scenarios from a finished run (kz.agyn.scenario) and
 * a measure's KPI (kz.agyn.measure), each named in a template by a code, a name or a number and refused, naming the
 * block, when it names nothing Agyn holds or has no finished run yet.
 */
@Component
class PolicyReader {

    /** The citation key of a scenario run ("run:" and its id) and of a KPI's non-warehouse source. */
    static final String RUN_SOURCE = "run:";
    static final String KPI_SOURCE = "kpi:";

    /** Measures defined against the baseline, which has none of its own (kz.agyn.scenario.engine.Measure). */
    private static final List<String> AGAINST_BASELINE = List.of("KEPT_VS_BASELINE", "COST_PER_SPECIALIST_KEPT_KZT",
            "BRAIN_DRAIN_COST_AVOIDED_KZT");
    /** Money as the scenario pages write it: millions with one decimal, billions with two. */
    private static final Shortening MONEY = Shortening.none(Decimals.upTo(0)).and(Scale.MILLION, Decimals.upTo(1))
            .and(Scale.BILLION, Decimals.upTo(2));
    private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");

    private final ScenarioRuns scenarios;
    private final MeasureKpis measures;
    private final MessageSource messages;

    PolicyReader(ScenarioRuns scenarios, MeasureKpis measures, MessageSource messages) {
        this.scenarios = scenarios;
        this.measures = measures;
        this.messages = messages;
    }

    /** A scenario table: the scenarios as named (its key), the run read, the year, the columns and rows. */
    record Comparison(String key, ScenarioRuns.Run run, int year, List<String> columns,
                      List<List<String>> rows) {
    }

    Comparison compare(String template, String where, String asked, List<String> measureCodes, String year,
                       Map<String, UUID> pinned, Locale locale) {
        List<String> names = Arrays.stream(asked == null ? new String[0] : asked.split(",")).map(String::trim)
                .filter(n -> !n.isEmpty()).toList();
        if (names.isEmpty()) {
            throw new UserException(UserException.Kind.INVALID, "note.write.scenario.none", template, where);
        }
        if (measureCodes.isEmpty()) {
            throw new UserException(UserException.Kind.INVALID, "note.write.template.field", where, "measures");
        }
        List<String> known = scenarios.measures();
        for (String m : measureCodes) {
            if (!known.contains(m)) {
                throw new UserException(UserException.Kind.INVALID, "note.write.scenario.measure", template, where, m,
                        String.join(", ", known));
            }
        }
        List<ScenarioRuns.Named> all = scenarios.scenarios();
        List<ScenarioRuns.Named> chosen = new ArrayList<>();
        for (String n : names) {
            chosen.add(all.stream().filter(s -> n.equalsIgnoreCase(s.shipped())
                    || (NUMBER.matcher(n).matches() && s.id() == Long.parseLong(n)) || n.equalsIgnoreCase(s.name()))
                    .findFirst().orElseThrow(() -> new UserException(UserException.Kind.INVALID,
                            "note.write.scenario.unknown", template, where, n)));
        }
        String key = String.join(",", names);
        List<Long> ids = chosen.stream().map(ScenarioRuns.Named::id).distinct().toList();
        String said = String.join(", ", chosen.stream().map(s -> name(s, locale)).toList());
        ScenarioRuns.Run run = (pinned.containsKey(key) ? scenarios.finished(pinned.get(key))
                : scenarios.latestFinished(ids)).orElseThrow(() -> new UserException(UserException.Kind.INVALID,
                "note.write.scenario.noRun", template, where, said));
        int first = run.startYear();
        int last = first + run.horizon() - 1;
        int y;
        if (year == null || year.isBlank()) {
            y = last;
        } else {
            try {
                y = Integer.parseInt(year.trim());
            } catch (NumberFormatException e) {
                y = Integer.MIN_VALUE;
            }
            if (y < first || y > last) {
                throw new UserException(UserException.Kind.INVALID, "note.write.scenario.year", template, where,
                        year.trim(), String.valueOf(first), String.valueOf(last));
            }
        }
        Map<String, ScenarioRuns.Value> bands = new HashMap<>();
        for (ScenarioRuns.Value b : scenarios.totals(run.id())) {
            bands.put(b.position() + "|" + b.measure() + "|" + b.yearOffset(), b);
        }
        List<Integer> positions = new ArrayList<>();
        for (ScenarioRuns.Named s : chosen) {
            int p = 1;
            for (ScenarioRuns.Named r : run.scenarios()) {
                if (r.id() == s.id()) {
                    break;
                }
                p++;
            }
            positions.add(p);
        }
        Numbers numbers = new Numbers(locale, messages);
        List<String> columns = new ArrayList<>();
        columns.add(msg("note.write.scenario.indicator", locale));
        columns.add(msg("note.write.scenario.baseline", locale));
        // The run's copy of each scenario: its name as it was run.
        for (int p : positions) {
            columns.add(name(run.scenarios().get(p - 1), locale));
            columns.add(msg("note.write.scenario.difference", locale));
        }
        int offset = y - first;
        List<List<String>> rows = new ArrayList<>();
        for (String m : measureCodes) {
            boolean money = m.endsWith("_KZT");
            boolean against = AGAINST_BASELINE.contains(m);
            List<String> row = new ArrayList<>();
            row.add(msg("scenario.measure." + m, locale) + ", " + msg(money ? "scenario.unit.kzt"
                    : "scenario.unit.persons", locale));
            ScenarioRuns.Value base = bands.get("0|" + m + "|" + offset);
            row.add(against || base == null ? Numbers.DASH : format(numbers, base.mean(), money, false));
            for (int p : positions) {
                ScenarioRuns.Value b = bands.get(p + "|" + m + "|" + offset);
                row.add(b == null ? Numbers.DASH : format(numbers, b.mean(), money, false));
                row.add(against || b == null || base == null ? Numbers.DASH
                        : format(numbers, b.mean() - base.mean(), money, true));
            }
            rows.add(row);
        }
        return new Comparison(key, run, y, columns, rows);
    }

    private static String format(Numbers numbers, double v, boolean money, boolean signed) {
        if (!Double.isFinite(v)) {
            return Numbers.DASH;
        }
        String s = money ? numbers.money(Math.abs(v), "KZT", MONEY) : numbers.number(Math.abs(v), Decimals.upTo(0));
        if (!signed) {
            return v < 0 ? "−" + s : s;
        }
        // A difference that rounds to nothing is no difference: no sign on "0".
        boolean zero = numbers.number(Math.abs(v), Decimals.upTo(0)).equals("0");
        return zero ? s : (v > 0 ? "+" : "−") + s;
    }

    private String name(ScenarioRuns.Named s, Locale locale) {
        return s.shipped() == null ? s.name() : msg("scenario.shipped." + s.shipped() + ".name", locale);
    }

    /** A measure's KPI as it stood on the note's date, or as an issued note read it. */
    KpiFigures kpi(String template, String where, String asked, Map<Long, KpiFigures> pinned, LocalDate date,
                   Locale locale) {
        String n = asked == null ? "" : asked.trim();
        if (NUMBER.matcher(n).matches() && pinned.containsKey(Long.parseLong(n))) {
            return pinned.get(Long.parseLong(n));
        }
        MeasureKpis.Found found = measures.kpi(n, date, locale).orElseThrow(() -> new UserException(
                UserException.Kind.INVALID, "note.write.kpi.unknown", template, where, n));
        if (pinned.containsKey(found.figures().measure())) {
            return pinned.get(found.figures().measure());
        }
        if (found.problem() != null) {
            throw new UserException(UserException.Kind.INVALID, "note.write.kpi.problem", template, where,
                    found.figures().name().in(locale), msg(found.problem(), locale));
        }
        return found.figures();
    }

    /** A KPI written out: the rows of its table, or the one sentence that says the same. */
    record KpiText(List<List<String>> rows, String sentence) {
    }

    KpiText kpiText(KpiFigures f, Locale locale) {
        Numbers numbers = new Numbers(locale);
        KpiFigures.Point latest = f.latest();
        String deadline = HtmlNote.DATE.format(f.deadline());
        String light = msg("measure.light." + f.light(), locale);
        // Mid-sentence the light is written in small letters ("status: on track").
        String lightInText = light.substring(0, 1).toLowerCase(locale) + light.substring(1);
        String baseline = value(numbers, f.baseline(), f.unit());
        String target = value(numbers, f.target(), f.unit());
        String projection = f.projected() == null ? Numbers.DASH : value(numbers, f.projected(), f.unit())
                + (f.lower() == null || f.upper() == null ? "" : " (" + msg("note.write.kpi.interval", locale,
                Math.round(f.level() * 100), range(numbers, f.lower(), f.upper(), f.unit())) + ")");
        String reason = reason(f, numbers, locale);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(msg("note.write.kpi.owner", locale), f.owner().in(locale)));
        rows.add(List.of(msg("note.write.kpi.baseline", locale, String.valueOf(f.baselineYear())), baseline));
        rows.add(List.of(msg("note.write.kpi.target", locale, String.valueOf(f.targetYear()), deadline), target));
        rows.add(latest == null ? List.of(msg("note.write.kpi.latestNone", locale), Numbers.DASH)
                : List.of(msg("note.write.kpi.latest", locale, String.valueOf(latest.year())),
                value(numbers, latest.value(), f.unit())));
        rows.add(List.of(msg("note.write.kpi.projection", locale, String.valueOf(f.deadline().getYear())),
                projection));
        rows.add(List.of(msg("note.write.kpi.status", locale), light + ". " + reason));
        String sentence = latest == null
                ? msg("note.write.kpi.sentenceNoData", locale, f.name().in(locale), baseline,
                String.valueOf(f.baselineYear()), target, deadline, lightInText)
                : msg("note.write.kpi.sentence", locale, f.name().in(locale),
                value(numbers, latest.value(), f.unit()), String.valueOf(latest.year()), baseline,
                String.valueOf(f.baselineYear()), target, deadline, lightInText, reason);
        return new KpiText(rows, sentence);
    }

    /** Why the light is what it is, with the figures the rule compared (decision 0039), as the measure's page. */
    private String reason(KpiFigures f, Numbers numbers, Locale locale) {
        String target = value(numbers, f.target(), f.unit());
        KpiFigures.Point latest = f.latest();
        Object[] args = switch (f.reason()) {
            case "noData" -> new Object[0];
            case "reached" -> new Object[] {value(numbers, latest.value(), f.unit()), target};
            case "deadlinePassed" -> new Object[] {HtmlNote.DATE.format(f.deadline()),
                value(numbers, latest.value(), f.unit()), target};
            case "onPath", "behindPath", "farBehindPath" -> new Object[] {value(numbers, latest.value(), f.unit()),
                Integer.toString(latest.year()), value(numbers, planned(f, latest.year()), f.unit()), target};
            default -> new Object[] {Integer.toString(f.deadline().getYear()),
                value(numbers, f.projected(), f.unit()), range(numbers, f.lower(), f.upper(), f.unit()), target,
                f.level() == null ? "" : Math.round(f.level() * 100)};
        };
        return messages.getMessage("measure.reason." + f.reason(), args, locale);
    }

    /** kz.agyn.measure.StatusRule's planned path from the kept figures: straight from the baseline to the target. */
    private static double planned(KpiFigures f, int year) {
        int from = f.baselineYear();
        int to = Math.max(f.deadline().getYear(), from);
        if (to == from || year >= to) {
            return year >= to ? f.target() : f.baseline();
        }
        if (year <= from) {
            return f.baseline();
        }
        return f.baseline() + (f.target() - f.baseline()) * (year - from) / (to - from);
    }

    /** A value with its unit, as the measures' pages write it: "40 %", "5 000 000 000 ₸", "12". */
    private static String value(Numbers numbers, Double v, String unit) {
        if (v == null) {
            return Numbers.DASH;
        }
        String n = numbers.number(v, Decimals.upTo(unit.equals("PERCENT") ? 1 : 0));
        return switch (unit) {
            case "PERCENT" -> n + Numbers.NBSP + "%";
            case "KZT" -> n + Numbers.NBSP + "₸";
            default -> n;
        };
    }

    private static String range(Numbers numbers, Double low, Double high, String unit) {
        if (low == null || high == null) {
            return Numbers.DASH;
        }
        Decimals d = Decimals.upTo(unit.equals("PERCENT") ? 1 : 0);
        String r = numbers.number(low, d) + Numbers.DASH + numbers.number(high, d);
        return switch (unit) {
            case "PERCENT" -> r + Numbers.NBSP + "%";
            case "KZT" -> r + Numbers.NBSP + "₸";
            default -> r;
        };
    }

    /** A reference of the list: a scenario run (its scenarios, years, draws, data versions) or a KPI's source. */
    String reference(String code, Locale locale, LocalDate date) {
        if (code.startsWith(RUN_SOURCE)) {
            UUID id = UUID.fromString(code.substring(RUN_SOURCE.length()));
            ScenarioRuns.Run run = scenarios.finished(id).orElse(null);
            if (run == null) {
                return msg("note.write.scenario.refGone", locale, id.toString());
            }
            String ref = msg("note.write.scenario.ref", locale,
                    String.join("; ", run.scenarios().stream().map(s -> name(s, locale)).toList()),
                    String.valueOf(run.startYear()), String.valueOf(run.startYear() + run.horizon() - 1),
                    String.valueOf(run.draws()), String.valueOf(run.seed()), String.valueOf(run.scale()),
                    HtmlNote.DATE.format(run.finishedAt().atZone(ZoneOffset.UTC).toLocalDate()),
                    run.data().isEmpty() ? msg("note.write.scenario.noData", locale) : String.join("; ", run.data()),
                    id.toString());
            return run.synthetic() ? ref + " " + msg("note.write.syntheticData", locale) : ref;
        }
        String[] parts = code.substring(KPI_SOURCE.length()).split(":");
        String ref = msg("note.write.kpi.ref." + parts[0], locale, HtmlNote.DATE.format(date));
        return parts.length > 1 && parts[1].equals("synthetic") ? ref + " " + msg("note.write.syntheticData", locale)
                : ref;
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
