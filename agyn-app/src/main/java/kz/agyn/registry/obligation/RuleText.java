package kz.agyn.registry.obligation;

import java.util.LinkedHashMap;
import java.util.Map;
import kz.agyn.registry.RegistryException;

/**
 * Rule sets as text, one {@code key = value} per line, {@code #} comments allowed: what the rules editor shows
 * and what reg_rule_set stores, so a rule set reads the same in the database, the UI and a code review.
 */
public final class RuleText {

    private RuleText() {
    }

    public static Map<String, String> read(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        if (text == null) {
            return map;
        }
        int lineNo = 0;
        for (String line : text.split("\\R")) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            int eq = t.indexOf('=');
            if (eq <= 0) {
                throw RegistryException.invalid("registry.rules.badLine", lineNo);
            }
            map.put(t.substring(0, eq).strip(), t.substring(eq + 1).strip());
        }
        return map;
    }

    public static String write(Map<String, String> map) {
        StringBuilder sb = new StringBuilder();
        map.forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
        return sb.toString();
    }
}
