/**
 * Bad input, said the one way: every file reader and import reports a {@link kz.agyn.platform.problems.Problem}
 * (where, which message, with which arguments) into a {@link kz.agyn.platform.problems.ProblemCollector} (one cap
 * for all), stores it untranslated, and {@link kz.agyn.platform.problems.ProblemMessages} puts it into words in
 * the reader's language when it is shown: a report checked by a Russian-speaking analyst reads in Kazakh for a
 * Kazakh-speaking colleague.
 */
package kz.agyn.platform.problems;
