/** The officers' worklist page with its exports, and the monitoring and task API under /api/v1/registry. */
package kz.agyn.registry.monitoring.web;
