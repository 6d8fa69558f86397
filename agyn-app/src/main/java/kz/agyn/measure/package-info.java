/**
 * Adopted measures and the board that tracks them (issue 18): each measure follows one KPI from a baseline to a
 * target by a deadline; its actual values are drawn live from the warehouse, the registry's cohort analytics or
 * values reported by hand with evidence, and a traffic light says whether the trend reaches the target in time
 * (decision 0039). Every change is audited and kept field by field.
 */
package kz.agyn.measure;
