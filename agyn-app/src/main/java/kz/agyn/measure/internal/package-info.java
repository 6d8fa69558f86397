/** Storage of measures, their reported values, comments and change history. */
package kz.agyn.measure.internal;
