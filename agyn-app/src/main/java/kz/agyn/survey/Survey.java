package kz.agyn.survey;

import kz.agyn.reference.Names;

/**
 * A survey: one wave of a questionnaire.
 *
 * @param synthetic    generated demonstration data, to be labelled as such wherever it shows
 * @param marginSource  where the survey's own population margins ({@code survey_margin}) come from; null when
 *                      it has none
 * @param respondents   respondents stored so far
 * @param marginDataset the indicator warehouse dataset whose population the weights are raked to, or null to
 *                      use the survey's own margins; when set it wins over them
 * @param marginPeriod  the period (year) of that population; set exactly when {@code marginDataset} is
 * @param closed        who closed the survey to further answers, when and why; null while it is open
 */
public record Survey(int id, String code, Names title, String wave, boolean synthetic, String questionnaire,
                     int questionnaireVersion, int questionnaireId, String marginSource, int respondents,
                     String marginDataset, String marginPeriod, Closure closed) {

    public Survey(int id, String code, Names title, String wave, boolean synthetic, String questionnaire,
                  int questionnaireVersion, int questionnaireId, String marginSource, int respondents,
                  String marginDataset, String marginPeriod) {
        this(id, code, title, wave, synthetic, questionnaire, questionnaireVersion, questionnaireId, marginSource,
                respondents, marginDataset, marginPeriod, null);
    }

    /** Whether it takes answers: a closed survey has no new links, no form, no response file (issue 16). */
    public boolean takesAnswers() {
        return closed == null;
    }

    /** Who closed a survey, when and why. */
    public record Closure(java.time.OffsetDateTime at, String by, String reason) {
    }
}
