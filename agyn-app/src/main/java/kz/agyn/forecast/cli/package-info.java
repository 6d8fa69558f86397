/** {@code agyn forecast}: one series forecast, or many as a FORECAST job, from the command line. */
package kz.agyn.forecast.cli;
