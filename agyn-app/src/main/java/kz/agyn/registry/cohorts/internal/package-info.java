/** Awards as cohort analytics reads them: one set-based query, no personal column. */
package kz.agyn.registry.cohorts.internal;
