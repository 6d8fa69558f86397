package kz.agyn.survey;

/**
 * A survey (wave) to create, as the API and the form send it.
 *
 * @param questionnaire        questionnaire code; null for the standard instrument
 * @param questionnaireVersion null for the questionnaire's latest version
 * @param marginDataset        the warehouse dataset to weight to, with {@code marginPeriod}; null to take the
 *                             demonstration survey's warehouse margins when they suit the questionnaire (else
 *                             none), and "" for no margins
 */
public record NewSurvey(String code, String titleKk, String titleRu, String titleEn, String wave,
                        String questionnaire, Integer questionnaireVersion, String marginDataset,
                        String marginPeriod) {
}
