package kz.agyn.jobs;

import java.util.Arrays;
import java.util.List;

/**
 * How a job ended, as a message code and its arguments (texts: numbers are formatted by the caller, so the record
 * reads the same in every language), and the page that shows its result, if any.
 */
public record JobOutcome(String code, List<String> args, String resultLink) {

    public JobOutcome {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static JobOutcome of(String code, Object... args) {
        return new JobOutcome(code, Arrays.stream(args).map(String::valueOf).toList(), null);
    }

    public JobOutcome linkedTo(String link) {
        return new JobOutcome(code, args, link);
    }
}
