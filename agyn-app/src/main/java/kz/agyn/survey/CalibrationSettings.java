package kz.agyn.survey;

import java.util.List;

import kz.agyn.survey.estimation.CalibrationMethod;

/**
 * A survey's calibration: the method, how its own margins are given, which source the weights take margins from,
 * and, for every profile question of its questionnaire, each category with the survey's own target (null where none
 * is given).
 *
 * @param source    where the weights take their margins from now: the survey's own, a warehouse dataset, or none
 * @param questions the profile questions with options, in questionnaire order
 * @param inheritedFrom the code of the previous wave whose own margins this survey took when it was created, while it
 *                  keeps them unchanged; null otherwise
 */
public record CalibrationSettings(int surveyId, String code, CalibrationMethod method, MarginTargets targets,
                                  MarginSources.Kind source, List<QuestionMargins> questions, String inheritedFrom) {

    public CalibrationSettings {
        questions = List.copyOf(questions);
    }

    /**
     * One profile question's own margins.
     *
     * @param question   the question's code, as a margins file names it
     * @param variable   the profile field it fills, which the raking reads
     * @param given      whether the survey has targets for it
     * @param categories its options with their targets
     */
    public record QuestionMargins(String question, String text, String variable, boolean given,
                                  List<CategoryTarget> categories) {

        public QuestionMargins {
            categories = List.copyOf(categories);
        }
    }

    /** An option of a profile question and its target: a count of persons or a share, as {@code targets} says. */
    public record CategoryTarget(String category, String text, Double target) {
    }
}
