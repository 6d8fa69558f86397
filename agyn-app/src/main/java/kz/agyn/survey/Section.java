package kz.agyn.survey;

import java.util.List;

import kz.agyn.reference.Names;

/**
 * A section of a questionnaire version, shown as one page of the public form.
 *
 * @param code      null for the one untitled section of a version defined without sections
 * @param questions its questions, in order
 */
public record Section(String code, Names title, List<Question> questions) {

    public Section {
        questions = List.copyOf(questions);
    }
}
