/**
 * Surveys of migration intentions and reasons: questionnaires (versioned, with the standard instrument shipped
 * in the migration), surveys (waves) and their respondents, response files imported in two steps (validate,
 * then accept), a one-time-link public web form, and weighted estimates with confidence intervals and
 * rankings drawn from {@link kz.agyn.survey.estimation}.
 *
 * <p>Answers travel as option codes ({@link kz.agyn.survey.Response}) whatever their source — a demonstration
 * generator (through {@link kz.agyn.survey.SyntheticSurveyService}), an imported file or the web form — so that all three are checked and stored by the same code.
 */
package kz.agyn.survey;
