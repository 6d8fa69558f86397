package kz.agyn.survey;

import java.util.List;
import java.util.Optional;

import kz.agyn.reference.Names;

/**
 * A question of a questionnaire version.
 *
 * @param maxLength    the longest text answer accepted; null where it does not apply
 * @param profileField the respondent profile field the answer fills, or null
 */
public record Question(int id, String code, QuestionType type, Names text, boolean required, int position,
                       Integer maxLength, String profileField, List<SurveyOption> options) {

    public Question {
        options = List.copyOf(options);
    }

    public Optional<SurveyOption> option(String code) {
        return options.stream().filter(o -> o.code().equals(code)).findFirst();
    }

    public Optional<SurveyOption> optionById(int id) {
        return options.stream().filter(o -> o.id() == id).findFirst();
    }

    public List<String> optionCodes() {
        return options.stream().map(SurveyOption::code).toList();
    }
}
