/**
 * Incentives for returning scholars (recommendation 2 of the note: a salary supplement for returnees in research,
 * two years free of income tax) kept as rules in data, with eligibility computed for every scholar from awards,
 * obligations and jobs, and the programme-level annual cost of each rule with the source of every amount.
 */
package kz.agyn.registry.incentives;
