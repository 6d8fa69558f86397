package kz.agyn.scenario.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import kz.agyn.platform.format.Decimals;
import kz.agyn.platform.format.Numbers;
import kz.agyn.platform.format.Scale;
import kz.agyn.platform.format.Shortening;
import kz.agyn.scenario.LeverProblem;
import kz.agyn.scenario.PayRaise;
import kz.agyn.scenario.Scenario;
import kz.agyn.scenario.ScenarioException;
import kz.agyn.scenario.ScenarioLevers;
import org.springframework.context.MessageSource;

/**
 * Scenarios in the reader's language: a shipped scenario's name and description from the bundles, each lever
 * moved as a sentence with its unit, and the problems of a refused form by field.
 */
final class ScenarioTexts {

    private final MessageSource messages;
    private final Locale locale;
    private final Numbers numbers;
    /** Money on the scenario pages: millions with one decimal, billions with two. */
    static final Shortening MONEY = Shortening.none(Decimals.upTo(0)).and(Scale.MILLION, Decimals.upTo(1))
            .and(Scale.BILLION, Decimals.upTo(2));

    ScenarioTexts(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        this.numbers = new Numbers(locale, messages);
    }

    String name(Scenario s) {
        return s.shipped() == null ? s.name() : msg("scenario.shipped." + s.shipped() + ".name");
    }

    String description(Scenario s) {
        return s.shipped() == null ? s.description() : msg("scenario.shipped." + s.shipped() + ".description");
    }

    /** One sentence per lever moved; the baseline's single sentence when none is. */
    List<String> levers(ScenarioLevers l) {
        List<String> out = new ArrayList<>();
        for (PayRaise p : l.payChanges()) {
            String who = p.sector() == null ? msg("scenario.lever.allSectors")
                    : msg("scenario.sector." + p.sector());
            if (p.isco() != null) {
                who += ", " + msg("scenario.lever.iscoGroup", p.isco());
            }
            String from = p.fromYear() == null ? "" : " " + msg("scenario.lever.fromYear", String.valueOf(p.fromYear()));
            out.add(msg("scenario.lever.pay", signedPercent(p.change() * 100), who) + from);
        }
        if (l.researchBudgetKzt() != null) {
            out.add(msg("scenario.lever.researchBudget", numbers.money(l.researchBudgetKzt(), "KZT", MONEY)));
        }
        if (l.researchJobs() != null) {
            out.add(msg("scenario.lever.researchJobs", numbers.number(l.researchJobs(), Decimals.upTo(0))));
        }
        if (l.returneeSupplementShare() != null) {
            out.add(msg("scenario.lever.supplement", signedPercent(l.returneeSupplementShare() * 100),
                    l.returneeSupplementYears()));
        }
        if (l.taxHolidayYears() != null) {
            out.add(msg("scenario.lever.taxHoliday", l.taxHolidayYears()));
        }
        if (l.housingSupportKzt() != null) {
            out.add(msg("scenario.lever.housing", numbers.money(l.housingSupportKzt(), "KZT", MONEY)));
        }
        if (l.partnerships() != null) {
            out.add(msg("scenario.lever.partnerships", l.partnerships()));
        }
        if (l.fairnessIndex() != null) {
            out.add(msg("scenario.lever.fairness", numbers.number(l.fairnessIndex(), Decimals.upTo(2))));
        }
        if (out.isEmpty()) {
            out.add(msg("scenario.lever.none"));
        }
        return out;
    }

    private String signedPercent(double percent) {
        String n = numbers.number(percent, Decimals.upTo(1));
        return (percent > 0 ? "+" : "") + n + "%";
    }

    /** The problems of a refused form, each field's messages joined. */
    Map<String, String> errors(ScenarioException e) {
        Map<String, String> out = new LinkedHashMap<>();
        for (LeverProblem p : e.problems()) {
            String field = p.field() == null ? "form" : p.field();
            out.merge(field, messages.getMessage(p.code(), p.args(), p.code(), locale), (a, b) -> a + " " + b);
        }
        return out;
    }

    String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
