package kz.agyn.survey;

import java.util.List;
import java.util.Map;

/**
 * One respondent's answers by question code, as every source (generator, file, web form) delivers them.
 *
 * @param externalId the source's response id (unique in a survey), or null for the web form
 * @param weight     the design weight, 1 unless the source states one
 * @param choices    option codes chosen; for a ranking question in order of rank
 * @param numbers    answers to number questions
 * @param texts      answers to text questions
 * @param design     the respondent's design variables, {@link DesignValues#NONE} when the source has none
 */
public record Response(String externalId, double weight, Map<String, List<String>> choices,
                       Map<String, Double> numbers, Map<String, String> texts, DesignValues design) {

    public Response {
        choices = Map.copyOf(choices);
        numbers = Map.copyOf(numbers);
        texts = Map.copyOf(texts);
        design = design == null ? DesignValues.NONE : design;
    }

    /** A response without design variables (the web form, the generator). */
    public Response(String externalId, double weight, Map<String, List<String>> choices, Map<String, Double> numbers,
                    Map<String, String> texts) {
        this(externalId, weight, choices, numbers, texts, DesignValues.NONE);
    }
}
