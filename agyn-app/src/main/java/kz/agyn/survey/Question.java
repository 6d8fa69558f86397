package kz.agyn.survey;

import java.util.List;
import java.util.Optional;

import kz.agyn.reference.Names;

/**
 * A question of a questionnaire version.
 *
 * @param maxLength    the longest text answer accepted; null where it does not apply
 * @param profileField the respondent profile field the answer fills, or null
 * @param section      the code of its section, or null when the version has none
 * @param showIf       its skip rule, or null when it is always asked
 */
public record Question(int id, String code, QuestionType type, Names text, boolean required, int position,
                       Integer maxLength, String profileField, List<SurveyOption> options, String section,
                       ShowIf showIf) {

    public Question {
        options = List.copyOf(options);
    }

    /** A question asked of everyone, outside any section. */
    public Question(int id, String code, QuestionType type, Names text, boolean required, int position,
                    Integer maxLength, String profileField, List<SurveyOption> options) {
        this(id, code, type, text, required, position, maxLength, profileField, options, null, null);
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
