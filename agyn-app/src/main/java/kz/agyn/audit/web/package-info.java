/** The administrator's audit page and {@code GET /api/v1/audit}. */
package kz.agyn.audit.web;
