package kz.agyn.survey;

import java.util.List;

import kz.agyn.reference.Names;

/**
 * One version of a questionnaire, as lists show it.
 *
 * @param questions how many questions it has
 * @param surveys   codes of the surveys fielded with this version
 */
public record QuestionnaireVersion(String code, int version, Names title, int questions, List<String> surveys) {

    public QuestionnaireVersion {
        surveys = List.copyOf(surveys);
    }
}
