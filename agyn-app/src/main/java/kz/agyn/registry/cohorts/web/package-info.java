/** The cohort dashboard page, its CSV/XLSX exports and the cohort API: aggregates only. */
package kz.agyn.registry.cohorts.web;
