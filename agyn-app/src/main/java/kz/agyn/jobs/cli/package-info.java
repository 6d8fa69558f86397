/** {@code agyn jobs}: the jobs record on the command line (list, show, cancel), as the Jobs page shows it. */
package kz.agyn.jobs.cli;
