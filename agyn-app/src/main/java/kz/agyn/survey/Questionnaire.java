package kz.agyn.survey;

import java.util.List;

/** A questionnaire and its versions, oldest first. */
public record Questionnaire(String code, List<QuestionnaireVersion> versions) {

    public Questionnaire {
        versions = List.copyOf(versions);
    }

    public QuestionnaireVersion latest() {
        return versions.get(versions.size() - 1);
    }
}
