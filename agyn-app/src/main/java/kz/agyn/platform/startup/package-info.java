/**
 * How a start-up mistake is told to the person starting Agyn: a {@link kz.agyn.platform.startup.StartupProblem}
 * (what is wrong, what to do) becomes a short report and a non-zero exit, never a stack trace.
 */
package kz.agyn.platform.startup;
