/**
 * The demonstration survey: a seeded generator of synthetic young specialists whose answers follow the
 * analytical note's figures, so that the survey pages can reproduce the note's Table 1 without real
 * respondents. Everything here is synthetic and says so.
 */
package kz.agyn.demo.survey;
