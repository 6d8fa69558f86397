package kz.agyn.survey;

import java.util.Map;

/**
 * How a response file's columns map to questions, for exports whose headers are not the question codes
 * (Google Forms writes the question text, LimeSurvey its own codes, KoboToolbox group paths).
 *
 * @param columns      question code → the file's column header; questions not named here are found by a
 *                     header equal to their code (case aside)
 * @param idColumn     the column with the survey tool's response id; by default respondent_id, response_id,
 *                     id, _uuid or _id
 * @param weightColumn the column with a design weight; by default "weight" when present, else all weights 1
 * @param charset      a CSV file's character set, when detection guesses wrong (UTF-8, windows-1251)
 * @param delimiter    a CSV file's delimiter, when detection guesses wrong
 * @param sheet        an XLSX workbook's sheet; the first by default
 */
public record ResponseMapping(Map<String, String> columns, String idColumn, String weightColumn, String charset,
                              Character delimiter, String sheet) {

    public ResponseMapping {
        columns = columns == null ? Map.of() : Map.copyOf(columns);
    }

    public static ResponseMapping empty() {
        return new ResponseMapping(Map.of(), null, null, null, null, null);
    }
}
