package kz.agyn.survey;

import java.util.List;

/**
 * A questionnaire version as JSON carries it, downloaded and uploaded alike (docs/formats/questionnaire.md).
 * Questions and options are in the order respondents see them.
 *
 * @param version the version it is, when downloaded; ignored on upload, where the next free version is taken
 */
public record QuestionnaireDefinition(String code, Integer version, String titleKk, String titleRu, String titleEn,
                                      List<Item> questions) {

    public QuestionnaireDefinition {
        questions = List.copyOf(questions);
    }

    /** The same definition without its version number, for comparing content. */
    public QuestionnaireDefinition withVersion(Integer v) {
        return new QuestionnaireDefinition(code, v, titleKk, titleRu, titleEn, questions);
    }

    /**
     * A question.
     *
     * @param type         a {@link QuestionType} name
     * @param maxLength    the longest answer, for TEXT questions only; null for the form's default
     * @param profileField the {@link ProfileField} code the answer fills, or null
     * @param options      empty for NUMBER and TEXT questions
     */
    public record Item(String code, String type, boolean required, Integer maxLength, String profileField,
                       String textKk, String textRu, String textEn, List<Option> options) {

        public Item {
            options = List.copyOf(options);
        }
    }

    /**
     * An answer option.
     *
     * @param none true for the "none of these" option of a multiple-choice question (one at most, chosen alone);
     *             left out of the JSON otherwise
     */
    public record Option(String code, String textKk, String textRu, String textEn,
                         @com.fasterxml.jackson.annotation.JsonInclude(
                                 com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Boolean none) {

        public Option(String code, String textKk, String textRu, String textEn) {
            this(code, textKk, textRu, textEn, null);
        }

        public boolean isNone() {
            return Boolean.TRUE.equals(none);
        }
    }
}
