package kz.agyn.survey;

/**
 * Where a response file stands. Stored in {@code survey_import.status} and given by the API as its name, so the
 * names are the column's CHECK list (V9) and the API's words.
 */
public enum ResponseImportStatus {
    /** Checked without a problem: it can be accepted. */
    VALID,
    /** Checked, with problems; nothing can be written from it. */
    INVALID,
    /** Its respondents were written (none when the survey held the same file already). */
    ACCEPTED
}
