package kz.agyn.survey;

/**
 * One margin given by the user: a category of a profile question and its target, as text so that a target that
 * is not a number can be reported where it was given rather than refused as a malformed request.
 *
 * @param question the profile question's code, e.g. sex
 * @param category an option code of that question, e.g. F
 * @param target   a count of persons, or a share (0–1) when the margins are given as shares; a decimal comma is
 *                 read as a decimal point
 */
public record MarginTarget(String question, String category, String target) {
}
