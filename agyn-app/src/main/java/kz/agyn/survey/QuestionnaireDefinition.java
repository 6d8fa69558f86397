package kz.agyn.survey;

import java.util.List;

/**
 * A questionnaire version as JSON carries it, downloaded and uploaded alike (docs/formats/questionnaire.md).
 * Questions and options are in the order respondents see them.
 *
 * @param version  the version it is, when downloaded; ignored on upload, where the next free version is taken
 * @param sections the pages of the form, in order; empty when the whole questionnaire is one page
 */
public record QuestionnaireDefinition(String code, Integer version, String titleKk, String titleRu, String titleEn,
                                      List<SectionItem> sections, List<Item> questions) {

    public QuestionnaireDefinition {
        sections = sections == null ? List.of() : List.copyOf(sections);
        questions = List.copyOf(questions);
    }

    /** The same definition without its version number, for comparing content. */
    public QuestionnaireDefinition withVersion(Integer v) {
        return new QuestionnaireDefinition(code, v, titleKk, titleRu, titleEn, sections, questions);
    }

    /** A section: a page of the form with its title. */
    public record SectionItem(String code, String titleKk, String titleRu, String titleEn) {
    }

    /**
     * A skip rule: the question is asked only when the earlier question's answer holds one of {@code anyOf}, or
     * holds none of {@code noneOf}; exactly one of the two is given.
     */
    public record ShowIfItem(String question, List<String> anyOf, List<String> noneOf) {
    }

    /**
     * A question.
     *
     * @param type         a {@link QuestionType} name
     * @param maxLength    the longest answer, for TEXT questions only; null for the form's default
     * @param profileField the {@link ProfileField} code the answer fills, or null
     * @param options      empty for NUMBER and TEXT questions
     * @param section      the code of its section when the definition has sections, else null
     * @param showIf       its skip rule, or null when everyone is asked
     */
    public record Item(String code, String type, boolean required, Integer maxLength, String profileField,
                       String textKk, String textRu, String textEn, List<Option> options, String section,
                       ShowIfItem showIf) {

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
