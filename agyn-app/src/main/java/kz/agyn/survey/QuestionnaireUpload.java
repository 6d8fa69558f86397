package kz.agyn.survey;

/**
 * What an upload did.
 *
 * @param created false when the definition is the latest version's already, so that no version was added
 * @param version the new version, or, when nothing was created, the existing one it equals
 */
public record QuestionnaireUpload(String code, int version, boolean created, int questions) {
}
