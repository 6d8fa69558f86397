/** {@code agyn simulate}: a scenario file run as a job from the command line, with a progress bar. */
package kz.agyn.scenario.cli;
