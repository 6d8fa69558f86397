package kz.agyn.survey;

import java.util.Map;

/**
 * One thing wrong with a response file, located: file, sheet (workbooks only), row (1-based, 0 for the
 * whole file) and column header. {@code message} is in the reader's language, {@code messages} in all three
 * (kk, ru, en), so a report can be passed on to a colleague who reads another; {@code code} is stable for
 * scripts.
 */
public record ResponseProblem(String file, String sheet, long row, String column, String code, String message,
                              Map<String, String> messages) {
}
