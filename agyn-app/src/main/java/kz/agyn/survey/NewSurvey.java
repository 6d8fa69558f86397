package kz.agyn.survey;

/**
 * A survey (wave) to create, as the API and the form send it.
 *
 * @param questionnaire        questionnaire code; null for the standard instrument
 * @param questionnaireVersion null for the questionnaire's latest version
 * @param marginDataset        the warehouse dataset to weight to, with {@code marginPeriod}; null to take the
 *                             demonstration survey's warehouse margins when they suit the questionnaire (else
 *                             none), and "" for no margins
 * @param previousWave         the code of the survey this one is the next wave of, whose own margins (decision 0043),
 *                             calibration method and kind of targets it takes (decision 0048); null for none. Only
 *                             without {@code marginDataset}: naming both is refused
 */
public record NewSurvey(String code, String titleKk, String titleRu, String titleEn, String wave,
                        String questionnaire, Integer questionnaireVersion, String marginDataset,
                        String marginPeriod, String previousWave) {

    /** Not a next wave of another survey. */
    public NewSurvey(String code, String titleKk, String titleRu, String titleEn, String wave, String questionnaire,
                     Integer questionnaireVersion, String marginDataset, String marginPeriod) {
        this(code, titleKk, titleRu, titleEn, wave, questionnaire, questionnaireVersion, marginDataset, marginPeriod,
                null);
    }
}
