package kz.agyn.registry.obligation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every version of every programme's rules, and the choice of the one that binds an award: the version
 * recorded on the award if there is one, otherwise the latest version in force on the award date. Rules
 * changed after an award therefore never change that award's obligation. Immutable; build once per
 * recomputation.
 */
public final class RuleBook {

    private final Map<String, List<ObligationRules>> byProgramme = new HashMap<>();

    /** @throws ObligationException {@link ObligationProblem#DUPLICATE_VERSION} if a programme repeats a version */
    public RuleBook(Collection<ObligationRules> rules) {
        for (ObligationRules rule : rules) {
            List<ObligationRules> versions = byProgramme.computeIfAbsent(rule.programme(), p -> new ArrayList<>());
            for (ObligationRules other : versions) {
                if (other.version() == rule.version()) {
                    throw new ObligationException(ObligationProblem.DUPLICATE_VERSION, "version",
                            rule.programme() + " v" + rule.version());
                }
            }
            versions.add(rule);
        }
        // Same validFrom: the higher version is the later correction and wins.
        byProgramme.values().forEach(v -> v.sort(Comparator.comparing(ObligationRules::validFrom)
                .thenComparingInt(ObligationRules::version)));
        byProgramme.replaceAll((p, v) -> List.copyOf(v));
    }

    /** @throws ObligationException {@link ObligationProblem#NO_RULES} if there is no such version */
    public ObligationRules version(String programme, int version) {
        for (ObligationRules rule : versions(programme)) {
            if (rule.version() == version) {
                return rule;
            }
        }
        throw new ObligationException(ObligationProblem.NO_RULES, "ruleVersion", programme + " v" + version);
    }

    /**
     * The version with the latest {@code validFrom} on or before the date.
     *
     * @throws ObligationException {@link ObligationProblem#NO_RULES} if none is in force yet
     */
    public ObligationRules inForceOn(String programme, LocalDate date) {
        ObligationRules found = null;
        for (ObligationRules rule : versions(programme)) {
            if (!rule.validFrom().isAfter(date)) {
                found = rule;
            }
        }
        if (found == null) {
            throw new ObligationException(ObligationProblem.NO_RULES, "awardedOn", programme + " " + date);
        }
        return found;
    }

    /** The rules binding the award: its recorded version, or else the version in force on its award date. */
    public ObligationRules forAward(AwardFacts award) {
        return award.ruleVersion() != null
                ? version(award.programme(), award.ruleVersion())
                : inForceOn(award.programme(), award.awardedOn());
    }

    /** A programme's versions, oldest first; empty if the programme is unknown. */
    public List<ObligationRules> versions(String programme) {
        return byProgramme.getOrDefault(programme, List.of());
    }
}
