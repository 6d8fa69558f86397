/** SQL of the scenarios, their runs and results, and the registry's scholars read as counts (no personal data). */
package kz.agyn.scenario.internal;
