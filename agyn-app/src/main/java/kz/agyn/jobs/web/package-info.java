/** The Jobs page of administrators and {@code /api/v1/jobs}: running and recent jobs, their progress, cancel. */
package kz.agyn.jobs.web;
