package kz.agyn.survey;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import kz.agyn.platform.problems.ShownProblem;

/**
 * One thing wrong with a response file, as every import shows it ({@code shown}: file, sheet, row, column, code
 * and the message in the reader's language), and {@code messages} in all three languages (kk, ru, en), so that a
 * report can be passed on to a colleague who reads another.
 */
public record ResponseProblem(@JsonUnwrapped ShownProblem shown, Map<String, String> messages) {
}
