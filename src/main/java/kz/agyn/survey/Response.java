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
 */
public record Response(String externalId, double weight, Map<String, List<String>> choices,
                       Map<String, Double> numbers, Map<String, String> texts) {

    public Response {
        choices = Map.copyOf(choices);
        numbers = Map.copyOf(numbers);
        texts = Map.copyOf(texts);
    }
}
