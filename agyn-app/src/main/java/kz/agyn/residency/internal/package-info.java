/** Storage of residency runs: the run with its calibration, and its aggregates (never a person's verdict). */
package kz.agyn.residency.internal;
