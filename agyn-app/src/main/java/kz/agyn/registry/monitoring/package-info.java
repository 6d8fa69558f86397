/**
 * Monitoring of the work-off obligation: a daily pass over the stored evaluations that raises one in-app task
 * per award and concern (due home soon, overdue, back without a reported employer, gone abroad) for registry
 * officers, closes the tasks whose concern has gone away, and serves the officers' worklist with its exports.
 */
package kz.agyn.registry.monitoring;
