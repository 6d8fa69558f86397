/** Loads the synthetic demonstration survey's two waves at start-up, through the survey's public service. */
package kz.agyn.demo.survey.internal;
