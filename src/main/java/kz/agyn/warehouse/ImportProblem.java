package kz.agyn.warehouse;

/**
 * One thing wrong with an uploaded file, located as precisely as the format allows. {@code message} is
 * already in the user's language; {@code code} is stable for scripts.
 */
public record ImportProblem(String file, String sheet, long row, String column, String code, String message) {
}
