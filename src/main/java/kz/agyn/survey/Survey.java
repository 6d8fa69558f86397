package kz.agyn.survey;

import kz.agyn.reference.Names;

/**
 * A survey: one wave of a questionnaire.
 *
 * @param synthetic    generated demonstration data, to be labelled as such wherever it shows
 * @param marginSource where the population margins the weights are raked to come from; null when there are none
 * @param respondents  respondents stored so far
 */
public record Survey(int id, String code, Names title, String wave, boolean synthetic, String questionnaire,
                     int questionnaireVersion, int questionnaireId, String marginSource, int respondents) {
}
